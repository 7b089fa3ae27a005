package io.github.youshu.delivery;

/** Why an accepted event will never reach Youshu. */
public enum LossReason {

    /** The queue was full and the new event was refused (drop-newest). */
    QUEUE_FULL("refused, queue full"),

    /** The queue was full and the event was evicted to make room for a newer one (drop-oldest). */
    EVICTED("evicted from the full queue"),

    /** The event arrived while delivery was shutting down. */
    SHUTTING_DOWN("refused while shutting down"),

    /** The event store failed to take the event. */
    STORE_FAILURE("not stored, event store failed"),

    /** Youshu rejected the event: sending it again cannot succeed. */
    REJECTED("rejected by Youshu, dead-lettered"),

    /** The event failed transiently until its retry budget ran out. */
    RETRIES_EXHAUSTED("out of retries, dead-lettered"),

    /**
     * Youshu refused the requests themselves (credentials, signature, clock, configuration) until
     * the event's retry budget ran out (memory mode; the outbox keeps such events until it works).
     * Not a dead letter: nothing is wrong with the event.
     */
    REQUEST_REJECTED("lost, Youshu refused the requests (not the event) until the retry budget ran out"),

    /**
     * Delivery stopped (the application shut down) before the event could be sent: it was queued,
     * waiting for a retry, or in flight without an answer when the shutdown timeout ran out.
     */
    SHUTDOWN("lost at shutdown, not sent within youshu.delivery.shutdown-timeout");

    private final String description;

    LossReason(String description) {
        this.description = description;
    }

    /** A short phrase for log lines. */
    public String description() {
        return description;
    }
}
