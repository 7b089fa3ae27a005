package io.github.youshu.actuate;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.actuate.HealthIndicatorBridge.HealthSnapshot;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReason;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.MutableClock;
import io.github.youshu.delivery.RecentDrops;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.TestSettings;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class DeliveryHealthTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final DeadLetters deadLetters = new DeadLetters(10);

    private final DeliveryStatistics statistics = new DeliveryStatistics();

    private final MemoryEventStore store = new MemoryEventStore(
            TestSettings.quick().queue(10, 1_000_000, OverflowPolicy.DROP_NEWEST).build(), deadLetters, statistics,
            new LossReporter());

    private final DeliveryOutcomeTracker tracker = new DeliveryOutcomeTracker(Clock.fixed(NOW, ZoneOffset.UTC));

    private final MutableClock clock = new MutableClock();

    private final LossReporter lossReporter = new LossReporter(new RecentDrops(100, clock), clock);

    private final DeliveryHealth health = new DeliveryHealth(store, 10, tracker,
            new MemoryDeadLetters(deadLetters, store, statistics, Clock.systemUTC()), lossReporter.recentDrops(),
            new YoushuActuatorProperties());

    @Test
    void aRequestLevelFailureShowsItsCauseAndThePropertyToCheckUntilARequestIsAccepted() {
        RequestFailureState requestFailures = new RequestFailureState();
        DeliveryHealth withRelay = new DeliveryHealth(store, 10, tracker, null, lossReporter.recentDrops(),
                new YoushuActuatorProperties(), requestFailures);
        assertThat(withRelay.get().details()).doesNotContainKey("requestFailure");

        requestFailures.failed("HTTP 200, code 15: merchant verification failed", "youshu.app-id, youshu.app-secret", null);
        requestFailures.failed("HTTP 200, code 15: merchant verification failed", "youshu.app-id, youshu.app-secret", null);

        assertThat(withRelay.get().details()).extractingByKey("requestFailure").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("cause", "HTTP 200, code 15: merchant verification failed")
                .containsEntry("checkProperty", "youshu.app-id, youshu.app-secret")
                .containsEntry("refusedRequests", 2L)
                .containsKey("since");
        assertThat(withRelay.get().up()).isFalse();
        assertThat(withRelay.get().details()).extractingByKey("problem").asString()
                .contains("code 15").contains("youshu.app-secret");
        requestFailures.succeeded();
        assertThat(withRelay.get().details()).doesNotContainKey("requestFailure");
    }

    @Test
    void upWithTheQueueAndNothingElseWhenNothingHappenedYet() {
        HealthSnapshot snapshot = health.get();

        assertThat(snapshot.up()).isTrue();
        assertThat(snapshot.details()).containsEntry("queued", 0L).containsEntry("inFlight", 0L)
                .containsEntry("queueCapacity", 10).containsEntry("deadLetters", 0L).containsEntry("consecutiveFailures", 0)
                .containsEntry("recentlyInvalid", 0L).containsEntry("recentlyDeadLettered", 0L)
                .doesNotContainKeys("lastSuccess", "lastFailure", "problem");
    }

    /** Issue 11 item 4: 4 of 4 events invalid used to leave the health UP. */
    @Test
    void invalidEventsWithinTheWindowAreAProblemNamingTheLatest() {
        for (int i = 1; i <= 4; i++) {
            lossReporter.invalid("custom_order", "SO" + i, "ogN6X0T-ilsHvTrCNk", "props.page: is required");
        }

        HealthSnapshot snapshot = health.get();

        assertThat(snapshot.up()).isFalse();
        assertThat(snapshot.details()).containsEntry("recentlyInvalid", 4L).containsEntry("recentlyDeadLettered", 0L);
        assertThat((String) snapshot.details().get("problem"))
                .contains("4 events invalid (not reported) in the last 15 minutes")
                .contains("custom_order order SO4").contains("props.page: is required").contains("/actuator/youshu")
                .doesNotContain("ogN6X0T-ilsH");

        clock.advance(Duration.ofMinutes(16));
        assertThat(health.get().up()).as("the window has passed").isTrue();
        assertThat(health.get().details()).containsEntry("recentlyInvalid", 0L);
    }

    /** Issue 11 item 4: 3 dead letters used to leave the health UP. */
    @Test
    void deadLettersWithinTheWindowAreAProblem() {
        for (int i = 1; i <= 3; i++) {
            lossReporter.report(LossReason.REJECTED, event(i), "HTTP 200, code 40001: invalid open_id");
        }

        HealthSnapshot snapshot = health.get();

        assertThat(snapshot.up()).isFalse();
        assertThat(snapshot.details()).containsEntry("recentlyDeadLettered", 3L);
        assertThat((String) snapshot.details().get("problem")).startsWith("3 events dead-lettered in the last 15 minutes")
                .contains("order order-3").contains("code 40001");
    }

    @Test
    void queueDropsAreListedButAreNoHealthProblemOfTheirOwn() {
        lossReporter.report(LossReason.QUEUE_FULL, event(1), "the queue holds 10 events");

        assertThat(health.get().up()).as("a full queue is its own problem, reported by queue usage").isTrue();
        assertThat(lossReporter.recentDrops().newestFirst()).singleElement()
                .satisfies(drop -> assertThat(drop.outcome()).isEqualTo("dropped"));
    }

    @Test
    void downAfterThreeTransientFailuresInARowAndUpAgainAfterASuccess() {
        tracker.onSent(List.of(event(1)));
        tracker.onFailed(List.of(event(2)), SendResult.transientFailure(503, "Service Unavailable", null));
        tracker.onFailed(List.of(event(2)), SendResult.transientFailure(0, "timed out", null));
        assertThat(health.get().up()).isTrue();

        tracker.onFailed(List.of(event(2)), SendResult.transientFailure(503, "Service Unavailable", null));
        HealthSnapshot down = health.get();
        assertThat(down.up()).isFalse();
        assertThat(down.details()).containsEntry("consecutiveFailures", 3)
                .containsEntry("lastSuccess", NOW.toString()).containsEntry("lastFailure", NOW.toString())
                .containsEntry("lastFailureMessage", "HTTP 503: Service Unavailable")
                .containsEntry("problem", "the last 3 requests to Youshu failed");

        tracker.onDeadLettered(List.of(event(2)), "rejected by Youshu");
        assertThat(health.get().up()).as("a rejection is an answer, not a recovery").isFalse();

        tracker.onSent(List.of(event(3)));
        HealthSnapshot up = health.get();
        assertThat(up.up()).isTrue();
        assertThat(up.details()).containsEntry("consecutiveFailures", 0)
                .containsEntry("lastFailureMessage", "HTTP 503: Service Unavailable");
    }

    @Test
    void downWhenTheQueueIsMoreThanNinetyPercentFull() {
        for (int i = 1; i <= 9; i++) {
            store.append(event(i));
        }
        assertThat(health.get().up()).isTrue();

        store.append(event(10));
        HealthSnapshot down = health.get();

        assertThat(down.up()).isFalse();
        assertThat(down.details()).containsEntry("queued", 10L)
                .containsEntry("problem", "the queue holds 10 of at most 10 events");
    }

    @Test
    void inFlightEventsCountTowardsTheQueue() {
        for (int i = 1; i <= 10; i++) {
            store.append(event(i));
        }
        store.claim(4, 1_000_000);

        HealthSnapshot snapshot = health.get();

        assertThat(snapshot.details()).containsEntry("queued", 6L).containsEntry("inFlight", 4L);
        assertThat(snapshot.up()).isFalse();
    }

    @Test
    void thresholdsAreConfigurable() {
        YoushuActuatorProperties properties = new YoushuActuatorProperties();
        properties.setDownAfterFailures(1);
        properties.setDownAboveQueueUsage(0.5);
        DeliveryHealth strict = new DeliveryHealth(store, 10, tracker, null, lossReporter.recentDrops(), properties);
        for (int i = 1; i <= 5; i++) {
            store.append(event(i));
        }
        assertThat(strict.get().up()).isTrue();
        assertThat(strict.get().details()).doesNotContainKey("deadLetters");

        tracker.onFailed(List.of(event(1)), SendResult.transientFailure(503, "down", null));
        assertThat(strict.get().up()).isFalse();
    }
}
