package io.github.youshu.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.github.youshu.delivery.DeliveryRoute;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.order.DataApiEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's routes, run once per database by the subclasses: the {@code route} column (and its
 * migration for tables of earlier versions), one route per claim, routes that cannot be sent left
 * waiting, and the per-order check scoped per payload kind (data-api.md §9).
 */
abstract class AbstractOutboxRouteContractTest {

    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;

    private final MutableClock clock = new MutableClock();

    private HikariDataSource dataSource;

    private JdbcClient jdbc;

    private String table;

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

    private JdbcOutboxStore store(OutboxSettings.SchemaInitialization initialization) {
        return new JdbcOutboxStore(dataSource, new OutboxSettings(table, initialization, Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ZERO, null), clock);
    }

    @Test
    void aClaimHoldsOneRouteOldestFirstAndTheOthersComeNext() {
        JdbcOutboxStore store = store(OutboxSettings.SchemaInitialization.ALWAYS);
        store.append(item(DataApiEndpoint.ADD_ORDER, "A"));
        store.append(event("B"));
        store.append(item(DataApiEndpoint.ADD_ORDER, "C"));
        store.append(item(DataApiEndpoint.UPDATE_ORDER, "D"));
        store.append(event("E"));

        List<StoredEvent> first = store.claim(50, NO_BYTE_LIMIT, route -> true);
        List<StoredEvent> second = store.claim(50, NO_BYTE_LIMIT, route -> true);
        List<StoredEvent> third = store.claim(50, NO_BYTE_LIMIT, route -> true);

        assertThat(first).extracting(StoredEvent::event).extracting(OutboundEvent::orderId).containsExactly("A", "C");
        assertThat(first).allSatisfy(stored -> assertThat(stored.event().route())
                .isEqualTo(DeliveryRoute.of(DataApiEndpoint.ADD_ORDER)));
        assertThat(second).extracting(StoredEvent::event).extracting(OutboundEvent::orderId).containsExactly("B", "E");
        assertThat(second).allSatisfy(stored -> assertThat(stored.event().route()).isEqualTo(DeliveryRoute.EVENTS));
        assertThat(third).extracting(StoredEvent::event).extracting(OutboundEvent::orderId).containsExactly("D");
        assertThat(third.get(0).event().type()).isEqualTo("order/update");
    }

    @Test
    void routesThatCannotBeSentWaitUnclaimedWhileBehaviourEventsGo() {
        JdbcOutboxStore store = store(OutboxSettings.SchemaInitialization.ALWAYS);
        store.append(item(DataApiEndpoint.ADD_ORDER, "A"));
        store.append(event("A"));

        List<StoredEvent> claimed = store.claim(50, NO_BYTE_LIMIT, route -> !route.isDataApi());
        store.markDelivered(claimed);

        assertThat(claimed).extracting(StoredEvent::event).extracting(OutboundEvent::route).containsExactly(DeliveryRoute.EVENTS);
        assertThat(store.claim(50, NO_BYTE_LIMIT, route -> !route.isDataApi())).isEmpty();
        assertThat(store.pendingCount()).isOne();
        List<StoredEvent> later = store.claim(50, NO_BYTE_LIMIT, route -> true);
        assertThat(later).singleElement().satisfies(stored -> {
            assertThat(stored.event().orderId()).isEqualTo("A");
            assertThat(stored.attempts()).as("waiting counted no attempt").isZero();
        });
    }

    /**
     * A behaviour event and a data-api item of one order do not hold each other back; the data-api
     * items of one order do, whatever their endpoint.
     */
    @Test
    void thePerOrderCheckIsScopedPerPayloadKind() {
        JdbcOutboxStore store = store(OutboxSettings.SchemaInitialization.ALWAYS);
        store.append(item(DataApiEndpoint.ADD_ORDER, "X"));
        store.append(event("X"));
        store.append(item(DataApiEndpoint.UPDATE_ORDER, "X"));
        store.append(item(DataApiEndpoint.ADD_RETURN_ORDER, "X"));

        List<StoredEvent> addOrder = store.claim(50, NO_BYTE_LIMIT, route -> true);
        List<StoredEvent> behaviour = store.claim(50, NO_BYTE_LIMIT, route -> true);
        List<StoredEvent> whileAddOrderIsInFlight = store.claim(50, NO_BYTE_LIMIT, route -> true);
        store.markDelivered(addOrder);
        List<StoredEvent> update = store.claim(50, NO_BYTE_LIMIT, route -> true);

        assertThat(addOrder).extracting(StoredEvent::event).extracting(OutboundEvent::type).containsExactly("order/add_order");
        assertThat(behaviour).extracting(StoredEvent::event).extracting(OutboundEvent::type).containsExactly("custom_order");
        assertThat(whileAddOrderIsInFlight).isEmpty();
        assertThat(update).extracting(StoredEvent::event).extracting(OutboundEvent::type).containsExactly("order/update");
    }

    /**
     * A table of an earlier version has no route column: with initialize-schema=never the store
     * warns and carries behaviour events only (a data-api item is refused with the statement to
     * run); with always it adds the column, and the rows already there are behaviour events.
     */
    @Test
    void theRouteColumnIsAddedToATableOfAnEarlierVersion() {
        store(OutboxSettings.SchemaInitialization.ALWAYS);
        jdbc.sql("ALTER TABLE " + table + " DROP COLUMN route").update();
        assertThat(OutboxSchema.hasColumn(dataSource, table, "route")).isFalse();

        JdbcOutboxStore old = store(OutboxSettings.SchemaInitialization.NEVER);
        old.append(event("OLD"));
        assertThat(OutboxSchema.hasColumn(dataSource, table, "route")).as("never: only a warning").isFalse();
        assertThatIllegalStateException().isThrownBy(() -> old.append(item(DataApiEndpoint.ADD_ORDER, "N")))
                .withMessageContaining("ALTER TABLE " + table + " ADD COLUMN")
                .withMessageContaining("route VARCHAR(64) DEFAULT 'events' NOT NULL");

        JdbcOutboxStore migrated = store(OutboxSettings.SchemaInitialization.ALWAYS);
        assertThat(OutboxSchema.hasColumn(dataSource, table, "route")).as("always: added").isTrue();
        migrated.append(item(DataApiEndpoint.ADD_ORDER, "N"));
        assertThat(migrated.claim(50, NO_BYTE_LIMIT, route -> true)).singleElement()
                .satisfies(stored -> {
                    assertThat(stored.event().orderId()).isEqualTo("OLD");
                    assertThat(stored.event().route()).isEqualTo(DeliveryRoute.EVENTS);
                });
        assertThat(migrated.claim(50, NO_BYTE_LIMIT, route -> true)).extracting(StoredEvent::event)
                .extracting(OutboundEvent::route).containsExactly(DeliveryRoute.of(DataApiEndpoint.ADD_ORDER));
    }

    private static OutboundEvent event(String orderId) {
        String json = "{\"type\":\"custom_order\",\"props\":{\"order\":{\"order_id\":\"" + orderId + "\"}}}";
        return new OutboundEvent("custom_order", orderId, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    private static OutboundEvent item(DataApiEndpoint endpoint, String orderId) {
        String json = "{\"external_order_id\":\"" + orderId + "\"}";
        return new OutboundEvent(DeliveryRoute.of(endpoint), endpoint.path(), orderId,
                json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
