package io.github.youshu.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@link JdbcOutboxStore} contract, run once per database by the subclasses. Every test uses
 * a table of its own and drops it afterwards.
 */
abstract class AbstractOutboxStoreContractTest {

    private static final Logger log = LoggerFactory.getLogger(AbstractOutboxStoreContractTest.class);
    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;

    private final MutableClock clock = new MutableClock();
    protected HikariDataSource dataSource;
    protected JdbcClient jdbc;
    protected String table;

    abstract TestDatabase database();

    @BeforeEach
    void createDataSource() {
        dataSource = database().dataSource();
        jdbc = JdbcClient.create(dataSource);
        table = TestDatabase.randomTableName();
    }

    @AfterEach
    void dropTable() {
        try {
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
        }
        finally {
            dataSource.close();
        }
    }

    private OutboxSettings settings(Duration retention) {
        return new OutboxSettings(table, OutboxSettings.SchemaInitialization.ALWAYS, Duration.ofSeconds(60),
                Duration.ofSeconds(1), retention, null);
    }

    private JdbcOutboxStore store() {
        return store(clock);
    }

    private JdbcOutboxStore store(Clock clock) {
        return new JdbcOutboxStore(dataSource, settings(Duration.ZERO), clock);
    }

    static OutboundEvent event(String orderId) {
        return event(orderId, "{\"type\":\"custom_order\",\"props\":{\"order\":{\"order_id\":\"" + orderId + "\"}}}");
    }

    static OutboundEvent event(String orderId, String json) {
        return new OutboundEvent("custom_order", orderId, json.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2025-01-02T03:04:05.678Z"));
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static List<String> orderIds(List<StoredEvent> events) {
        return events.stream().map(stored -> stored.event().orderId()).toList();
    }

    @Test
    void appendedEventsAreClaimedOldestFirstWithTheirContent() {
        JdbcOutboxStore store = store();
        OutboundEvent first = event("o-1", "{\"type\":\"custom_order\",\"props\":{\"nick\":\"小明 😀\"}}");
        assertThat(store.append(first)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.append(event("o-2"))).isTrue();
        assertThat(store.pendingCount()).isEqualTo(2);

        List<StoredEvent> claimed = store.claim(10, NO_BYTE_LIMIT);

        assertThat(orderIds(claimed)).containsExactly("o-1", "o-2");
        StoredEvent stored = claimed.get(0);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.event().type()).isEqualTo("custom_order");
        assertThat(stored.event().json()).isEqualTo(first.json());
        assertThat(stored.event().createdAt()).isEqualTo(first.createdAt());
        assertThat(store.pendingCount()).as("claimed events are in flight").isZero();
        assertThat(store.claim(10, NO_BYTE_LIMIT)).as("a claimed event is not claimed twice").isEmpty();
    }

    @Test
    void joinsTheCallersTransaction() {
        JdbcOutboxStore store = store();
        JdbcOutboxStore otherRelay = store();
        assertThat(store.joinsTransaction()).isTrue();
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));

        transaction.executeWithoutResult(status -> {
            assertThat(store.append(event("committed"))).isTrue();
            assertThat(otherRelay.claim(10, NO_BYTE_LIMIT)).as("not visible before the commit").isEmpty();
        });
        transaction.executeWithoutResult(status -> {
            assertThat(store.append(event("rolled-back"))).isTrue();
            status.setRollbackOnly();
        });

        assertThat(rows()).isEqualTo(1);
        assertThat(orderIds(store.claim(10, NO_BYTE_LIMIT))).containsExactly("committed");
    }

    @Test
    void claimTakesAtMostMaxEventsAndMaxBytesButAlwaysOneEvent() {
        JdbcOutboxStore store = store();
        for (int i = 0; i < 5; i++) {
            store.append(event("o-" + i));
        }
        int size = event("o-0").sizeInBytes();

        assertThat(orderIds(store.claim(2, NO_BYTE_LIMIT))).containsExactly("o-0", "o-1");
        assertThat(orderIds(store.claim(10, 2L * size + 1))).containsExactly("o-2", "o-3");
        assertThat(orderIds(store.claim(10, 1))).as("one event even when larger than maxBytes").containsExactly("o-4");
    }

    @Test
    void deliveredEventsAreDeleted() {
        JdbcOutboxStore store = store();
        store.append(event("o-1"));
        store.append(event("o-2"));

        store.markDelivered(store.claim(10, NO_BYTE_LIMIT));

        assertThat(rows()).isZero();
    }

    @Test
    void deliveredEventsAreKeptForTheRetentionAndThenPurged() {
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, settings(Duration.ofHours(1)), clock);
        store.append(event("o-1"));
        store.markDelivered(store.claim(10, NO_BYTE_LIMIT));

        assertThat(rows()).isEqualTo(1);
        assertThat(store.claim(10, NO_BYTE_LIMIT)).as("done rows are never claimed").isEmpty();
        assertThat(store.pendingCount()).isZero();
        assertThat(store.purgeDelivered()).isZero();

        clock.advance(Duration.ofHours(1).plusMillis(1));
        assertThat(store.claim(10, NO_BYTE_LIMIT)).as("the claim purges done rows past the retention").isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void eventsToRetryWaitUntilTheirTimeWithTheAttemptCounted() {
        JdbcOutboxStore store = store();
        store.append(event("o-1"));
        List<StoredEvent> claimed = store.claim(10, NO_BYTE_LIMIT);

        store.markForRetry(claimed, clock.instant().plusSeconds(30), "HTTP 503");

        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(store.claim(10, NO_BYTE_LIMIT)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        List<StoredEvent> again = store.claim(10, NO_BYTE_LIMIT);
        assertThat(again).singleElement().satisfies(stored -> assertThat(stored.attempts()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT last_error FROM " + table).query(String.class).single()).isEqualTo("HTTP 503");
    }

    @Test
    void aFailedInsertIsThrownToTheDispatcher() {
        JdbcOutboxStore store = store();
        jdbc.sql("DROP TABLE " + table).update();

        assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.append(event("o-1")));
    }

    @Test
    void aFailedInsertDoesNotBreakTheCallersTransaction() {
        JdbcOutboxStore store = store();
        String orders = table + "_orders";
        jdbc.sql("CREATE TABLE " + orders + " (id INT PRIMARY KEY)").update();
        try {
            jdbc.sql("DROP TABLE " + table).update();

            new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO " + orders + " (id) VALUES (1)").update();
                assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.append(event("o-1")));
                jdbc.sql("INSERT INTO " + orders + " (id) VALUES (2)").update();
            });

            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + orders).query(Long.class).single()).isEqualTo(2);
        }
        finally {
            jdbc.sql("DROP TABLE " + orders).update();
        }
    }

    @Test
    void anOverlongEventTypeIsRefusedWithAClearError() {
        OutboundEvent event = new OutboundEvent("t".repeat(256), "o-1", "{}".getBytes(StandardCharsets.UTF_8), clock.instant());

        assertThatIllegalArgumentException().isThrownBy(() -> store().append(event))
                .withMessageContaining("at most 255 characters");
    }

    @Test
    void deadLettersCanBeListedResentAndPurged() {
        JdbcOutboxStore store = store();
        for (int i = 0; i < 5; i++) {
            store.append(event("o-" + i));
        }
        List<StoredEvent> claimed = store.claim(10, NO_BYTE_LIMIT);
        store.markDead(claimed.subList(0, 4), "code 40001: bad page");
        store.markDelivered(claimed.subList(4, 5));
        OutboxDeadLetters deadLetters = store.deadLetters();

        assertThat(deadLetters.count()).isEqualTo(4);
        List<DeadLetter> page = deadLetters.list(1, 2);
        assertThat(page).extracting(DeadLetter::orderId).containsExactly("o-1", "o-2");
        assertThat(page.get(0)).satisfies(dead -> {
            assertThat(dead.lastError()).isEqualTo("code 40001: bad page");
            assertThat(dead.attempts()).isEqualTo(1);
            assertThat(dead.json()).isEqualTo(event("o-1").jsonAsString());
            assertThat(dead.createdAt()).isEqualTo(event("o-1").createdAt());
            assertThat(dead.deadAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(store.claim(10, NO_BYTE_LIMIT)).as("dead letters are not claimed").isEmpty();

        assertThat(deadLetters.resend(List.of(page.get(0).id(), -1L))).isEqualTo(1);
        assertThat(store.claim(10, NO_BYTE_LIMIT)).singleElement().satisfies(stored -> {
            assertThat(stored.event().orderId()).isEqualTo("o-1");
            assertThat(stored.attempts()).as("attempts are reset").isZero();
        });
        assertThat(deadLetters.purge(List.of(page.get(1).id()))).isEqualTo(1);
        assertThat(deadLetters.list(0, 10)).extracting(DeadLetter::orderId).containsExactly("o-0", "o-3");
        assertThat(deadLetters.resendAll()).isEqualTo(2);
        assertThat(orderIds(store.claim(10, NO_BYTE_LIMIT))).containsExactlyInAnyOrder("o-0", "o-3");
        store.markDead(List.of(), "nothing");
        assertThat(deadLetters.purgeAll()).isZero();
    }

    @Test
    void purgeAllDeletesOnlyDeadLetters() {
        JdbcOutboxStore store = store();
        store.append(event("dead"));
        store.markDead(store.claim(10, NO_BYTE_LIMIT), "rejected");
        store.append(event("pending"));

        assertThat(store.deadLetters().purgeAll()).isEqualTo(1);

        assertThat(rows()).isEqualTo(1);
        assertThat(store.deadLetters().count()).isZero();
    }

    @Test
    void anExpiredLeaseMakesTheEventClaimableByAnotherRelay() {
        JdbcOutboxStore died = store();
        JdbcOutboxStore survivor = store();
        died.append(event("o-1"));
        List<StoredEvent> lost = died.claim(10, NO_BYTE_LIMIT);
        assertThat(lost).hasSize(1);

        clock.advance(Duration.ofSeconds(59));
        assertThat(survivor.claim(10, NO_BYTE_LIMIT)).as("lease still running").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<StoredEvent> reclaimed = survivor.claim(10, NO_BYTE_LIMIT);
        assertThat(orderIds(reclaimed)).containsExactly("o-1");

        died.markForRetry(lost, clock.instant(), "late answer");
        assertThat(survivor.claim(10, NO_BYTE_LIMIT)).as("the late relay does not release the new claim").isEmpty();
        survivor.markDelivered(reclaimed);
        assertThat(rows()).isZero();
    }

    @Test
    void concurrentRelaysClaimEveryEventExactlyOnce() throws Exception {
        List<JdbcOutboxStore> stores = List.of(store(Clock.systemUTC()), store(Clock.systemUTC()));
        int events = 2000;
        for (int i = 0; i < events; i++) {
            stores.get(i % 2).append(event("o-" + i));
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService relays = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                JdbcOutboxStore store = stores.get(r % 2);
                futures.add(relays.submit(() -> {
                    List<StoredEvent> batch;
                    while (!(batch = store.claim(25, NO_BYTE_LIMIT)).isEmpty()) {
                        batch.forEach(stored -> {
                            if (!claimed.add(stored.event().orderId())) {
                                duplicates.add(stored.event().orderId());
                            }
                        });
                        store.markDelivered(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        }
        finally {
            relays.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(events);
        assertThat(rows()).isZero();
    }

    /**
     * The claim's cost does not grow with delivered, dead or not-yet-due rows: its plan reads the
     * pending, due part of the {@code (status, next_attempt_at, id)} index and checks each candidate's
     * order through the {@code (order_id, status, id)} index, never scanning or sorting the table,
     * even before the database has statistics of the backlog. (Speed itself is measured by the
     * benchmarks, not asserted here.)
     */
    @Test
    void theClaimReadsThePendingPartOfTheDueIndexAndTheOrderIndex() throws Exception {
        JdbcOutboxStore store = new JdbcOutboxStore(dataSource, settings(Duration.ofDays(1)), clock);
        long now = clock.millis();
        String payload = event("backlog").jsonAsString();
        new JdbcTemplate(dataSource).batchUpdate("INSERT INTO " + table
                        + " (event_type, order_id, payload, payload_bytes, created_at, status, attempts, next_attempt_at)"
                        + " VALUES ('custom_order', ?, ?, ?, ?, ?, 0, ?)",
                IntStream.range(0, 20_000).mapToObj(i -> {
                    String status = i % 3 == 0 ? "pending" : i % 3 == 1 ? "done" : "dead";
                    long at = status.equals("pending") && i % 100 != 0 ? now + 60_000 : now - 1;
                    return new Object[] {"b-" + i % 5_000, payload, payload.length(), now, status, at};
                }).toList());
        // No ANALYZE: the plan must not depend on fresh statistics (a new table, a grown backlog).
        OutboxDatabase outbox = JdbcUtils.extractDatabaseMetaData(dataSource, OutboxDatabase::of);
        String query = store.candidateQuery().replace(":now", Long.toString(now)).replace(":limit", "50");

        String plan = new TransactionTemplate(new JdbcTransactionManager(dataSource)).execute(status -> {
            if (outbox.claimPlanSetting() != null) {
                jdbc.sql(outbox.claimPlanSetting()).query().listOfRows();
            }
            return database().explain(jdbc, query);
        });

        log.info("{} plan of the claim:\n{}", database(), plan);
        String due = table + "_due";
        String order = table + "_order";
        switch (database()) {
            case H2 -> assertThat(plan.toLowerCase(Locale.ROOT).replaceAll("[\\s\"]+", " "))
                    .contains(due + ": status = 'pending' and next_attempt_at <= " + now)
                    .containsPattern(order + ": [^*]*order_id = c.order_id")
                    .doesNotContain("tablescan");
            case POSTGRESQL -> assertThat(plan)
                    .containsPattern("Index (Only )?Scan using " + due + " on " + table + " c [^\\n]*\\n\\s+"
                            + "Index Cond: \\(\\(\\(status\\)::text = 'pending'::text\\) AND \\(next_attempt_at <= ")
                    .containsPattern("Index (Only )?Scan using " + order + " on " + table + " e [^\\n]*\\n\\s+"
                            + "Index Cond: \\(\\(\\(order_id\\)::text = \\(c.order_id\\)::text\\)")
                    .doesNotContain("Seq Scan", "Sort");
            case MARIADB -> assertThat(plan)
                    .containsPattern("table=c type=range key=" + due + " ")
                    .containsPattern("table=e type=(ref|range) key=" + order + " ")
                    .doesNotContain("type=ALL");
        }
    }

    @Test
    void theOrderIndexIsAddedToATableOfAnEarlierVersion() {
        store();
        jdbc.sql(database().dropIndex(table, table + "_order")).update();
        assertThat(OutboxSchema.hasOrderIndex(dataSource, table)).isFalse();
        OutboxSettings never = new OutboxSettings(table, OutboxSettings.SchemaInitialization.NEVER,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO, null);

        new JdbcOutboxStore(dataSource, never, clock);
        assertThat(OutboxSchema.hasOrderIndex(dataSource, table)).as("never: only a warning").isFalse();

        store();
        assertThat(OutboxSchema.hasOrderIndex(dataSource, table)).as("always: added").isTrue();
    }

    /** The {@code n}th change of an order: order id and a change number in the JSON. */
    static OutboundEvent change(String orderId, int n) {
        return event(orderId, "{\"type\":\"custom_order\",\"props\":{\"order\":{\"order_id\":\"" + orderId
                + "\"},\"change\":" + n + "}}");
    }

    private static List<String> changes(List<StoredEvent> events) {
        return events.stream().map(stored -> {
            String json = stored.event().jsonAsString();
            return stored.event().orderId() + "#" + json.substring(json.indexOf("\"change\":") + 9, json.length() - 2);
        }).toList();
    }

    private JdbcOutboxStore store(Duration flushInterval) {
        return new JdbcOutboxStore(dataSource, settings(Duration.ZERO), flushInterval, clock);
    }

    @Test
    void aLaterChangeOfAnOrderWaitsWhileAnEarlierOneWaitsForARetry() {
        JdbcOutboxStore store = store();
        store.append(change("X", 1));
        List<StoredEvent> failed = store.claim(10, NO_BYTE_LIMIT);
        store.markForRetry(failed, clock.instant().plusSeconds(30), "HTTP 503");
        store.append(change("X", 2));
        store.append(change("Y", 1));
        store.append(new OutboundEvent("custom_order", null, "{\"change\":0}".getBytes(StandardCharsets.UTF_8),
                clock.instant()));

        assertThat(orderIds(store.claim(10, NO_BYTE_LIMIT))).as("X#2 waits for X#1, the others go")
                .containsExactly("Y", null);

        clock.advance(Duration.ofSeconds(30));
        List<StoredEvent> retried = store.claim(10, NO_BYTE_LIMIT);
        assertThat(changes(retried)).as("X#1 goes first, alone").containsExactly("X#1");
        assertThat(store.claim(10, NO_BYTE_LIMIT)).as("X#2 waits while X#1 is in flight").isEmpty();
        store.markDelivered(retried);
        assertThat(changes(store.claim(10, NO_BYTE_LIMIT))).containsExactly("X#2");
    }

    @Test
    void aLaterChangeOfAnOrderWaitsWhileAnotherRelayHoldsTheEarlierOne() {
        JdbcOutboxStore first = store();
        JdbcOutboxStore second = store();
        first.append(change("X", 1));
        first.append(change("Y", 1));
        second.append(change("X", 2));
        second.append(change("X", 3));

        List<StoredEvent> inFlight = first.claim(1, NO_BYTE_LIMIT);
        assertThat(changes(inFlight)).containsExactly("X#1");
        assertThat(changes(second.claim(10, NO_BYTE_LIMIT))).as("nothing of X while X#1 is in flight").containsExactly("Y#1");

        first.markDelivered(inFlight);
        List<StoredEvent> next = second.claim(10, NO_BYTE_LIMIT);
        assertThat(changes(next)).as("one change of an order per batch, the earliest").containsExactly("X#2");
        second.markDead(next, "rejected");
        assertThat(changes(first.claim(10, NO_BYTE_LIMIT))).as("a dead letter holds nothing back").containsExactly("X#3");
    }

    @Test
    void aLaterChangeOfAnOrderWaitsForTheEarlierOneOfARelayThatDied() {
        JdbcOutboxStore died = store();
        JdbcOutboxStore survivor = store();
        died.append(change("X", 1));
        died.append(change("X", 2));
        assertThat(changes(died.claim(10, NO_BYTE_LIMIT))).containsExactly("X#1");

        clock.advance(Duration.ofSeconds(60));
        List<StoredEvent> reclaimed = survivor.claim(10, NO_BYTE_LIMIT);
        assertThat(changes(reclaimed)).as("after the lease, the earlier change again, not the later").containsExactly("X#1");
        survivor.markDelivered(reclaimed);
        assertThat(changes(survivor.claim(10, NO_BYTE_LIMIT))).containsExactly("X#2");
    }

    @Test
    void eventsWithoutAnOrderIdAreNeverHeldBack() {
        JdbcOutboxStore store = store();
        for (int i = 0; i < 3; i++) {
            store.append(new OutboundEvent("custom_order", null, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    clock.instant()));
        }

        assertThat(store.claim(10, NO_BYTE_LIMIT)).hasSize(3);
    }

    @Test
    void aPartialBatchWaitsUntilItsOldestRowHasWaitedTheFlushInterval() {
        JdbcOutboxStore store = store(Duration.ofSeconds(1));
        store.append(event("o-1"));
        clock.advance(Duration.ofMillis(600));
        store.append(event("o-2"));

        assertThat(store.claim(3, NO_BYTE_LIMIT)).as("partial, oldest 600 ms old").isEmpty();
        clock.advance(Duration.ofMillis(399));
        assertThat(store.claim(3, NO_BYTE_LIMIT)).as("partial, oldest 999 ms old").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(orderIds(store.claim(3, NO_BYTE_LIMIT))).as("oldest 1 s old").containsExactly("o-1", "o-2");
    }

    @Test
    void aFullBatchIsClaimedAtOnce() {
        JdbcOutboxStore store = store(Duration.ofSeconds(1));
        for (int i = 0; i < 4; i++) {
            store.append(event("o-" + i));
        }
        int size = event("o-0").sizeInBytes();

        assertThat(orderIds(store.claim(3, NO_BYTE_LIMIT))).as("3 events make a full batch").containsExactly("o-0", "o-1", "o-2");
        assertThat(store.claim(3, NO_BYTE_LIMIT)).as("the rest is a partial batch").isEmpty();
        store.append(event("o-4"));
        assertThat(orderIds(store.claim(10, 2L * size))).as("full by bytes").containsExactly("o-3", "o-4");
    }

    @Test
    void aRetryWaitsTheFlushIntervalFromWhenItIsDue() {
        JdbcOutboxStore store = store(Duration.ofSeconds(1));
        store.append(event("o-1"));
        clock.advance(Duration.ofSeconds(1));
        store.markForRetry(store.claim(10, NO_BYTE_LIMIT), clock.instant().plusSeconds(5), "HTTP 503");

        clock.advance(Duration.ofSeconds(5));
        assertThat(store.claim(10, NO_BYTE_LIMIT)).as("due, but not for a flush interval yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(orderIds(store.claim(10, NO_BYTE_LIMIT))).containsExactly("o-1");
    }

    @Test
    void schemaInitializationIsIdempotent() {
        store().append(event("o-1"));

        JdbcOutboxStore again = store();

        assertThat(again.pendingCount()).isEqualTo(1);
    }

    @Test
    void embeddedModeCreatesTheTableOnlyOnEmbeddedDatabases() {
        OutboxSettings embedded = new OutboxSettings(table, OutboxSettings.SchemaInitialization.EMBEDDED,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO, null);
        if (database() == TestDatabase.H2) {
            assertThat(new JdbcOutboxStore(dataSource, embedded, clock).pendingCount()).isZero();
        }
        else {
            assertThatIllegalStateException().isThrownBy(() -> new JdbcOutboxStore(dataSource, embedded, clock))
                    .withMessageContaining("table '" + table + "' is not usable");
        }
    }

    @Test
    void neverModeRequiresAnExistingTable() {
        OutboxSettings never = new OutboxSettings(table, OutboxSettings.SchemaInitialization.NEVER,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO, null);

        assertThatIllegalStateException().isThrownBy(() -> new JdbcOutboxStore(dataSource, never, clock))
                .withMessageContaining("table '" + table + "' is not usable")
                .withMessageContaining("initialize-schema=always");
        store();
        assertThat(new JdbcOutboxStore(dataSource, never, clock).pendingCount()).isZero();
    }
}
