package io.github.youshu.benchmarks.growth;

import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.benchmarks.BenchDatabase;
import io.github.youshu.benchmarks.BenchSettings;
import io.github.youshu.benchmarks.LoopbackYoushuServer;
import io.github.youshu.benchmarks.Report;
import io.github.youshu.benchmarks.shop.BenchApp;
import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.SampleEvents;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.delivery.outbox.JdbcOutboxStore;
import io.github.youshu.delivery.outbox.OutboxSettings;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.transport.HttpYoushuTransport;
import io.github.youshu.transport.ReportEndpoint;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import io.github.youshu.transport.YoushuEnvironment;
import io.github.youshu.transport.YoushuTransport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the outbox's claim-and-send cost per event grows with the backlog: the same number of
 * events claimed, sent (signed HTTP to a loopback server) and marked delivered, in batches of 50,
 * once with a small backlog of pending rows and once with a large one. Each round first adds a
 * few fresh rows (not timed) and then claims as many, so that the backlog stays at its size. The
 * backlog is inserted with batched (multi-row on PostgreSQL) inserts, then analyzed.
 */
public final class BacklogGrowthRun {

    static final String TABLE = "youshu_outbox_growth";
    private static final int BATCH_EVENTS = 50;
    private static final long BATCH_BYTES = 512 * 1024;
    private static final int ROUND_EVENTS = 500;
    private static final int INSERT_BATCH = 1_000;
    private static final int INSERT_COMMIT = 20_000;

    private BacklogGrowthRun() {
    }

    public static void run(BenchSettings settings, Report report) throws Exception {
        Optional<BenchDatabase> postgres = BenchDatabase.postgresIfReachable();
        BenchDatabase database = postgres.orElseGet(() -> BenchDatabase.h2File(report.directory(), "growth"));
        report.line("");
        report.line("### Outbox backlog growth (%s)", database.name());
        report.line("");
        if (postgres.isEmpty()) {
            report.line("- PostgreSQL on 127.0.0.1:5432 is not reachable: measured on %s instead.", database.name());
        }
        try (LoopbackYoushuServer server = LoopbackYoushuServer.start();
                HikariDataSource dataSource = database.dataSource(4)) {
            TransportSettings transportSettings = TransportSettings.of(YoushuEnvironment.PRODUCTION, server.baseUrl(),
                    ReportEndpoint.SAFE_REPORT, TransportSettings.DEFAULT_CONNECT_TIMEOUT,
                    TransportSettings.DEFAULT_REQUEST_TIMEOUT);
            YoushuTransport transport = new HttpYoushuTransport(transportSettings,
                    YoushuCredentials.of(BenchApp.APP_ID, BenchApp.APP_SECRET));
            report.line("| backlog (pending rows) | events claimed and sent | µs per event"
                    + " | of which claim | send | mark delivered | backlog insert |");
            report.line("|---:|---:|---:|---:|---:|---:|---:|");
            double small = measure(settings.backlogSmall(), settings, database, dataSource, transport, report);
            double large = measure(settings.backlogLarge(), settings, database, dataSource, transport, report);
            report.line("");
            report.line("- growth ratio (%,d rows ÷ %,d rows): **%.2f×** (goal ≤ 1.5×)", settings.backlogLarge(),
                    settings.backlogSmall(), large / small);
            if (server.unsignedRequests() > 0) {
                throw new AssertionError(server.unsignedRequests() + " requests arrived without a signature");
            }
            dropTable(dataSource);
        }
    }

    /** Returns the claim-and-send time per event in nanoseconds. */
    private static double measure(int backlog, BenchSettings settings, BenchDatabase database,
            HikariDataSource dataSource, YoushuTransport transport, Report report) throws SQLException {
        dropTable(dataSource);
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, new OutboxSettings(TABLE,
                OutboxSettings.SchemaInitialization.ALWAYS, Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ZERO, null), Clock.systemUTC());
        RowSource rows = new RowSource();
        report.progress("inserting a backlog of %,d rows into %s", backlog, database.name());
        long insertStart = System.nanoTime();
        // The backlog became due an hour ago, oldest first: it is claimed before the fresh rows.
        rows.insert(dataSource, backlog, System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1));
        analyze(dataSource, database);
        long insertNanos = System.nanoTime() - insertStart;

        int rounds = Math.max(1, settings.growthEvents() / ROUND_EVENTS);
        // Warm-up (JIT, connections, caches), not counted: a quarter as many rounds again.
        for (int round = 0; round < Math.max(1, rounds / 4); round++) {
            rows.insert(dataSource, ROUND_EVENTS, System.currentTimeMillis());
            drain(store, transport, ROUND_EVENTS, new Phases());
        }
        Phases phases = new Phases();
        long nanos = 0;
        long events = 0;
        for (int round = 0; round < rounds; round++) {
            rows.insert(dataSource, ROUND_EVENTS, System.currentTimeMillis());
            long start = System.nanoTime();
            events += drain(store, transport, ROUND_EVENTS, phases);
            nanos += System.nanoTime() - start;
        }
        long left = store.pendingCount();
        if (left != backlog) {
            throw new AssertionError("the backlog should have stayed at " + backlog + " rows, but " + left + " are pending");
        }
        double perEvent = (double) nanos / events;
        report.line("| %,d | %,d | %,.1f | %,.1f | %,.1f | %,.1f | %.1f s |", backlog, events, perEvent / 1000,
                phases.claim / 1000.0 / events, phases.send / 1000.0 / events, phases.mark / 1000.0 / events,
                insertNanos / 1e9);
        return perEvent;
    }

    /** Claims, sends and marks delivered exactly {@code count} events. */
    private static long drain(JdbcOutboxStore store, YoushuTransport transport, int count, Phases phases) {
        long delivered = 0;
        while (delivered < count) {
            long start = System.nanoTime();
            List<StoredEvent> batch = store.claim((int) Math.min(BATCH_EVENTS, count - delivered), BATCH_BYTES);
            long claimed = System.nanoTime();
            if (batch.isEmpty()) {
                throw new AssertionError("the outbox ran out of due events after " + delivered + " of " + count);
            }
            SendResult result = transport.send(jsonArray(batch), batch.size());
            long sent = System.nanoTime();
            if (!result.isAccepted()) {
                throw new AssertionError("the loopback server did not accept a batch: " + result);
            }
            store.markDelivered(batch);
            long marked = System.nanoTime();
            phases.claim += claimed - start;
            phases.send += sent - claimed;
            phases.mark += marked - sent;
            delivered += batch.size();
        }
        return delivered;
    }

    /** Where the time of a drain went, in nanoseconds. */
    private static final class Phases {
        long claim;
        long send;
        long mark;
    }

    private static byte[] jsonArray(List<StoredEvent> batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(batch.get(i).event().json());
        }
        body.write(']');
        return body.toByteArray();
    }

    private static void analyze(HikariDataSource dataSource, BenchDatabase database) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(database.isPostgres() ? "VACUUM ANALYZE " + TABLE : "ANALYZE TABLE " + TABLE);
        }
    }

    private static void dropTable(HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    /** Writes pending outbox rows in bulk, each a real event JSON with its own order id. */
    private static final class RowSource {

        private final OrderBook book = new OrderBook();
        private final EventJsonSerializer serializer = new EventJsonSerializer();
        private final String[] payloads = new String[OrderBook.SIZE];
        private final int[] payloadBytes = new int[OrderBook.SIZE];
        private long next;

        RowSource() {
            Instant now = Instant.now();
            for (int i = 0; i < OrderBook.SIZE; i++) {
                YoushuEvent event = SampleEvents.payed(book.find(book.idAt(i)), now);
                byte[] json = serializer.toJsonBytes(event);
                payloads[i] = new String(json, StandardCharsets.UTF_8);
                payloadBytes[i] = json.length;
            }
        }

        void insert(HikariDataSource dataSource, int count, long dueAt) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                            + " (event_type, order_id, payload, payload_bytes, created_at, status, attempts, next_attempt_at)"
                            + " VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)")) {
                connection.setAutoCommit(false);
                for (int i = 0; i < count; i++) {
                    int slot = (int) (next++ & (OrderBook.SIZE - 1));
                    insert.setString(1, YoushuEvent.CUSTOM_ORDER);
                    insert.setString(2, book.idAt(slot));
                    insert.setString(3, payloads[slot]);
                    insert.setInt(4, payloadBytes[slot]);
                    insert.setLong(5, dueAt);
                    insert.setLong(6, dueAt + i / 1000);
                    insert.addBatch();
                    if ((i + 1) % INSERT_BATCH == 0) {
                        insert.executeBatch();
                    }
                    if ((i + 1) % INSERT_COMMIT == 0) {
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }
}
