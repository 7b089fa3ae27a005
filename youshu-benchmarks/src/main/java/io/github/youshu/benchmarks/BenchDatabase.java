package io.github.youshu.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The databases the outbox benchmarks run on: PostgreSQL on 127.0.0.1:5432 (database {@code test},
 * user {@code postgres}, trust authentication, in a schema of their own) when it is reachable, and H2.
 *
 * @param name the name shown in the results
 * @param url  the JDBC URL
 * @param user the user
 */
public record BenchDatabase(String name, String url, String user) {

    /** The PostgreSQL schema the benchmarks create their tables in, apart from anything else in {@code test}. */
    public static final String POSTGRES_SCHEMA = "youshu_bench";

    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    /**
     * PostgreSQL when a connection can be made within 3 seconds (its schema created), or empty.
     * Batched inserts are rewritten into multi-row inserts.
     */
    public static Optional<BenchDatabase> postgresIfReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "?connectTimeout=3", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + POSTGRES_SCHEMA);
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(new BenchDatabase("PostgreSQL",
                POSTGRES_SERVER + "?currentSchema=" + POSTGRES_SCHEMA + "&reWriteBatchedInserts=true", "postgres"));
    }

    /** An in-memory H2 database that lives until the JVM ends. */
    public static BenchDatabase h2InMemory(String name) {
        return new BenchDatabase("H2 (in memory)", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa");
    }

    /** An H2 database in a file under {@code directory}, for data larger than the heap should hold. */
    public static BenchDatabase h2File(Path directory, String name) {
        return new BenchDatabase("H2 (file)", "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath(), "sa");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** A connection pool of at most {@code poolSize} connections. */
    public HikariDataSource dataSource(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bench-" + name.replaceAll("\\W", ""));
        return new HikariDataSource(config);
    }
}
