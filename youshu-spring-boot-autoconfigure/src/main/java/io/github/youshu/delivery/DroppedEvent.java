package io.github.youshu.delivery;

import java.time.Instant;

/**
 * One event that will never reach Youshu, as operators look for it: by its order id.
 *
 * @param type    the event type, e.g. {@code custom_order}
 * @param orderId the order id, {@code null} for an event without one (or whose order id could not be evaluated)
 * @param outcome {@value #INVALID} (failed evaluation or validation, never queued), {@value #DROPPED}
 *                (refused or evicted by the queue, refused while shutting down, not stored) or
 *                {@value #DEAD_LETTERED} (rejected by Youshu or out of retries) — the outcomes of the
 *                {@code youshu.events} meter
 * @param reason  why, in words (the violations, the queue's limit, Youshu's answer); never a secret
 * @param at      when it was dropped
 * @param user    the user's open id (else user id) masked like {@code ogN6X0T***}, or {@code null}
 */
public record DroppedEvent(String type, String orderId, String outcome, String reason, Instant at, String user) {

    /** Failed evaluation or validation: never queued. */
    public static final String INVALID = "invalid";

    /** Refused or evicted by the queue, refused while shutting down, or not stored. */
    public static final String DROPPED = "dropped";

    /** Rejected by Youshu, or out of retries. */
    public static final String DEAD_LETTERED = "dead_lettered";
}
