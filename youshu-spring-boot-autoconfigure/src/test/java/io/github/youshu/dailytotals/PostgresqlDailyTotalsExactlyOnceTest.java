package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;

/** Exactly once per day across instances, on PostgreSQL (profile {@code databases}). */
@Tag("database")
class PostgresqlDailyTotalsExactlyOnceTest extends AbstractDailyTotalsExactlyOnceTest {

    @Override
    HikariDataSource createDataSource() {
        return server("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
    }
}
