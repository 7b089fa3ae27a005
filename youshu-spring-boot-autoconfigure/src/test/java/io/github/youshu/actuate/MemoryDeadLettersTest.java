package io.github.youshu.actuate;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.StoredEvent;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryEventStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDeadLettersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final DeadLetters deadLetters = new DeadLetters(10);

    private final DeliveryStatistics statistics = new DeliveryStatistics();

    private MemoryEventStore store = store(100);

    private MemoryDeadLetters access() {
        return new MemoryDeadLetters(deadLetters, store, statistics, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void resendRequeuesEveryLetterAsANewEventAndCountsItAccepted() {
        deadLetters.add(List.of(event("custom_order", 1, NOW.minusSeconds(7200)), event("coupon_order", 2, NOW.minusSeconds(7200))),
                "rejected by Youshu: HTTP 200, code 40001");

        assertThat(access().resendAll()).isEqualTo(2);

        assertThat(deadLetters.list()).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(2);
        store.close(); // makes the partial batch due at once
        List<StoredEvent> queued = store.claim(10, 1_000_000);
        assertThat(queued).extracting(stored -> stored.event().orderId()).containsExactly("order-1", "order-2");
        assertThat(queued).extracting(stored -> stored.event().jsonAsString())
                .containsExactly("{\"type\":\"custom_order\",\"seq\":1}", "{\"type\":\"coupon_order\",\"seq\":2}");
        assertThat(queued).allSatisfy(stored -> assertThat(stored.event().createdAt()).isEqualTo(NOW));
        assertThat(statistics.snapshot().of("custom_order").accepted()).isEqualTo(1);
        assertThat(statistics.snapshot().of("coupon_order").accepted()).isEqualTo(1);
    }

    @Test
    void lettersTheFullStoreRefusesStayDeadLetters() {
        store = store(2);
        store.append(event(9));
        deadLetters.add(List.of(event(1)), "rejected");
        deadLetters.add(List.of(event(2), event(3)), "out of retries");

        assertThat(access().resendAll()).isEqualTo(1);

        assertThat(store.heldCount()).isEqualTo(2);
        assertThat(deadLetters.list()).extracting(letter -> letter.event().orderId()).containsExactly("order-2", "order-3");
        assertThat(deadLetters.list()).extracting(DeadLetter::reason).containsOnly("out of retries");
        DeliveryStatistics.EventCounts counts = statistics.snapshot().of("custom_order");
        assertThat(counts.accepted()).isEqualTo(2);
        assertThat(counts.dropped()).as("the refused hand-over is counted like any refusal").isEqualTo(1);
    }

    @Test
    void purgeDeletesEveryLetter() {
        deadLetters.add(List.of(event(1), event(2)), "rejected");

        assertThat(access().purge()).isEqualTo(2);

        assertThat(access().count()).isZero();
        assertThat(store.heldCount()).isZero();
    }

    @Test
    void listsTheNewestFirstUpToTheLimit() {
        deadLetters.add(List.of(event(1), event(2), event(3)), "rejected");

        assertThat(access().list(2)).extracting(letter -> letter.event().orderId()).containsExactly("order-3", "order-2");
        assertThat(access().list(0)).isEmpty();
        assertThat(access().count()).isEqualTo(3);
    }

    private MemoryEventStore store(int capacity) {
        return new MemoryEventStore(TestSettings.quick().queue(capacity, 1_000_000, OverflowPolicy.DROP_NEWEST).build(),
                deadLetters, statistics, new LossReporter());
    }
}
