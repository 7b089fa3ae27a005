package io.github.youshu.delivery;

import org.junit.jupiter.api.Test;

import io.github.youshu.delivery.DeliveryStatistics.EventCounts;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatisticsTest {

    @Test
    void countsPerTypeAndInTotal() {
        DeliveryStatistics statistics = new DeliveryStatistics();
        statistics.countAccepted("custom_order");
        statistics.countAccepted("custom_order");
        statistics.countAccepted("coupon_order");
        statistics.countSent("custom_order");
        statistics.countDropped("custom_order");
        statistics.countDeadLettered("coupon_order");
        statistics.countInvalid("coupon_order");

        DeliveryStatistics.Snapshot snapshot = statistics.snapshot();

        assertThat(snapshot.of("custom_order")).isEqualTo(new EventCounts(2, 1, 1, 0, 0));
        assertThat(snapshot.of("coupon_order")).isEqualTo(new EventCounts(1, 0, 0, 1, 1));
        assertThat(snapshot.of("visit_page")).isEqualTo(EventCounts.NONE);
        assertThat(snapshot.total()).isEqualTo(new EventCounts(3, 1, 1, 1, 1));
        assertThat(snapshot.byType()).containsOnlyKeys("coupon_order", "custom_order");
    }

    @Test
    void aSnapshotDoesNotChangeAfterwards() {
        DeliveryStatistics statistics = new DeliveryStatistics();
        statistics.countAccepted("custom_order");
        DeliveryStatistics.Snapshot snapshot = statistics.snapshot();

        statistics.countAccepted("custom_order");

        assertThat(snapshot.total().accepted()).isEqualTo(1);
        assertThat(statistics.snapshot().total().accepted()).isEqualTo(2);
    }
}
