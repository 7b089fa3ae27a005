package io.github.youshu.dailytotals;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;

/** Exactly once per day across instances, on MariaDB (profile {@code databases}). */
@Tag("database")
class MariadbDailyTotalsExactlyOnceTest extends AbstractDailyTotalsExactlyOnceTest {

    @Override
    HikariDataSource createDataSource() {
        return server("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");
    }
}
