package io.github.youshu.delivery.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.delivery.TestEvents;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.delivery.WireMockYoushu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 item 1, a rolling deploy: the application context of one instance is closed (as on
 * SIGTERM) while Youshu takes its time to answer a batch, and a new instance starts on the same
 * table. The stop waits for the request in flight and records its outcome before the DataSource
 * is closed, hands back what it claimed but did not send, and the new instance sends the rest at
 * once: no event twice, none lost. Run once per database by the subclasses.
 */
abstract class AbstractOutboxGracefulStopContractTest {

    private static final int EVENTS = 20;

    private final WireMockYoushu youshu = new WireMockYoushu();

    private final DeliveryStatistics statistics = new DeliveryStatistics();

    private final LossReporter lossReporter = new LossReporter();

    private final LogCapture stopLog = LogCapture.of(OutboxDeliveryLifecycle.class);

    private HikariDataSource firstInstance;

    private HikariDataSource secondInstance;

    private BatchRelay secondRelay;

    private String table;

    abstract TestDatabase database();

    @BeforeEach
    void createTable() {
        firstInstance = database().dataSource();
        table = TestDatabase.randomTableName();
    }

    @AfterEach
    void dropTable() {
        stopLog.close();
        if (secondRelay != null) {
            secondRelay.stop();
        }
        HikariDataSource open = secondInstance != null ? secondInstance : firstInstance;
        try {
            JdbcClient.create(open).sql("DROP TABLE IF EXISTS " + table).update();
        }
        finally {
            open.close();
            firstInstance.close();
            youshu.close();
        }
    }

    private OutboxSettings settings() {
        return new OutboxSettings(table, OutboxSettings.SchemaInitialization.ALWAYS, Duration.ofSeconds(60),
                Duration.ofMillis(20), Duration.ZERO, null);
    }

    /** Batches of 5 (so that some rows are never claimed), 2 requests at once, the default 10 s shutdown timeout. */
    private static DeliverySettings relaySettings() {
        return TestSettings.quick().batch(5, 512 * 1024).concurrency(2).maxRetryDuration(Duration.ZERO).build();
    }

    @Test
    void aGracefulStopDuringARequestDuplicatesNothingAndLosesNothing() {
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}").withFixedDelay(1_500)));
        JdbcOutboxStore store = new JdbcOutboxStore(firstInstance, settings(), Clock.systemUTC());
        IntStream.rangeClosed(1, EVENTS).forEach(seq -> store.append(TestEvents.event(seq)));
        BatchRelay relay = new BatchRelay(store, youshu.transport("s3cr3t-value"), relaySettings(),
                store.settings().pollInterval(), statistics, lossReporter, List.of());
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("dataSource", HikariDataSource.class, () -> firstInstance,
                definition -> definition.setDestroyMethodName("close"));
        context.registerBean(OutboxDeliveryLifecycle.class, () -> new OutboxDeliveryLifecycle(store, relay));
        context.refresh();
        await().until(() -> !youshu.requestSeqs().isEmpty());

        context.close(); // Youshu has not answered yet

        assertThat(firstInstance.isClosed()).isTrue();
        assertThat(stopLog.messages(Level.INFO)).singleElement().asString()
                .startsWith("Youshu outbox relay stopped; " + (EVENTS - acceptedSoFar()) + " events wait in table")
                .endsWith("none is claimed");
        youshu.server.resetMappings();
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));

        secondInstance = sameDatabase(firstInstance);
        JdbcOutboxStore next = new JdbcOutboxStore(secondInstance, settings(), Clock.systemUTC());
        secondRelay = new BatchRelay(next, youshu.transport("s3cr3t-value"), relaySettings(), next.settings().pollInterval(),
                statistics, lossReporter, List.of());
        secondRelay.start();

        await().until(() -> youshu.acceptedSeqs().size() == EVENTS);
        assertThat(youshu.acceptedSeqs()).as("no event delivered twice").allSatisfy((seq, times) -> assertThat(times).isOne());
        await().until(() -> JdbcClient.create(secondInstance).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single() == 0);
    }

    @Test
    void releasedRowsAreDueAtOnceWithTheirAttemptsUncountedAndTheirLeaseCleared() {
        JdbcOutboxStore store = new JdbcOutboxStore(firstInstance, settings(), Clock.systemUTC());
        IntStream.rangeClosed(1, 3).forEach(seq -> store.append(TestEvents.event(seq)));
        List<StoredEvent> claimed = store.claim(50, Long.MAX_VALUE);
        assertThat(store.claim(50, Long.MAX_VALUE)).as("leased").isEmpty();

        store.release(claimed);

        assertThat(store.pendingCount()).isEqualTo(3);
        JdbcOutboxStore otherInstance = new JdbcOutboxStore(firstInstance, settings(), Clock.systemUTC());
        assertThat(otherInstance.claim(50, Long.MAX_VALUE)).extracting(StoredEvent::attempts).containsExactly(0, 0, 0);
    }

    /** How many events Youshu accepted so far: the requests in flight at the stop, answered during it. */
    private int acceptedSoFar() {
        return youshu.acceptedSeqs().size();
    }

    private static HikariDataSource sameDatabase(HikariDataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
