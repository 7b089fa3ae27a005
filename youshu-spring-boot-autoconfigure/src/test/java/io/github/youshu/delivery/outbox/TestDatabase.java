package io.github.youshu.delivery.outbox;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The databases the outbox contract tests run on. H2 runs in memory; PostgreSQL and MariaDB are
 * servers on loopback by default, overridable with the system properties
 * {@code youshu.test.<name>.url}, {@code .user} and {@code .password} (name: {@code postgresql},
 * {@code mariadb}).
 */
enum TestDatabase {

    H2("jdbc:h2:mem:outbox-%s;DB_CLOSE_DELAY=-1", "sa", ""),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    private final String defaultUrl;
    private final String defaultUser;
    private final String defaultPassword;

    TestDatabase(String defaultUrl, String defaultUser, String defaultPassword) {
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
        this.defaultPassword = defaultPassword;
    }

    /** A pooled DataSource; close it after the test. */
    HikariDataSource dataSource() {
        String key = "youshu.test." + name().toLowerCase(Locale.ROOT);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty(key + ".url", defaultUrl.formatted(UUID.randomUUID())));
        config.setUsername(System.getProperty(key + ".user", defaultUser));
        config.setPassword(System.getProperty(key + ".password", defaultPassword));
        config.setMaximumPoolSize(12);
        config.setPoolName("outbox-test-" + name().toLowerCase(Locale.ROOT));
        return new HikariDataSource(config);
    }

    /** A table name of its own for one test, so concurrent and earlier runs never share rows. */
    static String randomTableName() {
        return "youshu_outbox_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The statement that drops an index of the table. */
    String dropIndex(String table, String index) {
        return this == MARIADB ? "DROP INDEX " + index + " ON " + table : "DROP INDEX " + index;
    }

    /**
     * The plan the database chooses for {@code query}, as text: H2's and PostgreSQL's own text;
     * on MariaDB one line per table, {@code table=<alias> type=<access> key=<index> rows=<n>}.
     */
    String explain(JdbcClient jdbc, String query) {
        if (this == MARIADB) {
            return jdbc.sql("EXPLAIN " + query)
                    .query((rs, row) -> "table=" + rs.getString("table") + " type=" + rs.getString("type") + " key="
                            + rs.getString("key") + " rows=" + rs.getString("rows"))
                    .list().stream().collect(Collectors.joining("\n"));
        }
        return jdbc.sql("EXPLAIN " + query).query((rs, row) -> rs.getString(1)).list().stream()
                .collect(Collectors.joining("\n"));
    }

    /** Refreshes the planner statistics, as the database's own maintenance would on a live table. */
    String analyze(String table) {
        return switch (this) {
            case H2 -> "ANALYZE TABLE " + table;
            case POSTGRESQL -> "ANALYZE " + table;
            case MARIADB -> "ANALYZE TABLE " + table;
        };
    }
}
