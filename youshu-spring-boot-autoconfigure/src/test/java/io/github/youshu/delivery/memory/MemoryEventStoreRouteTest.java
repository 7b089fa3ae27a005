package io.github.youshu.delivery.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import io.github.youshu.delivery.DeliveryRoute;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.MutableClock;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.order.DataApiEndpoint;
import org.junit.jupiter.api.Test;

/** The memory queue's routes: one route per claim, routes that cannot be sent wait, ordering keys per payload kind. */
class MemoryEventStoreRouteTest {

    private final MutableClock clock = new MutableClock();

    private final MemoryEventStore store = new MemoryEventStore(TestSettings.quick().batch(10, 100_000)
            .queue(5, 1_000_000, OverflowPolicy.DROP_NEWEST).flushInterval(Duration.ofMillis(1)).build(), new DeadLetters(10),
            new DeliveryStatistics(), new LossReporter(), clock);

    @Test
    void aClaimHoldsTheRouteOfTheOldestEventAndTheOthersComeNext() {
        store.append(item(DataApiEndpoint.ADD_ORDER, "A"));
        store.append(event("B"));
        store.append(item(DataApiEndpoint.ADD_ORDER, "C"));
        store.append(event("D"));

        assertThat(orderIds(claim(route -> true))).containsExactly("A", "C");
        assertThat(orderIds(claim(route -> true))).containsExactly("B", "D");
    }

    @Test
    void itemsOfARouteThatCannotBeSentWaitWithinTheQueuesBoundsAndBehaviourEventsGo() {
        for (int i = 0; i < 3; i++) {
            store.append(item(DataApiEndpoint.ADD_ORDER, "A" + i));
        }
        store.append(event("B"));

        assertThat(orderIds(claim(route -> !route.isDataApi()))).containsExactly("B");
        assertThat(claim(route -> !route.isDataApi())).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(3);
        store.append(event("C"));
        assertThat(store.append(event("D"))).as("waiting items count against youshu.delivery.queue-capacity (5)").isFalse();
    }

    /** A data-api item of order X waiting for a retry holds back X's later items on any endpoint, not X's behaviour events. */
    @Test
    void orderingKeysArePerPayloadKind() {
        store.append(item(DataApiEndpoint.ADD_ORDER, "X"));
        List<StoredEvent> addOrder = claim(route -> true);
        store.markForRetry(addOrder, clock.instant().plusSeconds(60), "HTTP 503");
        store.append(item(DataApiEndpoint.UPDATE_ORDER, "X"));
        store.append(event("X"));

        List<StoredEvent> claimed = claim(route -> true);

        assertThat(claimed).extracting(StoredEvent::event).extracting(OutboundEvent::type).containsExactly("custom_order");
        assertThat(claim(route -> true)).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(claim(route -> true)).extracting(StoredEvent::event).extracting(OutboundEvent::type)
                .containsExactly("order/add_order");
    }

    /** An item passed over because its route differs still holds back later items of its order. */
    @Test
    void aLaterItemOfAnOrderNeverJoinsABatchAheadOfAnEarlierOneOnAnotherEndpoint() {
        store.append(item(DataApiEndpoint.ADD_ORDER, "X"));
        store.append(item(DataApiEndpoint.UPDATE_ORDER, "X"));
        store.append(item(DataApiEndpoint.ADD_ORDER, "X"));

        List<StoredEvent> first = claim(route -> true);

        assertThat(first).hasSize(1);
        assertThat(claim(route -> true)).as("X's update waits for its add_order").isEmpty();
        store.markDelivered(first);
        assertThat(claim(route -> true)).extracting(StoredEvent::event).extracting(OutboundEvent::type)
                .containsExactly("order/update");
    }

    /** At shutdown, items that cannot be sent at all are not waited for; those that can are. */
    @Test
    void settledMeansNothingOfARouteThatCanBeSentIsHeld() throws InterruptedException {
        store.append(item(DataApiEndpoint.ADD_ORDER, "A"));

        assertThat(store.awaitSettled(Duration.ZERO, route -> !route.isDataApi())).isTrue();
        assertThat(store.awaitSettled(Duration.ZERO, route -> true)).isFalse();
        store.append(event("B"));
        assertThat(store.awaitSettled(Duration.ZERO, route -> !route.isDataApi())).isFalse();
    }

    /** Claims once the flush interval (1 ms) has passed for what was appended. */
    private List<StoredEvent> claim(Predicate<DeliveryRoute> sendable) {
        clock.advance(Duration.ofMillis(1));
        return store.claim(10, 100_000, sendable);
    }

    private static List<String> orderIds(List<StoredEvent> claimed) {
        return claimed.stream().map(stored -> stored.event().orderId()).toList();
    }

    private static OutboundEvent event(String orderId) {
        return new OutboundEvent("custom_order", orderId, "{\"type\":\"custom_order\"}".getBytes(StandardCharsets.UTF_8),
                Instant.now());
    }

    private static OutboundEvent item(DataApiEndpoint endpoint, String orderId) {
        return new OutboundEvent(DeliveryRoute.of(endpoint), endpoint.path(), orderId,
                ("{\"external_order_id\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
