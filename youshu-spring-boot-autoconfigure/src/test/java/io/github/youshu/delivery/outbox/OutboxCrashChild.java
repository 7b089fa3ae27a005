package io.github.youshu.delivery.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.TransactionAwareEventDispatcher;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application that {@link OutboxCrashTest} kills: writes events {@code 0..N-1} through the
 * outbox, ten per transaction together with its progress (the "business data"), while its relay
 * sends them to the fake Youshu. Started again, it continues where its committed progress stands.
 * Runs until it is killed.
 *
 * <p>Arguments: JDBC URL, outbox table, Youshu URL, N.
 */
final class OutboxCrashChild {

    private static final Logger log = LoggerFactory.getLogger(OutboxCrashChild.class);

    static final Duration LEASE = Duration.ofSeconds(2);

    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String table = args[1];
        URI youshu = URI.create(args[2]);
        int events = Integer.parseInt(args[3]);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(6);
        HikariDataSource dataSource = new HikariDataSource(config);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + table + "_progress (id INT PRIMARY KEY, next_seq INT NOT NULL)").update();
        jdbc.sql("MERGE INTO " + table + "_progress KEY (id) VALUES (1, COALESCE((SELECT next_seq FROM " + table
                + "_progress WHERE id = 1), 0))").update();

        OutboxSettings settings = new OutboxSettings(table, OutboxSettings.SchemaInitialization.EMBEDDED, LEASE,
                Duration.ofMillis(50), Duration.ZERO, null);
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, settings, Clock.systemUTC());
        DeliveryStatistics statistics = new DeliveryStatistics();
        LossReporter lossReporter = new LossReporter();
        OutboxRelays.start(store, new HttpYoushu(youshu), statistics, lossReporter);
        TransactionAwareEventDispatcher dispatcher = new TransactionAwareEventDispatcher(store, statistics, lossReporter);

        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        int next;
        do {
            next = transaction.execute(status -> {
                int from = jdbc.sql("SELECT next_seq FROM " + table + "_progress WHERE id = 1 FOR UPDATE")
                        .query(Integer.class).single();
                int to = Math.min(from + 10, events);
                for (int seq = from; seq < to; seq++) {
                    dispatcher.dispatch(AbstractOutboxStoreContractTest.event("o-" + seq));
                }
                jdbc.sql("UPDATE " + table + "_progress SET next_seq = ? WHERE id = 1").param(to).update();
                return to;
            });
        }
        while (next < events);
        log.info("All {} events are written; relaying until killed", events);
        new CountDownLatch(1).await();
    }

    /** Posts the batch to the fake Youshu: HTTP 200 is accepted, anything else transient. */
    private record HttpYoushu(URI uri) implements YoushuTransport {

        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public SendResult send(byte[] jsonBody, int eventCount) {
            try {
                HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200 ? SendResult.accepted(200, 0, "ok")
                        : SendResult.transientFailure(response.statusCode(), "HTTP " + response.statusCode(), null);
            }
            catch (java.io.IOException ex) {
                return SendResult.transientFailure(0, ex.toString(), null);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return SendResult.transientFailure(0, "interrupted", null);
            }
        }
    }
}
