package io.github.youshu.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.youshu.actuate.HealthIndicatorBridge.HealthSnapshot;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.memory.MemoryEventStore;

/**
 * What the {@code youshu} health indicator reports, from what delivery already knows (it never
 * calls Youshu): DOWN when the last requests failed transiently in a row, or when the queue is
 * nearly full; UP otherwise. While Youshu refuses the requests themselves (credentials, signature,
 * clock, configuration), the details carry {@code requestFailure}: its {@code cause}, the
 * {@code checkProperty} to fix, {@code since} when and how many {@code refusedRequests}.
 */
final class DeliveryHealth implements Supplier<HealthSnapshot> {

    private final EventStore store;

    private final int queueCapacity;

    private final DeliveryOutcomeTracker tracker;

    private final YoushuDeadLetters deadLetters;

    private final int downAfterFailures;

    private final double downAboveQueueUsage;

    private final RequestFailureState requestFailures;

    /**
     * @param deadLetters {@code null} when the event store offers none
     */
    DeliveryHealth(EventStore store, int queueCapacity, DeliveryOutcomeTracker tracker, YoushuDeadLetters deadLetters,
            YoushuActuatorProperties properties) {
        this(store, queueCapacity, tracker, deadLetters, properties, null);
    }

    /**
     * @param deadLetters     {@code null} when the event store offers none
     * @param requestFailures the relay's request-level failure, or {@code null} without a relay
     */
    DeliveryHealth(EventStore store, int queueCapacity, DeliveryOutcomeTracker tracker, YoushuDeadLetters deadLetters,
            YoushuActuatorProperties properties, RequestFailureState requestFailures) {
        this.requestFailures = requestFailures;
        this.store = store;
        this.queueCapacity = queueCapacity;
        this.tracker = tracker;
        this.deadLetters = deadLetters;
        this.downAfterFailures = properties.getDownAfterFailures();
        this.downAboveQueueUsage = properties.getDownAboveQueueUsage();
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
        if (requestFailures != null) {
            requestFailures.current().ifPresent(failure -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("cause", failure.cause());
                request.put("checkProperty", failure.checkProperty());
                request.put("since", failure.since().toString());
                request.put("refusedRequests", failure.failedRequests());
                details.put("requestFailure", request);
            });
        }
        String problem = null;
        if (state.consecutiveFailures() >= downAfterFailures) {
            problem = "the last " + state.consecutiveFailures() + " requests to Youshu failed";
        }
        else if (queueCapacity > 0 && held > downAboveQueueUsage * queueCapacity) {
            problem = "the queue holds " + held + " of at most " + queueCapacity + " events";
        }
        if (problem != null) {
            details.put("problem", problem);
        }
        return new HealthSnapshot(problem == null, details);
    }
}
