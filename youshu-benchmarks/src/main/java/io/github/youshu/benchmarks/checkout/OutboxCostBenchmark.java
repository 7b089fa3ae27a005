package io.github.youshu.benchmarks.checkout;

import io.github.youshu.benchmarks.BenchDatabase;
import io.github.youshu.benchmarks.DeliveryChecks;
import io.github.youshu.benchmarks.LoopbackYoushuServer;
import io.github.youshu.benchmarks.OutboxDataSourceConfiguration;
import io.github.youshu.benchmarks.ReportingShopConfiguration;
import io.github.youshu.benchmarks.SpringContexts;
import io.github.youshu.benchmarks.shop.BenchApp;
import io.github.youshu.benchmarks.shop.OrderService;
import io.github.youshu.benchmarks.shop.OrderTurns;
import io.github.youshu.benchmarks.shop.ShopOrder;
import io.github.youshu.delivery.DeliveryStatistics;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox adds to a checkout transaction, on PostgreSQL (H2 in memory when nothing answers
 * on 127.0.0.1:5432): a transaction that writes one order row ({@code bareTransaction}); the same
 * with the starter's {@code @ReportOrderStatus} inside it, outbox mode, its relay sending to a
 * loopback Youshu ({@code withYoushuOutbox}); and the same publishing an equivalent event through
 * Spring Modulith's JDBC event publication registry, completed by an asynchronous listener
 * ({@code withModulithRegistry}). Run by {@link OutboxCostRun}, which reports each as a ratio to
 * the bare transaction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxCostBenchmark {

    /** The system property that names the database when the run decided it (the forks inherit it). */
    static final String DATABASE_PROPERTY = "youshu.bench.checkout.database";

    /** The starter's outbox table in this benchmark. */
    static final String OUTBOX_TABLE = "youshu_outbox_checkout";

    /** A checkout context on the benchmark's database: its DataSource and transactions, and the order table. */
    abstract static class Checkout {
        ConfigurableApplicationContext context;
        OrderService service;
        TransactionTemplate transactions;
        CheckoutOrders orders;

        void start(Map<String, Object> properties, Class<?>... sources) throws SQLException {
            BenchDatabase database = database();
            properties.put("bench.datasource.name", database.name());
            properties.put("bench.datasource.url", database.url());
            properties.put("bench.datasource.user", database.user());
            context = SpringContexts.run(properties, sources);
            DataSource dataSource = context.getBean(DataSource.class);
            CheckoutOrders.recreateTable(dataSource);
            service = context.getBean(OrderService.class);
            transactions = context.getBean(TransactionTemplate.class);
            orders = new CheckoutOrders(dataSource);
        }

        /** One checkout transaction: the business method (reported or not) and the order row. */
        ShopOrder checkout(String orderId) {
            return transactions.execute(status -> {
                ShopOrder order = service.pay(orderId);
                orders.insert(order);
                return order;
            });
        }

        void stop() {
            if (context != null) {
                context.close();
            }
        }
    }

    /** Writes the order row, nothing else. */
    @State(Scope.Benchmark)
    public static class Bare extends Checkout {

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            start(withoutYoushu(), BareCheckoutConfiguration.class, OutboxDataSourceConfiguration.class);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            stop();
        }
    }

    /** The starter's annotation in outbox mode: its row commits with the order, its relay sends it. */
    @State(Scope.Benchmark)
    public static class YoushuOutbox extends Checkout {
        LoopbackYoushuServer server;

        @Setup(Level.Trial)
        public void setUp() throws IOException, SQLException {
            server = LoopbackYoushuServer.start();
            Map<String, Object> properties = SpringContexts.youshuProperties(server.baseUrl());
            properties.put("youshu.outbox.enabled", true);
            properties.put("youshu.outbox.table-name", OUTBOX_TABLE);
            properties.put("youshu.outbox.initialize-schema", "always");
            dropTable(OUTBOX_TABLE);
            start(properties, ReportingShopConfiguration.class, OutboxDataSourceConfiguration.class);
        }

        /** Fails the benchmark when a reported event was not delivered exactly once. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            DeliveryStatistics statistics = DeliveryChecks.statistics(context);
            DeliveryChecks.awaitSettled(statistics, Duration.ofSeconds(60));
            stop();
            server.close();
            DeliveryChecks.requireAllDelivered("withYoushuOutbox", statistics, server.events());
        }
    }

    /** Spring Modulith's registry: the publication commits with the order, a listener completes it. */
    @State(Scope.Benchmark)
    public static class ModulithRegistry extends Checkout {
        ApplicationEventPublisher publisher;
        ModulithCheckoutConfiguration.OrderPaidListener listener;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            Map<String, Object> properties = withoutYoushu();
            properties.put("spring.modulith.events.jdbc.schema-initialization.enabled", true);
            properties.put("spring.modulith.events.completion-mode", "delete");
            dropTable("event_publication");
            start(properties, ModulithCheckoutConfiguration.class, BareCheckoutConfiguration.class,
                    OutboxDataSourceConfiguration.class);
            publisher = context;
            listener = context.getBean(ModulithCheckoutConfiguration.OrderPaidListener.class);
        }

        /** Fails the benchmark when the listener received no event. */
        @TearDown(Level.Trial)
        public void tearDown() {
            long received = listener.received();
            stop();
            if (received == 0) {
                throw new IllegalStateException("Spring Modulith's listener received no event");
            }
        }
    }

    @Benchmark
    public ShopOrder bareTransaction(Bare state, OrderTurns orders) {
        return state.checkout(orders.nextId());
    }

    @Benchmark
    public ShopOrder withYoushuOutbox(YoushuOutbox state, OrderTurns orders) {
        return state.checkout(orders.nextId());
    }

    @Benchmark
    public ShopOrder withModulithRegistry(ModulithRegistry state, OrderTurns orders) {
        return state.transactions.execute(status -> {
            ShopOrder order = state.service.pay(orders.nextId());
            state.orders.insert(order);
            state.publisher.publishEvent(new OrderPaid(order.id(), order.createdAt().toEpochMilli(), order.total(),
                    order.paid(), order.openId(), BenchApp.PAGE, "payed"));
            return order;
        });
    }

    /** The database of this run: PostgreSQL when the run found it reachable, else H2 in memory. */
    static BenchDatabase database() {
        String chosen = System.getProperty(DATABASE_PROPERTY, "h2");
        if (chosen.equals("postgresql")) {
            return BenchDatabase.postgresIfReachable()
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL stopped answering on 127.0.0.1:5432"));
        }
        return BenchDatabase.h2InMemory("checkout");
    }

    private static Map<String, Object> withoutYoushu() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("youshu.enabled", false);
        return properties;
    }

    private static void dropTable(String table) throws SQLException {
        try (var dataSource = database().dataSource(1); Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
