package io.github.youshu.delivery;

/**
 * Hands validated events to delivery. Called on the caller's thread: it never throws and never
 * waits on Youshu. Inside a Spring transaction the hand-off follows the store's transaction mode
 * (joined for an outbox, after commit for memory).
 */
public interface EventDispatcher {

    /**
     * @return {@code false} when the event was refused (queue full, shutting down); the refusal is
     *         already counted and logged
     */
    boolean dispatch(OutboundEvent event);

    /** Counts an event that never reached delivery because it failed evaluation or validation. */
    void countInvalid(String type);
}
