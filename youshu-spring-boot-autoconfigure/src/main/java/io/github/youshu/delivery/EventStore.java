package io.github.youshu.delivery;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where accepted events wait for delivery: in memory, or in a database table (the outbox). The
 * caller's thread only {@link #append appends}; a relay {@link #claim claims} due events in
 * batches, sends them and marks the outcome.
 */
public interface EventStore {

    /**
     * Whether {@link #append} must run inside the caller's transaction (a durable outbox that
     * commits or rolls back with the business data) rather than after its commit.
     */
    boolean joinsTransaction();

    /**
     * Adds an event. Never blocks on Youshu; a memory store never does I/O here. An event the store
     * refuses, or an older one it evicts to make room, is counted as dropped and reported by the
     * store itself.
     *
     * @return {@code false} when the store refused the event (full, or shutting down)
     */
    boolean append(OutboundEvent event);

    /**
     * Whether the store takes {@link DeferredEvent}s unprepared ({@link #appendDeferred}) and
     * prepares them on the relay's thread. Never for a store that {@linkplain #joinsTransaction()
     * joins transactions}: the outbox needs the bytes inside the caller's transaction.
     */
    default boolean acceptsDeferred() {
        return false;
    }

    /**
     * Adds an event to be validated and serialized later, on the relay's thread, before it joins a
     * batch; it is counted at its {@linkplain DeferredEvent#estimatedBytes() estimate} until then.
     * Counts nothing and reports nothing when it refuses: the caller then prepares the event and
     * {@linkplain #append appends} it, which counts and reports a refusal as usual.
     *
     * @return {@code false} when the store does not take the event unprepared now (no room at its
     *         estimate, shutting down, or not supported: the default)
     */
    default boolean appendDeferred(DeferredEvent event) {
        return false;
    }

    /**
     * Sets the callback the store runs (on the appending thread, after the event is stored) when
     * its due events make up a full batch, so that a relay can send it without waiting for its
     * next poll. The callback must be quick and must not throw. Stores that cannot tell, such as a
     * table shared by several instances, ignore it; the relay's polling covers them.
     */
    default void onBatchReady(Runnable callback) {
    }

    /**
     * Claims the events that are due now, oldest first: at most {@code maxEvents} events and at
     * most {@code maxBytes} of JSON (at least one event, even a larger one). Claimed events are in
     * flight until one of the {@code mark} methods is called for them.
     */
    List<StoredEvent> claim(int maxEvents, long maxBytes);

    /**
     * Claims due events of one route whose route can be sent now: as {@link #claim(int, long)}, but
     * the batch holds events of a single {@link DeliveryRoute} (that of the oldest due event that
     * qualifies), and events of routes that {@code sendable} refuses are left waiting, neither
     * claimed nor counted as attempted, nor holding back events of other routes. The default, for
     * stores that know no routes, claims as {@link #claim(int, long)} does.
     */
    default List<StoredEvent> claim(int maxEvents, long maxBytes, Predicate<DeliveryRoute> sendable) {
        return claim(maxEvents, maxBytes);
    }

    /** The events were accepted by Youshu. */
    void markDelivered(List<StoredEvent> events);

    /** The events failed transiently; they become due again at {@code notBefore}. */
    void markForRetry(List<StoredEvent> events, Instant notBefore, String error);

    /** The events were rejected or ran out of retries: they go to the dead letters. */
    void markDead(List<StoredEvent> events, String error);

    /**
     * Hands claimed events back unsent, as when a relay stops, or holds back a later event of an
     * order while an earlier one waits for a retry: they are due again at once, their attempts are
     * not counted and their claim (lease) is cleared, so that any relay may claim them at once.
     * The default marks them for a retry now, which counts an attempt.
     */
    default void release(List<StoredEvent> events) {
        markForRetry(events, Instant.now(), "handed back unsent");
    }

    /**
     * Forgets events that will never be sent although they are not at fault: the request-level
     * failure that held them back outlasted their retry budget. They are not dead letters (nothing
     * is wrong with them); the relay counts them as dropped and reports the loss. The default moves
     * them to the dead letters, for stores that keep nothing else.
     */
    default void discard(List<StoredEvent> events, String error) {
        markDead(events, error);
    }

    /**
     * Whether the events survive the process (a database table): then a request-level failure
     * keeps them until it is fixed, whatever the retry budget; a memory store gives up at the end
     * of the budget instead.
     */
    default boolean durable() {
        return false;
    }

    /** How many events wait for delivery, not counting those in flight. */
    long pendingCount();
}
