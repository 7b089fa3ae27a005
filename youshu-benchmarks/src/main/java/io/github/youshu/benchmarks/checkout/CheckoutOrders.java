package io.github.youshu.benchmarks.checkout;

import io.github.youshu.benchmarks.shop.ShopOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checkout's own write: one row of the order table per call, as the business transaction of a
 * real checkout writes its order. Every variant of {@link OutboxCostBenchmark} writes the same row.
 */
public final class CheckoutOrders {

    /** The order table of the benchmark, in the benchmarks' own schema. */
    public static final String TABLE = "bench_checkout_order";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    public CheckoutOrders(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Drops and creates the order table. */
    public static void recreateTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id VARCHAR(64) PRIMARY KEY, total NUMERIC(12,2) NOT NULL,"
                    + " paid NUMERIC(12,2) NOT NULL, open_id VARCHAR(64) NOT NULL, created_at BIGINT NOT NULL)");
        }
    }

    /** Inserts the order under a new, unique id (the book's orders are reused across calls). */
    public void insert(ShopOrder order) {
        jdbc.sql("INSERT INTO " + TABLE + " (id, total, paid, open_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(order.id() + "-" + SEQUENCE.incrementAndGet(), order.total(), order.paid(), order.openId(),
                        order.createdAt().toEpochMilli())
                .update();
    }
}
