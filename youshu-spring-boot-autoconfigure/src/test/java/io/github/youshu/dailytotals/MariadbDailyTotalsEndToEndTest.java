package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;

/** The daily totals end to end through the outbox to the simulator, on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbDailyTotalsEndToEndTest extends AbstractDailyTotalsEndToEndTest {

    @Override
    HikariDataSource createDataSource() {
        return server("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");
    }
}
