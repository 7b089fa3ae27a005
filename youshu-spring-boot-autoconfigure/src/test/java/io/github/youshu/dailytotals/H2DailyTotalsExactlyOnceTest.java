package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;

import java.util.UUID;

/** Exactly once per day across instances, on H2. */
class H2DailyTotalsExactlyOnceTest extends AbstractDailyTotalsExactlyOnceTest {

    @Override
    HikariDataSource createDataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:sum-day-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUsername("sa");
        return dataSource;
    }
}
