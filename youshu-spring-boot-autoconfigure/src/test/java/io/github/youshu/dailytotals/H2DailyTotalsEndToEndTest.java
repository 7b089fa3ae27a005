package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;

/** The daily totals end to end through the outbox to the simulator, on H2. */
class H2DailyTotalsEndToEndTest extends AbstractDailyTotalsEndToEndTest {

    @Override
    HikariDataSource createDataSource() {
        return h2();
    }
}
