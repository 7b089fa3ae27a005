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

    /**
     * Whether {@link #dispatch(DeferredEvent)} hands events over unprepared, to be validated and
     * serialized on the delivery side (a memory store); {@code false} (the default) when they are
     * prepared on the caller's thread anyway, so that callers may as well prepare them themselves.
     */
    default boolean defersPreparation() {
        return false;
    }

    /**
     * Hands over an event whose validation and serialization are left to the delivery side. The
     * default prepares it here, on the caller's thread, and dispatches the result.
     *
     * @return {@code false} when the event was invalid (counted and logged by its preparation) or
     *         refused (counted and logged); {@code true} when it was taken, valid or not yet known
     */
    default boolean dispatch(DeferredEvent event) {
        OutboundEvent prepared = event.prepare();
        return prepared != null && dispatch(prepared);
    }

    /** Counts an event that never reached delivery because it failed evaluation or validation. */
    void countInvalid(String type);

    /**
     * Counts an event that never reached delivery because it failed evaluation or validation, and
     * keeps it findable by its order id (see {@link LossReporter#invalid}). The default only counts it.
     *
     * @param orderId    its order id, or {@code null} when it has none or it could not be evaluated
     * @param openId     the user's open id, or {@code null}; only its masked form is kept
     * @param violations why it is invalid, e.g. {@code props.page: is required}
     */
    default void invalid(String type, String orderId, String openId, String violations) {
        countInvalid(type);
    }
}
