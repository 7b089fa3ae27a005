package io.github.youshu.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.TransactionAwareEventDispatcher;
import io.github.youshu.transport.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.github.youshu.delivery.outbox.AbstractOutboxStoreContractTest.change;
import static io.github.youshu.delivery.outbox.AbstractOutboxStoreContractTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end through the outbox: the transaction-aware dispatcher appends in the caller's
 * transaction, the generic {@link BatchRelay} delivers to a fake Youshu. Run once per database by
 * the subclasses, each test on a table of its own.
 */
abstract class AbstractOutboxDeliveryContractTest {

    private static final Duration LONG_WAIT = Duration.ofMinutes(3);

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private String table;
    private final FakeYoushu youshu = new FakeYoushu();
    private final DeliveryStatistics statistics = new DeliveryStatistics();
    private final LossReporter lossReporter = new LossReporter();
    private final List<BatchRelay> relays = new ArrayList<>();

    abstract TestDatabase database();

    @BeforeEach
    void createDataSource() {
        dataSource = database().dataSource();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        table = TestDatabase.randomTableName();
    }

    @AfterEach
    void stopRelaysAndDropTable() {
        relays.forEach(BatchRelay::stop);
        try {
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
        }
        finally {
            dataSource.close();
        }
    }

    private OutboxSettings settings(Duration leaseDuration) {
        return new OutboxSettings(table, OutboxSettings.SchemaInitialization.ALWAYS, leaseDuration,
                Duration.ofMillis(20), Duration.ZERO, null);
    }

    /** One application instance: its store on the shared table, and its relay. */
    private JdbcOutboxStore instance() {
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, settings(Duration.ofSeconds(60)), Clock.systemUTC());
        relays.add(OutboxRelays.start(store, youshu, statistics, lossReporter));
        return store;
    }

    private TransactionAwareEventDispatcher dispatcher(JdbcOutboxStore store) {
        return new TransactionAwareEventDispatcher(store, statistics, lossReporter);
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void anEventOfACommittedTransactionIsSent() {
        TransactionAwareEventDispatcher dispatcher = dispatcher(instance());

        transaction.executeWithoutResult(status -> assertThat(dispatcher.dispatch(event("paid"))).isTrue());

        await().untilAsserted(() -> assertThat(youshu.timesStored("paid")).isEqualTo(1));
        await().untilAsserted(() -> assertThat(rows()).isZero());
    }

    @Test
    void anEventOfARolledBackTransactionIsNeitherStoredNorSent() {
        TransactionAwareEventDispatcher dispatcher = dispatcher(instance());

        transaction.executeWithoutResult(status -> {
            dispatcher.dispatch(event("rolled-back"));
            status.setRollbackOnly();
        });
        assertThat(rows()).isZero();
        transaction.executeWithoutResult(status -> dispatcher.dispatch(event("later")));

        await().untilAsserted(() -> assertThat(youshu.timesStored("later")).isEqualTo(1));
        assertThat(youshu.timesStored("rolled-back")).isZero();
        assertThat(youshu.storedEvents()).isEqualTo(1);
    }

    @Test
    void eventsWaitWhileYoushuIsDownAndAreAllDeliveredWhenItIsBack() {
        youshu.answer(orderIds -> FakeYoushu.unavailable());
        TransactionAwareEventDispatcher dispatcher = dispatcher(instance());
        int events = 200;
        IntStream.range(0, events).forEach(i -> dispatcher.dispatch(event("o-" + i)));

        await().until(() -> jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE attempts >= 3").query(Long.class).single() == events);
        assertThat(youshu.storedEvents()).isZero();
        assertThat(rows()).as("nothing is dropped while Youshu is down").isEqualTo(events);

        youshu.answer(orderIds -> FakeYoushu.accepted());

        await().atMost(LONG_WAIT).untilAsserted(() -> assertThat(youshu.storedEvents()).isEqualTo(events));
        assertThat(youshu.duplicates()).isZero();
        await().untilAsserted(() -> assertThat(rows()).isZero());
    }

    @Test
    void retriesAreNotLimitedByDefault() {
        AtomicBoolean down = new AtomicBoolean(true);
        youshu.answer(orderIds -> down.get() ? FakeYoushu.unavailable() : FakeYoushu.accepted());
        JdbcOutboxStore store = instance();
        store.append(new OutboundEvent("custom_order", "month-old",
                event("month-old").json(), Instant.now().minus(Duration.ofDays(30))));

        await().until(() -> youshu.requests() >= 3);
        down.set(false);

        await().untilAsserted(() -> assertThat(youshu.timesStored("month-old")).isEqualTo(1));
        assertThat(store.deadLetters().count()).isZero();
    }

    @Test
    void eventsOfARelayThatDiedAreSentAfterItsLeaseExpires() {
        OutboxSettings shortLease = settings(Duration.ofMillis(300));
        JdbcOutboxStore died = new JdbcOutboxStore(dataSource, shortLease, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            died.append(event("o-" + i));
        }
        assertThat(died.claim(50, Long.MAX_VALUE)).as("claimed, then the relay died").hasSize(10);

        instance();

        await().untilAsserted(() -> assertThat(youshu.storedEvents()).isEqualTo(10));
        assertThat(youshu.duplicates()).isZero();
        await().untilAsserted(() -> assertThat(rows()).isZero());
    }

    @Test
    void twoInstancesOnOneTableDeliverEveryEventOnce() {
        List<TransactionAwareEventDispatcher> dispatchers = List.of(dispatcher(instance()), dispatcher(instance()));
        int events = 5000;

        IntStream.range(0, events).parallel().forEach(i -> transaction.executeWithoutResult(
                status -> dispatchers.get(i % 2).dispatch(event("o-" + i))));

        await().atMost(LONG_WAIT).untilAsserted(() -> assertThat(youshu.storedEvents()).isEqualTo(events));
        assertThat(youshu.duplicates()).isZero();
        await().untilAsserted(() -> assertThat(rows()).isZero());
        assertThat(statistics.snapshot().total().sent()).isEqualTo(events);
    }

    @Test
    void changesOfAnOrderArriveInRecordedOrderWhenTheFirstRequestCarryingItFails() {
        JdbcOutboxStore first = instance();
        JdbcOutboxStore second = instance();
        AtomicBoolean failed = new AtomicBoolean();
        youshu.answer(orderIds -> {
            if (orderIds.contains("X") && failed.compareAndSet(false, true)) {
                // The shop records the next change of X while the request carrying the first one fails.
                second.append(change("X", 2));
                return FakeYoushu.unavailable();
            }
            return FakeYoushu.accepted();
        });

        first.append(change("X", 1));

        await().untilAsserted(() -> assertThat(youshu.acceptedChanges()).contains("X#2"));
        assertThat(failed).isTrue();
        assertThat(youshu.acceptedChanges()).containsExactly("X#1", "X#2");
        await().untilAsserted(() -> assertThat(rows()).isZero());
    }

    @Test
    void everyOrderArrivesInRecordedOrderThroughTwoRelaysAndRandomFailures() throws Exception {
        List<TransactionAwareEventDispatcher> dispatchers = List.of(dispatcher(instance()), dispatcher(instance()));
        youshu.answer(orderIds -> ThreadLocalRandom.current().nextInt(3) == 0 ? FakeYoushu.unavailable() : FakeYoushu.accepted());
        int orders = 40;
        int changes = 5;

        ExecutorService shops = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> recorded = new ArrayList<>();
            for (int o = 0; o < orders; o++) {
                String orderId = "order-" + o;
                TransactionAwareEventDispatcher dispatcher = dispatchers.get(o % 2);
                // Each order's changes one after another, each in its own transaction, as a shop records them.
                recorded.add(shops.submit(() -> IntStream.rangeClosed(1, changes).forEach(n -> transaction.executeWithoutResult(
                        status -> assertThat(dispatcher.dispatch(change(orderId, n))).isTrue()))));
            }
            for (Future<?> future : recorded) {
                future.get(1, TimeUnit.MINUTES);
            }
        }
        finally {
            shops.shutdownNow();
        }

        await().atMost(LONG_WAIT).untilAsserted(() -> assertThat(youshu.acceptedChanges()).hasSize(orders * changes));
        Map<String, List<String>> byOrder = youshu.acceptedChanges().stream()
                .collect(Collectors.groupingBy(change -> change.substring(0, change.indexOf('#'))));
        assertThat(byOrder).hasSize(orders).allSatisfy((orderId, received) -> assertThat(received)
                .as("changes of %s as received", orderId)
                .containsExactly(IntStream.rangeClosed(1, changes).mapToObj(n -> orderId + "#" + n).toArray(String[]::new)));
        await().untilAsserted(() -> assertThat(rows()).isZero());
    }

    @Test
    void aRejectedEventGoesToTheDeadLettersAndTheOthersAreSent() {
        youshu.answer(orderIds -> orderIds.contains("bad")
                ? SendResult.rejected(200, 40001, "page must not start with /") : FakeYoushu.accepted());
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, settings(Duration.ofSeconds(60)), Clock.systemUTC());
        TransactionAwareEventDispatcher dispatcher = dispatcher(store);
        for (int i = 0; i < 20; i++) {
            dispatcher.dispatch(event(i == 7 ? "bad" : "o-" + i));
        }
        dispatcher.dispatch(event("bad-2", new String(event("bad").json(), StandardCharsets.UTF_8)));

        relays.add(OutboxRelays.start(store, youshu, statistics, lossReporter));

        await().untilAsserted(() -> assertThat(store.deadLetters().count()).isEqualTo(2));
        assertThat(youshu.storedEvents()).isEqualTo(19);
        assertThat(store.deadLetters().list(0, 10)).allSatisfy(dead -> {
            assertThat(dead.lastError()).contains("rejected", "40001", "page must not start with /");
            assertThat(dead.json()).contains("\"bad\"");
        });
        await().untilAsserted(() -> assertThat(rows()).isEqualTo(2));
    }
}
