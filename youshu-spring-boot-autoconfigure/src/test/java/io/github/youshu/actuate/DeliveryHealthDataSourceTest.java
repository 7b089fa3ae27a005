package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.youshu.actuate.HealthIndicatorBridge.HealthSnapshot;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.DataSourceState;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The {@code dataSource} detail of the {@code youshu} health component (data-api.md §2). */
class DeliveryHealthDataSourceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final MemoryEventStore store = new MemoryEventStore(
            TestSettings.quick().queue(10, 1_000_000, OverflowPolicy.DROP_NEWEST).build(), new DeadLetters(10),
            new DeliveryStatistics(), new LossReporter());

    private final DeliveryHealth health = new DeliveryHealth(store, 10,
            new DeliveryOutcomeTracker(Clock.fixed(NOW, ZoneOffset.UTC)), null, new LossReporter().recentDrops(),
            new YoushuActuatorProperties());

    @Test
    void whileTheIdIsNotKnownTheDetailsSayWhyAndWhichPropertyToSet() {
        DataSourceState notConfigured = new DataSourceState(DataSourceState.Status.NOT_CONFIGURED, null, null,
                "neither youshu.orders.data-source-id nor youshu.merchant-id is set",
                "youshu.orders.data-source-id (from the Youshu console) or youshu.merchant-id", 0, NOW);

        assertThat(health.dataSource(() -> notConfigured).get().details()).extractingByKey("dataSource")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("status", "NOT_CONFIGURED")
                .containsEntry("checkProperty", "youshu.orders.data-source-id (from the Youshu console) or youshu.merchant-id")
                .containsEntry("cause", "neither youshu.orders.data-source-id nor youshu.merchant-id is set")
                .containsEntry("itemsWait", true)
                .doesNotContainKey("dataSourceId");
        // an application that does not use order data is not degraded by it
        assertThat(health.get().up()).isTrue();
    }

    @Test
    void aDataSourceThatCannotBeResolvedIsAProblemNamingThePropertyToCheck() {
        DataSourceState rejected = new DataSourceState(DataSourceState.Status.REJECTED, null, null,
                "HTTP 200, retcode 12: merchant not found", "youshu.merchant-id", 3, NOW);

        HealthSnapshot snapshot = health.dataSource(() -> rejected).get();

        assertThat(snapshot.up()).isFalse();
        assertThat(snapshot.details()).extractingByKey("problem").asString()
                .contains("the data source id is not known").contains("retcode 12").contains("youshu.merchant-id");
    }

    @Test
    void aKnownIdIsShownWithWhereItCameFrom() {
        DataSourceState known = new DataSourceState(DataSourceState.Status.KNOWN, "10001", "data_source/get", null, null,
                0, NOW);

        assertThat(health.dataSource(() -> known).get().details()).extractingByKey("dataSource")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("status", "KNOWN")
                .containsEntry("dataSourceId", "10001")
                .containsEntry("origin", "data_source/get")
                .doesNotContainKey("checkProperty");
    }

    @Test
    void aRequestLevelFailureOfOrderDataShowsApartFromThatOfBehaviourEvents() {
        RequestFailureState dataApi = new RequestFailureState();
        DeliveryHealth withRelay = health.dataApiRequestFailures(dataApi);
        assertThat(withRelay.get().details()).doesNotContainKey("dataApiRequestFailure");

        dataApi.failed("HTTP 200, retcode 12: merchant not found", "youshu.merchant-id", null);

        assertThat(withRelay.get().details()).doesNotContainKey("requestFailure")
                .extractingByKey("dataApiRequestFailure").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("cause", "HTTP 200, retcode 12: merchant not found")
                .containsEntry("checkProperty", "youshu.merchant-id")
                .containsEntry("refusedRequests", 1L);
        assertThat(withRelay.get().up()).isFalse();
        assertThat(withRelay.get().details()).extractingByKey("problem").asString()
                .contains("order data requests").contains("youshu.merchant-id");
    }

    @Test
    void withoutTheDataApiSideThereIsNoDetail() {
        assertThat(health.get().details()).doesNotContainKey("dataSource");
    }
}
