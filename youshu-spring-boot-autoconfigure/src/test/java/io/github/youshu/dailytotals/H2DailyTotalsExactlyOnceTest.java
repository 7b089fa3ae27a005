package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;

/** Exactly once per day across instances, on H2. */
class H2DailyTotalsExactlyOnceTest extends AbstractDailyTotalsExactlyOnceTest {

    @Override
    HikariDataSource createDataSource() {
        return h2();
    }
}
