package io.github.youshu.delivery.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.github.youshu.delivery.DeliveryRoute;
import io.github.youshu.delivery.DeferredEvent;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.LossReason;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.OverflowPolicy;
import io.github.youshu.delivery.StoredEvent;

/**
 * The in-memory {@link EventStore}: a queue bounded in events and in bytes, the events waiting for
 * a retry, and the events in flight, all three counted against the same bounds so that memory stays
 * bounded during an outage. When full, the {@link OverflowPolicy} refuses the new event or evicts
 * the oldest one not in flight; every loss is counted and reported.
 *
 * <p>A partial batch is held back until its oldest event has waited the flush interval; a full
 * batch is due at once and {@linkplain #onBatchReady signalled}. After {@link #close()} new events
 * are refused, and partial batches and the events waiting for a retry are due at once (a last
 * attempt), and failed retries wait at most the flush interval, so that the queue drains.
 *
 * <p>Events of one order leave in the order they were appended, per ordering key
 * ({@link OutboundEvent#orderingKey()}: behaviour events and data-api items of an order apart): a
 * claim skips the events of a key that has an earlier event waiting for a retry or in flight. A
 * claim takes events of one {@link DeliveryRoute} only; the events of a route that cannot be sent
 * now (data-api items while the data source id is unknown) wait, within the same bounds.
 *
 * <p>{@link #append} never blocks beyond a short lock and never does I/O. Events in the store are
 * lost with the process: use the outbox for durability.
 *
 * <p>{@linkplain #appendDeferred Deferred events} (validated and serialized later) wait apart, in
 * the order they came, counted at their estimated size (an upper bound); a {@link #claim} first
 * prepares them on the relay's thread, outside the lock, one relay at a time and in order, then
 * counts each valid one accepted at its exact size (an invalid one is counted invalid by its
 * preparation). Evicted or left at shutdown, they are prepared first, so that a loss names its order.
 */
public final class MemoryEventStore implements EventStore {

    private static final long SETTLED_CHECK_NANOS = Duration.ofMillis(50).toNanos();

    private static final Comparator<Entry> BY_DUE = Comparator.comparing(Entry::notBefore)
            .thenComparingLong(Entry::sequence);

    /** How many batches of deferred events may wait to be prepared ({@link #maxUnprepared}). */
    static final int UNPREPARED_BATCHES = 4;

    private final int capacity;

    private final long maxBytes;

    private final OverflowPolicy overflow;

    private final int batchSize;

    private final long batchBytes;

    private final Duration flushInterval;

    private final DeadLetters deadLetters;

    private final DeliveryStatistics statistics;

    private final LossReporter lossReporter;

    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition emptied = lock.newCondition();

    /** Events that may be claimed (fresh, or whose retry is due), oldest first. */
    private final TreeMap<Long, Entry> ready = new TreeMap<>();

    /** Events waiting for their retry, by when it is due. */
    private final TreeSet<Entry> waiting = new TreeSet<>(BY_DUE);

    /** The same events as {@link #waiting}, oldest first (for drop-oldest). */
    private final TreeMap<Long, Entry> waitingBySequence = new TreeMap<>();

    private final Map<String, Entry> inFlight = new HashMap<>();

    /** How many events of each ordering key wait for a retry or are in flight: the keys a claim must skip. */
    private final Map<String, Integer> blockedOrders = new HashMap<>();

    private long readyBytes;

    private long heldBytes;

    private long inFlightBytes;

    private long nextSequence;

    private boolean closed;

    /** Deferred events not yet prepared, oldest first. */
    private final ArrayDeque<Unprepared> unprepared = new ArrayDeque<>();

    private long unpreparedBytes;

    /** Deferred events a relay is preparing right now (counted held, as in flight: not evictable). */
    private int preparingCount;

    private long preparingBytes;

    /**
     * Most deferred events waiting to be prepared: beyond, the relay is behind and callers prepare
     * their own events again (as without deferral), rather than let the queue fill with work.
     */
    private final int maxUnprepared;

    /** One relay prepares at a time, so that events of one order join the queue in order. */
    private final ReentrantLock preparing = new ReentrantLock();

    private volatile Runnable batchReady = () -> { };

    public MemoryEventStore(DeliverySettings settings, DeadLetters deadLetters, DeliveryStatistics statistics,
            LossReporter lossReporter) {
        this(settings, deadLetters, statistics, lossReporter, Clock.systemUTC());
    }

    MemoryEventStore(DeliverySettings settings, DeadLetters deadLetters, DeliveryStatistics statistics,
            LossReporter lossReporter, Clock clock) {
        this.capacity = settings.queueCapacity();
        this.maxBytes = settings.queueMaxBytes();
        this.overflow = settings.overflow();
        this.batchSize = settings.maxBatchSize();
        this.batchBytes = settings.maxBatchEventBytes();
        this.flushInterval = settings.flushInterval();
        this.maxUnprepared = UNPREPARED_BATCHES * settings.maxBatchSize();
        this.deadLetters = deadLetters;
        this.statistics = statistics;
        this.lossReporter = lossReporter;
        this.clock = clock;
    }

    /** Events are handed over after the caller's transaction commits. */
    @Override
    public boolean joinsTransaction() {
        return false;
    }

    @Override
    public boolean append(OutboundEvent event) {
        List<OutboundEvent> evicted = List.of();
        List<DeferredEvent> evictedDeferred = List.of();
        LossReason refusal = null;
        String detail = null;
        boolean fullBatch = false;
        lock.lock();
        try {
            int size = event.sizeInBytes();
            if (closed) {
                refusal = LossReason.SHUTTING_DOWN;
                detail = "delivery is stopping";
            }
            else if (size > maxBytes) {
                refusal = LossReason.QUEUE_FULL;
                detail = "the event's " + size + " bytes exceed youshu.delivery.queue-max-bytes (" + maxBytes + ")";
            }
            else if (!fits(size)) {
                if (overflow == OverflowPolicy.DROP_OLDEST && inFlight.size() + preparingCount < capacity
                        && inFlightBytes + preparingBytes + size <= maxBytes) {
                    evicted = new ArrayList<>();
                    while (!fits(size)) {
                        Unprepared newer = unprepared.peekFirst();
                        if (newer != null && ready.isEmpty() && waitingBySequence.isEmpty()) {
                            evictedDeferred = evictedDeferred.isEmpty() ? new ArrayList<>() : evictedDeferred;
                            evictedDeferred.add(removeUnprepared().event());
                        }
                        else {
                            evicted.add(removeOldestNotInFlight().event());
                        }
                    }
                }
                else {
                    refusal = LossReason.QUEUE_FULL;
                    detail = "the queue holds " + held() + " events (youshu.delivery.queue-capacity=" + capacity
                            + ") and " + heldBytes + " bytes (youshu.delivery.queue-max-bytes=" + maxBytes + ")";
                }
            }
            if (refusal == null) {
                boolean wasFull = ready.size() >= batchSize || readyBytes >= batchBytes;
                Entry entry = new Entry(nextSequence++, event, 0, clock.instant(), Instant.MIN);
                ready.put(entry.sequence(), entry);
                readyBytes += size;
                heldBytes += size;
                // Signal once, when a batch fills: the relay drains everything due before it rests.
                fullBatch = !wasFull && (ready.size() >= batchSize || readyBytes >= batchBytes);
            }
        }
        finally {
            lock.unlock();
        }
        for (DeferredEvent lost : evictedDeferred) {
            OutboundEvent prepared = prepareAccepted(lost);
            if (prepared != null) {
                evicted = evicted.isEmpty() ? new ArrayList<>() : evicted;
                evicted.add(prepared);
            }
        }
        for (OutboundEvent lost : evicted) {
            statistics.countDropped(lost.type());
            lossReporter.report(LossReason.EVICTED, lost, "making room for newer events (youshu.delivery.overflow=drop-oldest)");
        }
        if (refusal != null) {
            statistics.countDropped(event.type());
            lossReporter.report(refusal, event, detail);
            return false;
        }
        if (fullBatch) {
            signalBatchReady();
        }
        return true;
    }

    @Override
    public boolean acceptsDeferred() {
        return true;
    }

    /**
     * Queues an event to be prepared by the next {@link #claim}, counted at its estimated size.
     * Refuses (without counting or reporting anything) when closed, when the estimate does not fit,
     * or when {@value #UNPREPARED_BATCHES} batches of deferred events already wait to be prepared
     * (the relay is behind): the dispatcher then prepares the event on the caller's thread and
     * {@linkplain #append appends} it, which evicts or refuses as the overflow policy says. Such an
     * event leaves after the deferred events before it (a claim stops at the first one not yet prepared).
     */
    @Override
    public boolean appendDeferred(DeferredEvent event) {
        long size = event.estimatedBytes();
        boolean fullBatch;
        lock.lock();
        try {
            if (closed || unprepared.size() >= maxUnprepared || !fits(size)) {
                return false;
            }
            boolean wasFull = queuedForBatch();
            unprepared.addLast(new Unprepared(nextSequence++, event, clock.instant()));
            unpreparedBytes += size;
            heldBytes += size;
            fullBatch = !wasFull && queuedForBatch();
        }
        finally {
            lock.unlock();
        }
        if (fullBatch) {
            signalBatchReady();
        }
        return true;
    }

    /** Whether the events queued, prepared or not, make up a full batch. */
    private boolean queuedForBatch() {
        return ready.size() + unprepared.size() >= batchSize || readyBytes + unpreparedBytes >= batchBytes;
    }

    @Override
    public void onBatchReady(Runnable callback) {
        this.batchReady = callback;
    }

    @Override
    public List<StoredEvent> claim(int maxEvents, long maxBytes) {
        return claim(maxEvents, maxBytes, route -> true);
    }

    /**
     * Claims the oldest due events of one route that {@code sendable} accepts, skipping the events
     * of an ordering key ({@link OutboundEvent#orderingKey()}) that has an earlier event waiting for
     * a retry, in flight, or passed over in this claim (of another route, or of a route that cannot
     * be sent now): so a batch may hold several events of one key, in order, but never one that
     * overtakes an earlier event of its key. A partial batch is claimed only once its oldest event
     * has waited the flush interval (or after {@link #close()}). Deferred events are prepared first (on
     * this, the relay's, thread), and nothing after one not yet prepared is claimed.
     */
    @Override
    public List<StoredEvent> claim(int maxEvents, long maxBytes, Predicate<DeliveryRoute> sendable) {
        preparing.lock();
        try {
            prepareDeferred(maxEvents);
            return claimPrepared(maxEvents, maxBytes, sendable);
        }
        finally {
            preparing.unlock();
        }
    }

    /**
     * Validates and serializes up to {@code limit} deferred events, oldest first, outside the lock;
     * then queues the valid ones at their exact size, each under its sequence (so in order).
     */
    private void prepareDeferred(int limit) {
        List<Unprepared> taken;
        lock.lock();
        try {
            if (unprepared.isEmpty()) {
                return;
            }
            taken = new ArrayList<>(Math.min(limit, unprepared.size()));
            while (taken.size() < limit && !unprepared.isEmpty()) {
                Unprepared next = removeUnprepared();
                preparingCount++;
                preparingBytes += next.event().estimatedBytes();
                heldBytes += next.event().estimatedBytes();
                taken.add(next);
            }
        }
        finally {
            lock.unlock();
        }
        OutboundEvent[] prepared = new OutboundEvent[taken.size()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = prepareAccepted(taken.get(i).event());
        }
        lock.lock();
        try {
            for (int i = 0; i < prepared.length; i++) {
                long estimate = taken.get(i).event().estimatedBytes();
                preparingCount--;
                preparingBytes -= estimate;
                heldBytes -= estimate;
                if (prepared[i] != null) {
                    heldBytes += prepared[i].sizeInBytes();
                    toReady(new Entry(taken.get(i).sequence(), prepared[i], 0, taken.get(i).queuedAt(), Instant.MIN));
                }
            }
            signalIfEmpty();
        }
        finally {
            lock.unlock();
        }
    }

    /** Removes the oldest deferred event; its bytes are no longer held (under the lock). */
    private Unprepared removeUnprepared() {
        Unprepared oldest = unprepared.removeFirst();
        unpreparedBytes -= oldest.event().estimatedBytes();
        heldBytes -= oldest.event().estimatedBytes();
        return oldest;
    }

    /**
     * Prepares a deferred event (never under the lock): the valid event, counted accepted, or
     * {@code null} when it is invalid (counted invalid and logged by its preparation). A preparation
     * that breaks its contract by throwing loses the event: counted accepted and dropped, and reported.
     */
    private OutboundEvent prepareAccepted(DeferredEvent event) {
        OutboundEvent prepared;
        try {
            prepared = event.prepare();
        }
        catch (RuntimeException ex) {
            statistics.countAccepted(event.type());
            statistics.countDropped(event.type());
            lossReporter.report(LossReason.STORE_FAILURE, new OutboundEvent(event.type(), event.orderId(), new byte[0],
                    clock.instant()), "preparing it failed: " + ex);
            return null;
        }
        if (prepared != null) {
            statistics.countAccepted(prepared.type());
        }
        return prepared;
    }

    private List<StoredEvent> claimPrepared(int maxEvents, long maxBytes, Predicate<DeliveryRoute> sendable) {
        lock.lock();
        try {
            Instant now = clock.instant();
            promoteDueRetries(now);
            if (ready.isEmpty()) {
                return List.of();
            }
            Map<DeliveryRoute, Boolean> routes = new HashMap<>();
            Set<String> passedOver = new HashSet<>();
            DeliveryRoute route = null;
            List<Entry> taken = new ArrayList<>(Math.min(maxEvents, ready.size()));
            long bytes = 0;
            boolean full = false;
            // nothing after a deferred event not yet prepared: it may be of the same order
            long horizon = unprepared.isEmpty() ? Long.MAX_VALUE : unprepared.peekFirst().sequence();
            for (Entry entry : ready.values()) {
                if (taken.size() >= maxEvents || entry.sequence() > horizon) {
                    full = taken.size() >= maxEvents;
                    break;
                }
                OutboundEvent event = entry.event();
                String key = event.orderingKey();
                if (key != null && (blockedOrders.containsKey(key) || passedOver.contains(key))) {
                    continue;
                }
                if ((route != null && event.route() != route)
                        || !routes.computeIfAbsent(event.route(), sendable::test)) {
                    if (key != null) {
                        passedOver.add(key);
                    }
                    continue;
                }
                int size = event.sizeInBytes();
                if (!taken.isEmpty() && bytes + size > maxBytes) {
                    full = true;
                    break;
                }
                route = event.route();
                taken.add(entry);
                bytes += size;
            }
            if (taken.isEmpty()) {
                return List.of();
            }
            full |= taken.size() >= maxEvents || bytes >= maxBytes;
            boolean flushDue = !taken.get(0).queuedAt().plus(flushInterval).isAfter(now);
            if (!full && !flushDue && !closed) {
                return List.of();
            }
            List<StoredEvent> batch = new ArrayList<>(taken.size());
            for (Entry entry : taken) {
                ready.remove(entry.sequence());
                int size = entry.event().sizeInBytes();
                readyBytes -= size;
                inFlightBytes += size;
                StoredEvent stored = entry.stored();
                inFlight.put(stored.id(), entry);
                batch.add(stored);
            }
            // after the loop: a batch may hold several events of one key, in order
            taken.forEach(entry -> block(entry.event()));
            return batch;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void markDelivered(List<StoredEvent> events) {
        forget(events);
    }

    @Override
    public void markForRetry(List<StoredEvent> events, Instant notBefore, String error) {
        lock.lock();
        try {
            if (closed) {
                // stopping: what is still here is lost at the shutdown timeout, so retry within it
                Instant soon = clock.instant().plus(flushInterval);
                notBefore = notBefore.isAfter(soon) ? soon : notBefore;
            }
            for (StoredEvent stored : events) {
                Entry entry = inFlight.remove(stored.id());
                if (entry != null) {
                    inFlightBytes -= entry.event().sizeInBytes();
                    // its batch was formed already: once due, it leaves without waiting for the flush interval
                    Entry retry = new Entry(entry.sequence(), entry.event(), entry.attempts() + 1, Instant.MIN, notBefore);
                    waiting.add(retry);
                    waitingBySequence.put(retry.sequence(), retry);
                }
            }
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void markDead(List<StoredEvent> events, String error) {
        List<OutboundEvent> dead = new ArrayList<>(events.size());
        lock.lock();
        try {
            for (StoredEvent stored : events) {
                Entry entry = removeInFlight(stored);
                if (entry != null) {
                    dead.add(entry.event());
                }
            }
            signalIfEmpty();
        }
        finally {
            lock.unlock();
        }
        deadLetters.add(dead, error);
    }

    /** Puts the events back where they were in the queue, due at once, their attempts not counted. */
    @Override
    public void release(List<StoredEvent> events) {
        lock.lock();
        try {
            for (StoredEvent stored : events) {
                Entry entry = inFlight.remove(stored.id());
                if (entry != null) {
                    inFlightBytes -= entry.event().sizeInBytes();
                    unblock(entry.event());
                    toReady(new Entry(entry.sequence(), entry.event(), entry.attempts(), Instant.MIN, Instant.MIN));
                }
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** Forgets the events without making them dead letters (the relay counts and reports the loss). */
    @Override
    public void discard(List<StoredEvent> events, String error) {
        forget(events);
    }

    private void forget(List<StoredEvent> events) {
        lock.lock();
        try {
            for (StoredEvent stored : events) {
                removeInFlight(stored);
            }
            signalIfEmpty();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Removes every event still held (queued, waiting for a retry, or in flight), for the shutdown
     * to count and report them as lost.
     *
     * @return the events, oldest first
     */
    public List<OutboundEvent> takeUndelivered() {
        preparing.lock();
        try {
            List<Unprepared> deferred;
            List<OutboundEvent> left;
            lock.lock();
            try {
                deferred = List.copyOf(unprepared);
                unprepared.clear();
                unpreparedBytes = 0;
                left = takePrepared();
            }
            finally {
                lock.unlock();
            }
            if (deferred.isEmpty()) {
                return left;
            }
            // deferred events are newer than every prepared one: prepared (outside the lock), they follow
            List<OutboundEvent> all = new ArrayList<>(left);
            for (Unprepared event : deferred) {
                OutboundEvent prepared = prepareAccepted(event.event());
                if (prepared != null) {
                    all.add(prepared);
                }
            }
            return List.copyOf(all);
        }
        finally {
            preparing.unlock();
        }
    }

    private List<OutboundEvent> takePrepared() {
        lock.lock();
        try {
            TreeMap<Long, OutboundEvent> left = new TreeMap<>();
            ready.values().forEach(entry -> left.put(entry.sequence(), entry.event()));
            waiting.forEach(entry -> left.put(entry.sequence(), entry.event()));
            inFlight.values().forEach(entry -> left.put(entry.sequence(), entry.event()));
            ready.clear();
            waiting.clear();
            waitingBySequence.clear();
            inFlight.clear();
            blockedOrders.clear();
            readyBytes = 0;
            heldBytes = 0;
            inFlightBytes = 0;
            emptied.signalAll();
            return List.copyOf(left.values());
        }
        finally {
            lock.unlock();
        }
    }

    /** Queued events, including those waiting for a retry; not those in flight. */
    @Override
    public long pendingCount() {
        lock.lock();
        try {
            return ready.size() + waiting.size() + unprepared.size() + preparingCount;
        }
        finally {
            lock.unlock();
        }
    }

    /** Events claimed by a relay whose outcome is not yet known. */
    public long inFlightCount() {
        lock.lock();
        try {
            return inFlight.size();
        }
        finally {
            lock.unlock();
        }
    }

    /** Events without a final outcome yet: queued, waiting for a retry or in flight (one consistent count). */
    public long heldCount() {
        lock.lock();
        try {
            return held();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Refuses new events from now on and makes partial batches and the events waiting for a retry
     * due at once (a last attempt), so that the queue drains. Retries that fail after this wait at
     * most the flush interval (not the backoff, nor a Retry-After: what is still here when the
     * shutdown timeout ends is lost).
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            promoteDueRetries(Instant.MAX);
        }
        finally {
            lock.unlock();
        }
    }

    /** Takes new events again after {@link #close()}. */
    public void open() {
        lock.lock();
        try {
            closed = false;
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no event is queued, waiting for a retry or in flight.
     *
     * @return {@code false} if events were still held when the timeout elapsed
     */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (held() > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = emptied.awaitNanos(nanos);
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no event of a route that {@code sendable} accepts is queued, waiting for a retry
     * or in flight: at shutdown, events that cannot be sent at all (data-api items while the data
     * source id is unknown) are not waited for.
     *
     * @return {@code false} if such events were still held when the timeout elapsed
     */
    public boolean awaitSettled(Duration timeout, Predicate<DeliveryRoute> sendable) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (heldOf(sendable) > 0) {
                if (nanos <= 0) {
                    return false;
                }
                // removals signal only when the store is empty: look again at least every 50 ms
                nanos -= Math.min(nanos, SETTLED_CHECK_NANOS) - emptied.awaitNanos(Math.min(nanos, SETTLED_CHECK_NANOS));
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    private long heldOf(Predicate<DeliveryRoute> sendable) {
        Map<DeliveryRoute, Boolean> routes = new HashMap<>();
        long count = 0;
        for (Iterable<Entry> entries : List.<Iterable<Entry>>of(ready.values(), waiting, inFlight.values())) {
            for (Entry entry : entries) {
                if (routes.computeIfAbsent(entry.event().route(), sendable::test)) {
                    count++;
                }
            }
        }
        if (sendable.test(DeliveryRoute.EVENTS)) {
            // deferred events are behaviour events
            count += unprepared.size() + preparingCount;
        }
        return count;
    }

    private void signalBatchReady() {
        try {
            batchReady.run();
        }
        catch (RuntimeException ex) {
            // the relay's poll finds the batch anyway; the caller must not notice
        }
    }

    private boolean fits(long size) {
        return held() < capacity && heldBytes + size <= maxBytes;
    }

    private int held() {
        return ready.size() + waiting.size() + inFlight.size() + unprepared.size() + preparingCount;
    }

    private void promoteDueRetries(Instant now) {
        while (!waiting.isEmpty() && !waiting.first().notBefore().isAfter(now)) {
            Entry entry = waiting.pollFirst();
            waitingBySequence.remove(entry.sequence());
            unblock(entry.event());
            toReady(entry);
        }
    }

    private void toReady(Entry entry) {
        ready.put(entry.sequence(), entry);
        readyBytes += entry.event().sizeInBytes();
    }

    private Entry removeOldestNotInFlight() {
        Map.Entry<Long, Entry> oldestReady = ready.firstEntry();
        Map.Entry<Long, Entry> oldestWaiting = waitingBySequence.firstEntry();
        Entry oldest;
        if (oldestWaiting != null && (oldestReady == null || oldestWaiting.getKey() < oldestReady.getKey())) {
            oldest = oldestWaiting.getValue();
            waitingBySequence.remove(oldest.sequence());
            waiting.remove(oldest);
            unblock(oldest.event());
        }
        else if (oldestReady != null) {
            oldest = oldestReady.getValue();
            ready.remove(oldest.sequence());
            readyBytes -= oldest.event().sizeInBytes();
        }
        else {
            throw new IllegalStateException("no event to evict");
        }
        heldBytes -= oldest.event().sizeInBytes();
        return oldest;
    }

    private Entry removeInFlight(StoredEvent stored) {
        Entry entry = inFlight.remove(stored.id());
        if (entry != null) {
            heldBytes -= entry.event().sizeInBytes();
            inFlightBytes -= entry.event().sizeInBytes();
            unblock(entry.event());
        }
        return entry;
    }

    private void block(OutboundEvent event) {
        String key = event.orderingKey();
        if (key != null) {
            blockedOrders.merge(key, 1, Integer::sum);
        }
    }

    private void unblock(OutboundEvent event) {
        String key = event.orderingKey();
        if (key != null) {
            blockedOrders.computeIfPresent(key, (order, count) -> count > 1 ? count - 1 : null);
        }
    }

    private void signalIfEmpty() {
        if (held() == 0) {
            emptied.signalAll();
        }
    }

    /** A deferred event waiting to be prepared, under the sequence it took when it came. */
    private record Unprepared(long sequence, DeferredEvent event, Instant queuedAt) {
    }

    /**
     * @param queuedAt  when the event entered the store (the flush interval counts from here);
     *                  {@link Instant#MIN} once it was claimed (retried or handed back: due at once)
     * @param notBefore when its next attempt is due; {@link Instant#MIN} for a fresh event
     */
    private record Entry(long sequence, OutboundEvent event, int attempts, Instant queuedAt, Instant notBefore) {

        StoredEvent stored() {
            return new StoredEvent(Long.toString(sequence), event, attempts);
        }
    }
}
