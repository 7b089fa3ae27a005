package io.github.youshu.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.youshu.actuate.HealthIndicatorBridge.HealthSnapshot;
import io.github.youshu.delivery.DroppedEvent;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.RecentDrops;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.DataSourceState;

/**
 * What the {@code youshu} health indicator reports, from what delivery already knows (it never
 * calls Youshu). A problem when the last requests failed transiently in a row, when Youshu refuses
 * the requests themselves (credentials, signature, clock, configuration), when the queue is nearly
 * full, or when events were dropped as invalid or dead-lettered within
 * {@code youshu.actuator.recent-drops-window}; the {@code problem} detail says which, and the
 * indicator reports it with the status of {@code youshu.actuator.affects-aggregate-health}
 * (DEGRADED by default). UP otherwise. While requests are refused, the details carry
 * {@code requestFailure}: its {@code cause}, the {@code checkProperty} to fix, {@code since} when and
 * how many {@code refusedRequests}.
 */
final class DeliveryHealth implements Supplier<HealthSnapshot> {

    private final EventStore store;

    private final int queueCapacity;

    private final DeliveryOutcomeTracker tracker;

    private final YoushuDeadLetters deadLetters;

    private final RecentDrops recentDrops;

    private final int downAfterFailures;

    private final double downAboveQueueUsage;

    private final Duration recentDropsWindow;

    private final RequestFailureState requestFailures;

    /** The data-api data source id's state, or {@code null} without the data-api side. */
    private Supplier<DataSourceState> dataSource;

    /** The relay's request-level failure of data-api requests, or {@code null} without a relay. */
    private RequestFailureState dataApiRequestFailures;

    /**
     * @param deadLetters {@code null} when the event store offers none
     * @param recentDrops the drops delivery and the reporter recorded
     */
    DeliveryHealth(EventStore store, int queueCapacity, DeliveryOutcomeTracker tracker, YoushuDeadLetters deadLetters,
            RecentDrops recentDrops, YoushuActuatorProperties properties) {
        this(store, queueCapacity, tracker, deadLetters, recentDrops, properties, null);
    }

    /**
     * @param deadLetters     {@code null} when the event store offers none
     * @param recentDrops     the drops delivery and the reporter recorded
     * @param requestFailures the relay's request-level failure, or {@code null} without a relay
     */
    DeliveryHealth(EventStore store, int queueCapacity, DeliveryOutcomeTracker tracker, YoushuDeadLetters deadLetters,
            RecentDrops recentDrops, YoushuActuatorProperties properties, RequestFailureState requestFailures) {
        this.requestFailures = requestFailures;
        this.store = store;
        this.queueCapacity = queueCapacity;
        this.tracker = tracker;
        this.deadLetters = deadLetters;
        this.recentDrops = recentDrops;
        this.downAfterFailures = properties.getDownAfterFailures();
        this.downAboveQueueUsage = properties.getDownAboveQueueUsage();
        this.recentDropsWindow = properties.getRecentDropsWindow();
    }

    /**
     * Shows the data source id's state in the details ({@code dataSource}): {@code status},
     * {@code dataSourceId} and {@code origin} when known, else the {@code cause}, the
     * {@code checkProperty} to set and since when (data-api items wait meanwhile).
     */
    DeliveryHealth dataSource(Supplier<DataSourceState> dataSource) {
        this.dataSource = dataSource;
        return this;
    }

    /**
     * Shows a request-level failure of data-api requests (backend order data: credentials, data
     * source, merchant) in the details as {@code dataApiRequestFailure}, with the same fields as
     * {@code requestFailure}.
     */
    DeliveryHealth dataApiRequestFailures(RequestFailureState failures) {
        this.dataApiRequestFailures = failures;
        return this;
    }

    /** The {@code dataSource} detail (see {@link #dataSource(Supplier)}). */
    static Map<String, Object> dataSourceDetails(DataSourceState state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", state.status().name());
        if (state.isKnown()) {
            details.put("dataSourceId", state.dataSourceId());
            details.put("origin", state.origin());
        }
        else {
            details.put("cause", state.cause());
            details.put("checkProperty", state.property());
            details.put("failedAttempts", state.failedAttempts());
            details.put("itemsWait", true);
        }
        details.put("since", state.since().toString());
        return details;
    }

    @Override
    public HealthSnapshot get() {
        DeliveryOutcomeTracker.State state = tracker.state();
        Map<String, Object> details = new LinkedHashMap<>();
        long queued = store.pendingCount();
        long held = queued;
        details.put("queued", queued);
        if (store instanceof MemoryEventStore memory) {
            long inFlight = memory.inFlightCount();
            held += inFlight;
            details.put("inFlight", inFlight);
        }
        if (queueCapacity > 0) {
            details.put("queueCapacity", queueCapacity);
        }
        if (deadLetters != null) {
            details.put("deadLetters", deadLetters.count());
        }
        details.put("consecutiveFailures", state.consecutiveFailures());
        if (state.lastSuccess() != null) {
            details.put("lastSuccess", state.lastSuccess().toString());
        }
        if (state.lastFailure() != null) {
            details.put("lastFailure", state.lastFailure().toString());
            details.put("lastFailureMessage", state.lastFailureMessage());
        }
        if (dataSource != null) {
            details.put("dataSource", dataSourceDetails(dataSource.get()));
        }
        if (dataApiRequestFailures != null) {
            dataApiRequestFailures.current().ifPresent(failure -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("cause", failure.cause());
                request.put("checkProperty", failure.checkProperty());
                request.put("since", failure.since().toString());
                request.put("refusedRequests", failure.failedRequests());
                details.put("dataApiRequestFailure", request);
            });
        }
        List<String> problems = new ArrayList<>();
        if (details.get("dataSource") instanceof Map<?, ?> source
                && ("UNREACHABLE".equals(source.get("status")) || "REJECTED".equals(source.get("status")))) {
            problems.add("order data waits: the data source id is not known (" + source.get("cause") + "); check "
                    + source.get("checkProperty"));
        }
        if (details.get("dataApiRequestFailure") instanceof Map<?, ?> failure) {
            problems.add("Youshu refuses the order data requests themselves (" + failure.get("cause") + "); check "
                    + failure.get("checkProperty") + "; the items wait and are retried");
        }
        if (requestFailures != null) {
            requestFailures.current().ifPresent(failure -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("cause", failure.cause());
                request.put("checkProperty", failure.checkProperty());
                request.put("since", failure.since().toString());
                request.put("refusedRequests", failure.failedRequests());
                details.put("requestFailure", request);
                problems.add("Youshu refuses the requests themselves (" + failure.cause() + "); check "
                        + failure.checkProperty() + "; events wait and are retried");
            });
        }
        if (state.consecutiveFailures() >= downAfterFailures) {
            problems.add("the last " + state.consecutiveFailures() + " requests to Youshu failed");
        }
        if (queueCapacity > 0 && held > downAboveQueueUsage * queueCapacity) {
            problems.add("the queue holds " + held + " of at most " + queueCapacity + " events");
        }
        recentDrops(DroppedEvent.INVALID, "recentlyInvalid", "invalid (not reported)", details, problems);
        recentDrops(DroppedEvent.DEAD_LETTERED, "recentlyDeadLettered", "dead-lettered", details, problems);
        if (!problems.isEmpty()) {
            details.put("problem", String.join("; ", problems));
        }
        return new HealthSnapshot(problems.isEmpty(), details);
    }

    /** Counts the outcome's drops within the window; any is a problem naming the newest. */
    private void recentDrops(String outcome, String detail, String described, Map<String, Object> details,
            List<String> problems) {
        long count = recentDrops.countWithin(outcome, recentDropsWindow);
        details.put(detail, count);
        DroppedEvent latest = recentDrops.latest(outcome);
        if (count == 0 || latest == null) {
            return;
        }
        long minutes = recentDropsWindow.toMinutes();
        problems.add(count + (count == 1 ? " event " : " events ") + described + " in the last "
                + (minutes == 1 ? "minute" : minutes + " minutes") + "; the latest: " + latest.type()
                + (latest.orderId() != null ? " order " + latest.orderId() : "") + " at " + latest.at() + ": "
                + latest.reason() + " (all recent drops with their order ids: GET /actuator/youshu)");
    }
}
