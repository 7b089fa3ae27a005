package io.github.youshu.benchmarks.delivery;

import io.github.youshu.benchmarks.BenchDatabase;
import io.github.youshu.benchmarks.BenchSettings;
import io.github.youshu.benchmarks.DeliveryChecks;
import io.github.youshu.benchmarks.HeapSampler;
import io.github.youshu.benchmarks.LoopbackYoushuServer;
import io.github.youshu.benchmarks.OutboxDataSourceConfiguration;
import io.github.youshu.benchmarks.Report;
import io.github.youshu.benchmarks.ReportingShopConfiguration;
import io.github.youshu.benchmarks.SpringContexts;
import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import io.github.youshu.delivery.DeliveryStatistics;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events per second from the annotated method through delivery (memory queue, or the JDBC outbox)
 * and batches of signed HTTP requests to a loopback server that counts and discards them; HTTP
 * requests per event; and the heap during the run. Producer threads call the annotated method (in
 * outbox mode inside a transaction, as a checkout would) and stay at most {@value #WINDOW} events
 * ahead of what the server has received, so that the memory queue (10,000 events by default) is
 * never full: what is measured is the rate delivery sustains, with no event refused.
 */
public final class DeliveryThroughputRun {

    /** Most events produced and not yet received by the server. */
    static final int WINDOW = 5_000;

    /** Threads calling the annotated method; {@code -Dyoushu.bench.producers=N} changes it. */
    static final int PRODUCERS = Integer.getInteger("youshu.bench.producers", 4);

    /** A run in which no event reaches the server for this long has failed. */
    static final long STALL_SECONDS = 15;

    /**
     * Orders the events are about: each event is a status change of one of them, in turn, so an
     * order gets about 15 changes over a full run, as over a shop order's life. (With 1,024 orders,
     * 235 changes each, the outbox's per-order check walks every not yet vacuumed version of the
     * order's earlier rows.)
     */
    static final int ORDERS = 16_384;

    /** The outbox table of this run. */
    static final String OUTBOX_TABLE = "youshu_outbox_throughput";

    private DeliveryThroughputRun() {
    }

    public static void run(BenchSettings settings, Report report) throws Exception {
        report.line("");
        report.line("### Delivery throughput (%,d events after %,d of warm-up, %d producer threads)",
                settings.deliveryEvents(), settings.deliveryWarmup(), PRODUCERS);
        report.line("");
        report.line("| mode | events/s | HTTP requests | events per request | elapsed | peak heap used (sampled) | peak heap after GC |");
        report.line("|---|---:|---:|---:|---:|---:|---:|");
        measure("memory", Map.of(), null, settings, report);
        BenchDatabase h2 = BenchDatabase.h2InMemory("throughput");
        measure("outbox, H2", outboxProperties(h2), h2, settings, report);
        Optional<BenchDatabase> postgres = BenchDatabase.postgresIfReachable();
        if (postgres.isPresent()) {
            measure("outbox, PostgreSQL", outboxProperties(postgres.get()), postgres.get(), settings, report);
        }
        report.line("");
        if (postgres.isEmpty()) {
            report.line("- outbox on PostgreSQL: skipped, nothing answers on 127.0.0.1:5432 (database `test`, user `postgres`).");
        }
        report.line("- elapsed runs from the first call to the last event received, so it includes the last partial"
                + " batch's wait (at most the flush or poll interval).");
    }

    private static Map<String, Object> outboxProperties(BenchDatabase database) {
        return Map.of("youshu.outbox.enabled", true,
                "youshu.outbox.table-name", OUTBOX_TABLE,
                "youshu.outbox.initialize-schema", "always",
                "bench.datasource.name", database.name(),
                "bench.datasource.url", database.url(),
                "bench.datasource.user", database.user());
    }

    private static void measure(String mode, Map<String, Object> extra, BenchDatabase database, BenchSettings settings,
            Report report) throws Exception {
        report.progress("delivery throughput, %s", mode);
        try (LoopbackYoushuServer server = LoopbackYoushuServer.start()) {
            Map<String, Object> properties = SpringContexts.youshuProperties(server.baseUrl());
            properties.put("bench.order-book-size", ORDERS);
            properties.putAll(extra);
            Class<?>[] sources = database == null
                    ? new Class<?>[] {ReportingShopConfiguration.class}
                    : new Class<?>[] {ReportingShopConfiguration.class, OutboxDataSourceConfiguration.class};
            if (database != null) {
                dropTable(database);
            }
            ConfigurableApplicationContext context = SpringContexts.run(properties, sources);
            DeliveryStatistics statistics = DeliveryChecks.statistics(context);
            try {
                OrderService service = context.getBean(OrderService.class);
                TransactionTemplate transactions = database == null ? null : context.getBean(TransactionTemplate.class);
                Producers producers = new Producers(service, transactions, server);
                producers.deliver(settings.deliveryWarmup(), timeoutSeconds(settings.deliveryWarmup()));
                long requestsBefore = server.requests();
                long elapsed;
                HeapSampler heap = HeapSampler.start();
                try (heap) {
                    long start = System.nanoTime();
                    producers.deliver(settings.deliveryEvents(), timeoutSeconds(settings.deliveryEvents()));
                    elapsed = System.nanoTime() - start;
                }
                long requests = server.requests() - requestsBefore;
                report.line("| %s | %,.0f | %,d | %.1f | %.1f s | %s | %s |", mode,
                        settings.deliveryEvents() / (elapsed / 1e9), requests,
                        (double) settings.deliveryEvents() / requests, elapsed / 1e9,
                        Report.mib(heap.peakUsedBytes()), heap.collections() == 0 ? "no GC ran" : Report.mib(heap.peakAfterGcBytes()));
                DeliveryChecks.awaitSettled(statistics, Duration.ofSeconds(STALL_SECONDS));
            } finally {
                context.close();
            }
            DeliveryChecks.requireAllDelivered(mode, statistics, server.events());
            long expected = settings.deliveryWarmup() + (long) settings.deliveryEvents();
            if (server.events() != expected) {
                throw new AssertionError(mode + ": the server received " + server.events() + " events, expected exactly "
                        + expected + " (duplicates?)");
            }
            if (server.unsignedRequests() > 0) {
                throw new AssertionError(mode + ": " + server.unsignedRequests() + " requests arrived without a signature");
            }
        } finally {
            if (database != null) {
                dropTable(database);
            }
        }
    }

    /** Generous: a broken pipeline fails the run, a slow machine does not. */
    private static long timeoutSeconds(int events) {
        return 60 + events / 500;
    }

    private static void dropTable(BenchDatabase database) throws SQLException {
        try (var dataSource = database.dataSource(1)) {
            dropTable(dataSource);
        }
    }

    private static void dropTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + OUTBOX_TABLE);
        }
    }

    /** Threads that call the annotated method, at most {@link #WINDOW} events ahead of the server. */
    private static final class Producers {

        private final OrderService service;
        private final TransactionTemplate transactions;
        private final LoopbackYoushuServer server;
        private final OrderBook book = new OrderBook(ORDERS);

        Producers(OrderService service, TransactionTemplate transactions, LoopbackYoushuServer server) {
            this.service = service;
            this.transactions = transactions;
            this.server = server;
        }

        /** Makes {@code count} calls and returns when the server has received all their events. */
        void deliver(int count, long timeoutSeconds) throws InterruptedException {
            long base = server.events();
            AtomicLong issued = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] threads = new Thread[PRODUCERS];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        for (long k = issued.getAndIncrement(); k < count; k = issued.getAndIncrement()) {
                            while (k - (server.events() - base) >= WINDOW && failure.get() == null) {
                                LockSupport.parkNanos(50_000);
                            }
                            call(book.idAt((int) k));
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "producer-" + t);
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("a call of the annotated method failed", failure.get());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long lastCount = -1;
            long lastProgress = System.nanoTime();
            while (server.events() - base < count) {
                long received = server.events() - base;
                long now = System.nanoTime();
                if (received != lastCount) {
                    lastCount = received;
                    lastProgress = now;
                }
                if (now > deadline || now - lastProgress > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                    throw new AssertionError("only " + received + " of " + count + " events reached the server"
                            + (now > deadline ? " within " + timeoutSeconds + " s" : ", none in the last " + STALL_SECONDS + " s"));
                }
                Thread.sleep(1);
            }
        }

        private void call(String orderId) {
            if (transactions == null) {
                service.pay(orderId);
            } else {
                transactions.executeWithoutResult(status -> service.pay(orderId));
            }
        }
    }
}
