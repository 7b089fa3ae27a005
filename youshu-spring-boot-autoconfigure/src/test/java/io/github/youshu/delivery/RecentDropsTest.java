package io.github.youshu.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentDropsTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void keepsTheNewestUpToItsCapacity() {
        RecentDrops drops = new RecentDrops(3, clock);
        for (int i = 1; i <= 5; i++) {
            drops.record("custom_order", "SO" + i, DroppedEvent.INVALID, "bad", null);
        }

        assertThat(drops.newestFirst()).extracting(DroppedEvent::orderId).containsExactly("SO5", "SO4", "SO3");
        assertThat(drops.countWithin(DroppedEvent.INVALID, Duration.ofMinutes(1))).as("counts are not bounded by the list")
                .isEqualTo(5);
        assertThat(drops.latest(DroppedEvent.INVALID).orderId()).isEqualTo("SO5");
        assertThat(drops.latest(DroppedEvent.DEAD_LETTERED)).isNull();
    }

    @Test
    void countsPerOutcomeWithinTheWindowByMinute() {
        RecentDrops drops = new RecentDrops(0, clock);
        drops.record("custom_order", "SO1", DroppedEvent.DEAD_LETTERED, "rejected", null);
        clock.advance(Duration.ofMinutes(10));
        drops.record("custom_order", "SO2", DroppedEvent.DEAD_LETTERED, "rejected", null);
        drops.record("custom_order", "SO3", DroppedEvent.INVALID, "bad", null);

        assertThat(drops.countWithin(DroppedEvent.DEAD_LETTERED, Duration.ofMinutes(15))).isEqualTo(2);
        assertThat(drops.countWithin(DroppedEvent.DEAD_LETTERED, Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(drops.countWithin(DroppedEvent.INVALID, Duration.ofMinutes(5))).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        drops.record("custom_order", "SO4", DroppedEvent.DEAD_LETTERED, "rejected", null);
        assertThat(drops.countWithin(DroppedEvent.DEAD_LETTERED, RecentDrops.MAX_WINDOW))
                .as("a minute's counter is reused an hour later").isEqualTo(1);
        assertThat(drops.newestFirst()).as("capacity 0 keeps none").isEmpty();
    }

    @Test
    void aNegativeCapacityNamesTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentDrops(-1, clock))
                .withMessageContaining("youshu.delivery.recent-drops-kept");
    }

    @Test
    void userIdsAreMaskedAndFoundInTheEventJson() {
        assertThat(UserIdMask.mask("ogN6X0T-ilsHvTrCNk")).isEqualTo("ogN6***");
        assertThat(UserIdMask.maskedUserOf("{\"props\":{\"wx_user\":{\"user_id\":\"u-1234567890\",\"open_id\":\"ogN6X0T-ilsHvTrCNk\"}}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("ogN6***");
        assertThat(UserIdMask.maskedUserOf("{\"props\":{\"wx_user\":{\"user_id\":\"u-1234567890\"}}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("u-1***");
        assertThat(UserIdMask.maskedUserOf("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
    }
}
