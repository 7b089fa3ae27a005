package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Moves events from any {@link EventStore} to Youshu: claims due batches, sends each as one JSON
 * array, and records the outcome. An accepted batch is marked delivered and never sent again; a
 * transiently failed one is scheduled for a retry with exponential backoff within the retry
 * budget; a rejected batch of several events is split in halves and re-sent until the rejected
 * events are isolated, so one bad event cannot take its neighbours down. Rejected and out-of-budget
 * events are dead-lettered.
 *
 * <p>Runs on its own {@link ThreadPoolTaskScheduler} (created by {@link #start()}, shut down by
 * {@link #stop()}): up to {@code concurrency} senders, each draining due batches until none is left,
 * plus a poll every {@code pollInterval} that wakes a sender for partial batches and retries that
 * became due (and lets the {@link LossReporter} log its summary when one is due). A store that
 * signals {@linkplain EventStore#onBatchReady a full batch} gets it sent at once.
 */
public final class BatchRelay {

    private final EventStore store;

    private final YoushuTransport transport;

    private final int maxBatchSize;

    private final long maxClaimBytes;

    private final int concurrency;

    private final Duration pollInterval;

    private final RetryPolicy retryPolicy;

    private final DeliveryStatistics statistics;

    private final LossReporter lossReporter;

    private final DeliveryListeners listeners;

    private final FailureLog requestFailures = new FailureLog("Requests to Youshu", Clock.systemUTC());

    private final FailureLog storeFailures = new FailureLog("The Youshu event store", Clock.systemUTC());

    private final AtomicInteger activeSenders = new AtomicInteger();

    private final AtomicBoolean wakeUp = new AtomicBoolean();

    private volatile ThreadPoolTaskScheduler scheduler;

    /**
     * @param pollInterval how often to look for due events that no signal announced (partial
     *                     batches, retries); {@link DeliverySettings#pollInterval()} for the memory store
     * @param listeners    notified of every outcome
     */
    public BatchRelay(EventStore store, YoushuTransport transport, DeliverySettings settings, Duration pollInterval,
            DeliveryStatistics statistics, LossReporter lossReporter, List<YoushuDeliveryListener> listeners) {
        this.store = store;
        this.transport = transport;
        this.maxBatchSize = settings.maxBatchSize();
        this.maxClaimBytes = settings.maxBatchEventBytes();
        this.concurrency = settings.concurrency();
        this.pollInterval = pollInterval;
        this.retryPolicy = new RetryPolicy(settings);
        this.statistics = statistics;
        this.lossReporter = lossReporter;
        this.listeners = new DeliveryListeners(listeners);
    }

    /** Starts the senders' thread pool and the poll. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
        pool.setPoolSize(concurrency + 1);
        pool.setThreadNamePrefix("youshu-delivery-");
        pool.setDaemon(true);
        pool.initialize();
        scheduler = pool;
        store.onBatchReady(this::trigger);
        pool.scheduleWithFixedDelay(this::poll, pollInterval);
    }

    /**
     * Stops polling and shuts the thread pool down without waiting: a request still in flight is
     * interrupted, and its events stay in the store as its outcome decides.
     */
    public synchronized void stop() {
        ThreadPoolTaskScheduler pool = scheduler;
        if (pool == null) {
            return;
        }
        scheduler = null;
        store.onBatchReady(() -> { });
        pool.shutdown();
    }

    private void poll() {
        trigger();
        lossReporter.summariseIfDue();
    }

    /** Looks for due events now rather than at the next poll. Never blocks. */
    public void trigger() {
        wakeUp.set(true);
        startSender();
    }

    private void startSender() {
        ThreadPoolTaskScheduler pool = scheduler;
        if (pool == null) {
            return;
        }
        int active;
        do {
            active = activeSenders.get();
            if (active >= concurrency) {
                return;
            }
        }
        while (!activeSenders.compareAndSet(active, active + 1));
        try {
            pool.execute(this::drain);
        }
        catch (TaskRejectedException ex) {
            activeSenders.decrementAndGet();
        }
    }

    private void drain() {
        try {
            while (scheduler != null) {
                wakeUp.set(false);
                List<StoredEvent> batch = store.claim(maxBatchSize, maxClaimBytes);
                storeFailures.succeeded();
                if (batch.isEmpty()) {
                    break;
                }
                startSender();
                deliver(batch);
            }
        }
        catch (RuntimeException ex) {
            storeFailures.failed(ex.toString(), ex);
        }
        finally {
            activeSenders.decrementAndGet();
            if (wakeUp.get()) {
                startSender();
            }
        }
    }

    private void deliver(List<StoredEvent> batch) {
        List<OutboundEvent> events = new ArrayList<>(batch.size());
        for (StoredEvent stored : batch) {
            events.add(stored.event());
        }
        events = List.copyOf(events);
        SendResult result = send(events);
        switch (result.outcome()) {
            case ACCEPTED -> {
                requestFailures.succeeded();
                store.markDelivered(batch);
                events.forEach(event -> statistics.countSent(event.type()));
                listeners.sent(events);
            }
            case REJECTED -> {
                requestFailures.succeeded();
                if (batch.size() > 1) {
                    int half = batch.size() / 2;
                    deliver(batch.subList(0, half));
                    deliver(batch.subList(half, batch.size()));
                }
                else {
                    String answer = describe(result);
                    deadLetter(batch, events, LossReason.REJECTED, "rejected by Youshu: " + answer, answer);
                }
            }
            case TRANSIENT -> retryLater(batch, events, result);
        }
    }

    private SendResult send(List<OutboundEvent> events) {
        try {
            SendResult result = transport.send(jsonArray(events), events.size());
            return result != null ? result : SendResult.transientFailure(0, "the transport returned no result", null);
        }
        catch (RuntimeException ex) {
            return SendResult.transientFailure(0, "the transport failed: " + ex, null);
        }
    }

    private void retryLater(List<StoredEvent> batch, List<OutboundEvent> events, SendResult result) {
        String error = describe(result);
        requestFailures.failed(error + " (" + events.size() + " events)", null);
        int failedAttempts = 1;
        for (StoredEvent stored : batch) {
            failedAttempts = Math.max(failedAttempts, stored.attempts() + 1);
        }
        Instant next = retryPolicy.nextAttempt(failedAttempts, result.retryAfter());
        List<StoredEvent> retry = new ArrayList<>(batch.size());
        List<StoredEvent> exhausted = new ArrayList<>();
        List<OutboundEvent> exhaustedEvents = new ArrayList<>();
        for (StoredEvent stored : batch) {
            if (retryPolicy.withinBudget(stored.event().createdAt(), next)) {
                retry.add(stored);
            }
            else {
                exhausted.add(stored);
                exhaustedEvents.add(stored.event());
            }
        }
        if (!retry.isEmpty()) {
            store.markForRetry(retry, next, error);
        }
        listeners.failed(events, result);
        if (!exhausted.isEmpty()) {
            String attempts = "after " + failedAttempts + " attempts, last: " + error;
            deadLetter(exhausted, List.copyOf(exhaustedEvents), LossReason.RETRIES_EXHAUSTED, "out of retries " + attempts,
                    attempts);
        }
    }

    /**
     * @param deadLetterReason why, for the dead letter and the listeners
     * @param detail           why, after the loss reason's own words, for the log
     */
    private void deadLetter(List<StoredEvent> batch, List<OutboundEvent> events, LossReason reason,
            String deadLetterReason, String detail) {
        store.markDead(batch, deadLetterReason);
        for (OutboundEvent event : events) {
            statistics.countDeadLettered(event.type());
            lossReporter.report(reason, event, detail);
        }
        listeners.deadLettered(events, deadLetterReason);
    }

    /** The events' JSON objects as one array: {@code [a,b,c]}. */
    static byte[] jsonArray(List<OutboundEvent> events) {
        int size = events.size() + 1;
        for (OutboundEvent event : events) {
            size += event.sizeInBytes();
        }
        byte[] body = new byte[size];
        int position = 0;
        body[position++] = '[';
        for (int i = 0; i < events.size(); i++) {
            OutboundEvent event = events.get(i);
            if (i > 0) {
                body[position++] = ',';
            }
            System.arraycopy(event.json(), 0, body, position, event.sizeInBytes());
            position += event.sizeInBytes();
        }
        body[position] = ']';
        return body;
    }

    private static String describe(SendResult result) {
        return SendResultDescription.of(result);
    }
}
