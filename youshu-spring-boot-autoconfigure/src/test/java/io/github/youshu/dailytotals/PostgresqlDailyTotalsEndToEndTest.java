package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;

/** The daily totals end to end through the outbox to the simulator, on PostgreSQL (profile {@code databases}). */
@Tag("database")
class PostgresqlDailyTotalsEndToEndTest extends AbstractDailyTotalsEndToEndTest {

    @Override
    HikariDataSource createDataSource() {
        return server("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
    }
}
