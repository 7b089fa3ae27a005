package io.github.youshu.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.youshu.actuate.HealthIndicatorBridge.HealthSnapshot;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.memory.MemoryEventStore;

/**
 * What the {@code youshu} health indicator reports, from what delivery already knows (it never
 * calls Youshu): DOWN when the last requests failed transiently in a row, or when the queue is
 * nearly full; UP otherwise.
 */
final class DeliveryHealth implements Supplier<HealthSnapshot> {

    private final EventStore store;

    private final int queueCapacity;

    private final DeliveryOutcomeTracker tracker;

    private final YoushuDeadLetters deadLetters;

    private final int downAfterFailures;

    private final double downAboveQueueUsage;

    /**
     * @param deadLetters {@code null} when the event store offers none
     */
    DeliveryHealth(EventStore store, int queueCapacity, DeliveryOutcomeTracker tracker, YoushuDeadLetters deadLetters,
            YoushuActuatorProperties properties) {
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
        details.put("queueCapacity", queueCapacity);
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
        String problem = null;
        if (state.consecutiveFailures() >= downAfterFailures) {
            problem = "the last " + state.consecutiveFailures() + " requests to Youshu failed";
        }
        else if (held > downAboveQueueUsage * queueCapacity) {
            problem = "the queue holds " + held + " of at most " + queueCapacity + " events";
        }
        if (problem != null) {
            details.put("problem", problem);
        }
        return new HealthSnapshot(problem == null, details);
    }
}
