package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;

/**
 * Exactly once per day across instances, on PostgreSQL (profile {@code databases}; override the
 * server with {@code youshu.test.postgresql.url}, {@code .user}, {@code .password}).
 */
@Tag("database")
class PostgresqlDailyTotalsExactlyOnceTest extends AbstractDailyTotalsExactlyOnceTest {

    @Override
    HikariDataSource createDataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(System.getProperty("youshu.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUsername(System.getProperty("youshu.test.postgresql.user", "postgres"));
        dataSource.setPassword(System.getProperty("youshu.test.postgresql.password", ""));
        return dataSource;
    }
}
