package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.youshu.transport.SendOutcome;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Moves records from any {@link EventStore} to Youshu: claims due batches of one
 * {@link DeliveryRoute} (behaviour events, or the items of one data-api endpoint), sends each
 * through the {@link DeliveryTransport} (behaviour events as one JSON array; data-api items in the
 * envelope, at most {@code youshu.orders.max-items-per-request} per request), and acts on the
 * answer's failure class ({@link SendOutcome}) only. A route the transport cannot send now (data-api
 * items while the data source id is unknown) is not claimed: its records wait, other routes flow.
 * <ul>
 * <li><b>accepted</b>: the events are marked delivered and never sent again;</li>
 * <li><b>rejected</b> (an event's fault): a batch of several events is split in halves and re-sent
 * until the rejected events are isolated and dead-lettered, so one bad event cannot take its
 * neighbours down. While every part is rejected exactly like the whole batch, the split follows the
 * first halves down to one event and tries its sibling at once: a code that rejects both halves
 * alike is the request's fault after all, and so is one that rejects two events sent alone in a
 * row alike, with no request accepted in between;</li>
 * <li><b>request-rejected</b> (the request's fault: credentials, signature, clock, configuration):
 * never split, never dead-lettered; the events wait and are retried with backoff (a durable store:
 * until it works; the memory store: within the retry budget, then the loss is counted as
 * {@link LossReason#REQUEST_REJECTED}). {@link #requestFailureState()} names the cause;</li>
 * <li><b>transient</b>: retried with exponential backoff and at least the server's Retry-After,
 * within the retry budget ({@link RetryPolicy}: never given up before the budget is spent). A batch
 * that fails again without a usable answer (no response, a 5xx) although Youshu accepted other
 * requests since its last failure is suspected to hold a poison event and is split like a rejected
 * batch, so that only the poison waits.</li>
 * </ul>
 *
 * <p>A data-api rejection ({@code retcode} 13) is always the items' fault (data-api.md §1): the
 * guesses below that a rejection is the request's fault apply to behaviour events only.
 *
 * <p><b>Order per order id</b>, per ordering key ({@link OutboundEvent#orderingKey()}: behaviour
 * events and data-api items of an order apart, every data-api endpoint together): a later event of an order is never
 * sent while an earlier one of the same order waits for a retry or is in flight. Within a claimed
 * batch, events that failed before are sent apart from fresh ones (no new event joins a batch under
 * suspicion), the retried ones first; the halves of a split go in order; and an event whose order
 * has an earlier event going to retry is handed back unsent ({@link EventStore#release}), for the
 * store's claim to hold it back until the earlier one is settled.
 *
 * <p>Runs on its own {@link ThreadPoolTaskScheduler} (created by {@link #start()}): up to
 * {@code concurrency} senders, each draining due batches until none is left, plus a poll every
 * {@code pollInterval} that wakes a sender for partial batches and retries that became due (and
 * lets the {@link LossReporter} log its summary when one is due). A store that signals
 * {@linkplain EventStore#onBatchReady a full batch} gets it sent at once. {@link #stop()} is
 * graceful: no new batch is claimed, requests in flight are awaited for up to
 * {@link DeliverySettings#shutdownTimeout()} and their outcome recorded, and events claimed but not
 * yet sent are handed back at once.
 */
public final class BatchRelay {

    /** How long stopping waits, after the shutdown timeout, for interrupted requests to record their outcome. */
    static final long INTERRUPT_GRACE_SECONDS = 1;

    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(INTERRUPT_GRACE_SECONDS);

    /** Most events whose last failure the relay remembers for the poison check; forgotten all at once beyond. */
    static final int MAX_REMEMBERED_FAILURES = 10_000;

    /** What to check when a code that is not known to be request-level refused both halves of a batch alike. */
    static final String SUSPECTED_PROPERTIES = "youshu.app-id, youshu.app-secret, youshu.base-url and the server's clock"
            + " (Youshu refused every part of the batch alike)";

    private final EventStore store;

    private final DeliveryTransport transport;

    private final int maxBatchSize;

    private final long maxClaimBytes;

    private final int concurrency;

    private final Duration pollInterval;

    private final Duration shutdownTimeout;

    private final RetryPolicy retryPolicy;

    private final DeliveryStatistics statistics;

    private final LossReporter lossReporter;

    private final DeliveryListeners listeners;

    private final RequestFailureState requestFailureState;

    /** The request-level failure of data-api requests, apart from that of behaviour events (their causes differ). */
    private final RequestFailureState dataApiFailureState = new RequestFailureState();

    private final FailureLog requestFailures = new FailureLog("Requests to Youshu", Clock.systemUTC());

    private final FailureLog storeFailures = new FailureLog("The Youshu event store", Clock.systemUTC());

    private final AtomicInteger activeSenders = new AtomicInteger();

    private final AtomicBoolean wakeUp = new AtomicBoolean();

    /** Requests Youshu accepted so far: the poison check compares it with the count at an event's last failure. */
    private final AtomicLong acceptedRequests = new AtomicLong();

    /** Event id to {@link #acceptedRequests} when its last request failed transiently. */
    private final Map<String, Long> lastFailures = new ConcurrentHashMap<>();

    /** The last rejection of an event claimed alone, for {@link #rejectsLoneEventsAlike}. */
    private volatile LoneRejection lastLoneRejection;

    /** Events claimed by this relay whose outcome is not recorded yet. */
    private final AtomicInteger claimed = new AtomicInteger();

    private volatile boolean stopping;

    private volatile ThreadPoolTaskScheduler scheduler;

    /**
     * @param pollInterval how often to look for due events that no signal announced (partial
     *                     batches, retries); {@link DeliverySettings#pollInterval()} for the memory store
     * @param listeners    notified of every outcome
     */
    public BatchRelay(EventStore store, YoushuTransport transport, DeliverySettings settings, Duration pollInterval,
            DeliveryStatistics statistics, LossReporter lossReporter, List<YoushuDeliveryListener> listeners) {
        this(store, transport, settings, pollInterval, statistics, lossReporter, listeners, new RequestFailureState());
    }

    /**
     * @param requestFailureState where the relay keeps the current request-level failure (shown by
     *                            the health indicator)
     */
    public BatchRelay(EventStore store, YoushuTransport transport, DeliverySettings settings, Duration pollInterval,
            DeliveryStatistics statistics, LossReporter lossReporter, List<YoushuDeliveryListener> listeners,
            RequestFailureState requestFailureState) {
        this(store, RoutedTransport.eventsOnly(transport), settings, pollInterval, statistics, lossReporter, listeners,
                requestFailureState);
    }

    /**
     * A relay for every route: behaviour events and data-api items, each batch sent through the
     * {@link DeliveryTransport} for its route.
     *
     * @param transport           sends a batch of one route and tells which routes can be sent now
     * @param requestFailureState where the relay keeps the current request-level failure
     */
    public BatchRelay(EventStore store, DeliveryTransport transport, DeliverySettings settings, Duration pollInterval,
            DeliveryStatistics statistics, LossReporter lossReporter, List<YoushuDeliveryListener> listeners,
            RequestFailureState requestFailureState) {
        this.store = store;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.maxBatchSize = settings.maxBatchSize();
        this.maxClaimBytes = settings.maxBatchEventBytes();
        this.concurrency = settings.concurrency();
        this.pollInterval = pollInterval;
        this.shutdownTimeout = settings.shutdownTimeout();
        this.retryPolicy = new RetryPolicy(settings);
        this.statistics = statistics;
        this.lossReporter = lossReporter;
        this.listeners = new DeliveryListeners(listeners);
        this.requestFailureState = Objects.requireNonNull(requestFailureState, "requestFailureState");
    }

    /** The current request-level failure, if any: cause, property to check, since when. */
    public RequestFailureState requestFailureState() {
        return requestFailureState;
    }

    /**
     * The current request-level failure of data-api requests (backend order data), if any: kept
     * apart from {@link #requestFailureState()}, so that behaviour events accepted meanwhile do not
     * hide it, nor it them.
     */
    public RequestFailureState dataApiRequestFailureState() {
        return dataApiFailureState;
    }

    private RequestFailureState failureStateOf(List<StoredEvent> part) {
        return part.get(0).event().route().isDataApi() ? dataApiFailureState : requestFailureState;
    }

    /** Whether records of the route can be sent now (data-api items: once the data source id is known). */
    public boolean canSend(DeliveryRoute route) {
        return transport.canSend(route);
    }

    /** Events this relay claimed whose outcome is not recorded yet (in flight, or between claim and send). */
    public int claimedCount() {
        return claimed.get();
    }

    /** Starts the senders' thread pool and the poll. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        stopping = false;
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
     * Stops gracefully within {@link DeliverySettings#shutdownTimeout()}: see {@link #stop(Duration)}.
     *
     * @return how many events were in requests still unanswered when the timeout ran out
     */
    public int stop() {
        return stop(shutdownTimeout);
    }

    /**
     * Stops gracefully: claims no new batch; waits up to {@code timeout} for the requests in flight
     * and records their outcome (so call it while the store still works: a lifecycle stop runs
     * before the DataSource is closed); hands events claimed but not yet sent (the rest of a split,
     * a claim that raced the stop) back to the store at once. Requests still unanswered after
     * {@code timeout} are interrupted (their outcome is unknown: Youshu may have stored them) and
     * given at most {@value #INTERRUPT_GRACE_SECONDS} s more to record that.
     *
     * @return how many events were in requests still unanswered when the timeout ran out
     */
    public int stop(Duration timeout) {
        ThreadPoolTaskScheduler pool;
        synchronized (this) {
            pool = scheduler;
            if (pool == null) {
                return 0;
            }
            stopping = true;
            scheduler = null;
        }
        store.onBatchReady(() -> { });
        ScheduledThreadPoolExecutor executor = pool.getScheduledThreadPoolExecutor();
        executor.shutdown();
        int unanswered = 0;
        try {
            if (!executor.awaitTermination(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                unanswered = claimed.get();
                executor.shutdownNow();
                executor.awaitTermination(INTERRUPT_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        catch (InterruptedException ex) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        pool.shutdown();
        return unanswered;
    }

    private void poll() {
        trigger();
        lossReporter.summariseIfDue();
        requestFailureState.remindIfDue();
        dataApiFailureState.remindIfDue();
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
            while (!stopping) {
                wakeUp.set(false);
                List<StoredEvent> batch = store.claim(maxBatchSize, maxClaimBytes, transport::canSend);
                storeFailures.succeeded();
                if (batch.isEmpty()) {
                    break;
                }
                claimed.addAndGet(batch.size());
                if (stopping) {
                    release(batch);
                    break;
                }
                startSender();
                deliverClaimed(batch);
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

    /** Sends the events that failed before apart from the fresh ones, those first: none joins a batch under suspicion. */
    private void deliverClaimed(List<StoredEvent> batch) {
        List<StoredEvent> retried = new ArrayList<>();
        List<StoredEvent> fresh = new ArrayList<>();
        for (StoredEvent stored : batch) {
            (stored.attempts() > 0 ? retried : fresh).add(stored);
        }
        Set<String> heldBack = new HashSet<>();
        deliver(retried, heldBack, true);
        deliver(fresh, heldBack, true);
    }

    /** Sends a piece of a split batch: see {@link #deliver(List, Set, boolean)}. */
    private void deliver(List<StoredEvent> part, Set<String> heldBack) {
        deliver(part, heldBack, false);
    }

    /**
     * Sends one part of a claimed batch and acts on the answer.
     *
     * @param heldBack    the ordering keys of this claim that have an event going to retry: their
     *                    later events are handed back unsent
     * @param claimedPart whether the part is what the claim gave (not a piece of a split)
     */
    private void deliver(List<StoredEvent> part, Set<String> heldBack, boolean claimedPart) {
        if (part.isEmpty()) {
            return;
        }
        if (stopping) {
            release(part);
            return;
        }
        DeliveryRoute route = part.get(0).event().route();
        List<StoredEvent> free = new ArrayList<>(part.size());
        List<StoredEvent> held = new ArrayList<>();
        List<StoredEvent> otherRoutes = new ArrayList<>();
        for (StoredEvent stored : part) {
            String key = stored.event().orderingKey();
            if (stored.event().route() != route) {
                otherRoutes.add(stored);
            }
            else {
                (key != null && heldBack.contains(key) ? held : free).add(stored);
            }
        }
        release(held);
        int maxPerRequest = Math.max(1, transport.maxRecordsPerRequest(route));
        if (free.size() > maxPerRequest) {
            // more than the route takes in one request (data-api: youshu.orders.max-items-per-request): in order
            for (int from = 0; from < free.size(); from += maxPerRequest) {
                deliver(free.subList(from, Math.min(free.size(), from + maxPerRequest)), heldBack, claimedPart);
            }
        }
        else if (!free.isEmpty()) {
            handle(free, send(free), heldBack, claimedPart);
        }
        // a store that knows no routes may mix them: a request never does
        deliver(otherRoutes, heldBack, claimedPart);
    }

    /**
     * @param firstAnswer whether this is the first answer for a claimed part (not one inside a
     *                    split): only then may a rejection turn out to be the request's fault
     */
    private void handle(List<StoredEvent> part, SendResult result, Set<String> heldBack, boolean firstAnswer) {
        switch (result.outcome()) {
            case ACCEPTED -> delivered(part);
            case REQUEST_REJECTED -> requestLevel(part, result, result.checkProperty(), null, heldBack);
            case REJECTED -> {
                // A data-api rejection (retcode 13) is the items' fault by definition (data-api.md §1):
                // no guessing that it is the request's.
                boolean itemFault = part.get(0).event().route().isDataApi();
                firstAnswer &= !itemFault;
                if (!itemFault && requestFailureState.isRequestLevel(result.code())) {
                    requestLevel(part, result, SUSPECTED_PROPERTIES, result.code(), heldBack);
                }
                else if (part.size() > 1) {
                    requestFailures.succeeded();
                    splitRejected(part, result, heldBack, firstAnswer);
                }
                else if (firstAnswer && rejectsLoneEventsAlike(part.get(0), result)) {
                    requestLevel(part, result, SUSPECTED_PROPERTIES, result.code(), heldBack);
                }
                else {
                    requestFailures.succeeded();
                    String answer = describe(result);
                    deadLetter(part, LossReason.REJECTED, "rejected by Youshu: " + answer, answer);
                }
            }
            case TRANSIENT -> {
                if (suspectedPoison(part, result)) {
                    splitSuspected(part, result, heldBack);
                }
                else {
                    retryLater(part, result, false, heldBack);
                }
            }
        }
    }

    /**
     * Splits a rejected batch in halves, first half first, to isolate the rejected events. While
     * every answer is the same rejection as the whole batch's ({@code unanimous}), the split follows
     * the first halves down to a single event and then tries its sibling: rejected alike too, the
     * rejection is the request's fault, not the events' (a code that rejects both halves of a split
     * batch identically), and the whole batch waits for a retry instead of being dead-lettered.
     *
     * @return {@code true} when the request was found at fault: the caller retries its own untried
     *         half alike
     */
    private boolean splitRejected(List<StoredEvent> part, SendResult answer, Set<String> heldBack, boolean unanimous) {
        if (stopping) {
            release(part);
            return false;
        }
        int half = part.size() / 2;
        List<StoredEvent> first = part.subList(0, half);
        List<StoredEvent> second = part.subList(half, part.size());
        SendResult firstAnswer = send(first);
        boolean same = unanimous && sameRejection(firstAnswer, answer);
        if (same && first.size() > 1) {
            if (splitRejected(first, firstAnswer, heldBack, true)) {
                retryUnsent(second, firstAnswer, heldBack);
                return true;
            }
            deliver(second, heldBack);
            return false;
        }
        if (same && !stopping) {
            Set<String> firstOrders = orderingKeys(first);
            List<StoredEvent> probe = new ArrayList<>();
            List<StoredEvent> later = new ArrayList<>();
            for (StoredEvent stored : second) {
                (firstOrders.contains(stored.event().orderingKey()) ? later : probe).add(stored);
            }
            if (!probe.isEmpty()) {
                SendResult probeAnswer = send(probe);
                if (sameRejection(probeAnswer, firstAnswer)) {
                    requestLevel(part, probeAnswer, SUSPECTED_PROPERTIES, probeAnswer.code(), heldBack);
                    return true;
                }
                handle(first, firstAnswer, heldBack, false);
                handle(probe, probeAnswer, heldBack, false);
                deliver(later, heldBack);
                return false;
            }
        }
        handle(first, firstAnswer, heldBack, false);
        deliver(second, heldBack);
        return false;
    }

    /** Splits a batch suspected of holding a poison event, so that only the poison waits. */
    private void splitSuspected(List<StoredEvent> part, SendResult result, Set<String> heldBack) {
        String error = describe(result);
        requestFailures.failed(error + " (" + part.size() + " events, split: Youshu answers other requests)", null);
        listeners.failed(events(part), result);
        rememberFailures(part);
        int half = part.size() / 2;
        deliver(part.subList(0, half), heldBack);
        deliver(part.subList(half, part.size()), heldBack);
    }

    /**
     * Whether a transient failure looks like a poison batch rather than an outage: no usable answer
     * (no response, a 5xx without Retry-After, a 2xx without a code), for events that all failed
     * before, while Youshu accepted other requests since their last failure.
     */
    private boolean suspectedPoison(List<StoredEvent> part, SendResult result) {
        if (part.size() < 2 || !withoutUsableAnswer(result)) {
            return false;
        }
        long accepted = acceptedRequests.get();
        for (StoredEvent stored : part) {
            Long lastFailure = lastFailures.get(stored.id());
            if (lastFailure == null || lastFailure >= accepted) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a lone claimed event was rejected exactly like the previous lone claimed event, a
     * different one, with no request accepted in between: a code that rejects different events
     * alike is the request's fault (as when it rejects both halves of a batch alike). Otherwise
     * remembers this rejection for the next lone event.
     */
    private boolean rejectsLoneEventsAlike(StoredEvent event, SendResult result) {
        LoneRejection previous = lastLoneRejection;
        long accepted = acceptedRequests.get();
        if (previous != null && !previous.eventId().equals(event.id())
                && !Arrays.equals(previous.json(), event.event().json()) && previous.acceptedRequests() == accepted
                && sameRejection(previous.answer(), result)) {
            return true;
        }
        lastLoneRejection = new LoneRejection(event.id(), event.event().json(), result, accepted);
        return false;
    }

    /**
     * A lone event's rejection, and how many requests had been accepted then. The event is known by
     * its store id and its content: a dead letter sent again is the same event, not another one.
     */
    private record LoneRejection(String eventId, byte[] json, SendResult answer, long acceptedRequests) {
    }

    private static boolean withoutUsableAnswer(SendResult result) {
        int status = result.httpStatus();
        return result.retryAfter() == null && (status == 0 || status >= 500 || (status >= 200 && status < 300));
    }

    private static boolean sameRejection(SendResult a, SendResult b) {
        return a.outcome() == SendOutcome.REJECTED && b.outcome() == SendOutcome.REJECTED
                && a.httpStatus() == b.httpStatus() && Objects.equals(a.code(), b.code())
                && Objects.equals(a.message(), b.message());
    }

    private void requestLevel(List<StoredEvent> part, SendResult result, String checkProperty, Integer learnedCode,
            Set<String> heldBack) {
        failureStateOf(part).failed(describe(result), checkProperty != null ? checkProperty : SUSPECTED_PROPERTIES,
                learnedCode);
        retryLater(part, result, true, heldBack);
    }

    private SendResult send(List<StoredEvent> part) {
        List<OutboundEvent> events = events(part);
        try {
            SendResult result = transport.send(events.get(0).route(), events);
            return result != null ? result : SendResult.transientFailure(0, "the transport returned no result", null);
        }
        catch (RuntimeException ex) {
            return SendResult.transientFailure(0, "the transport failed: " + ex, null);
        }
    }

    private void delivered(List<StoredEvent> part) {
        acceptedRequests.incrementAndGet();
        requestFailures.succeeded();
        failureStateOf(part).succeeded();
        finished(part);
        store.markDelivered(part);
        List<OutboundEvent> events = events(part);
        events.forEach(event -> statistics.countSent(event.type()));
        listeners.sent(events);
    }

    /**
     * Schedules the next attempt: the backoff and the server's Retry-After, limited to each event's
     * retry budget (a last attempt when the budget ends); events whose budget is spent are given
     * up: dead-lettered, or, after a request-level failure, counted as lost without being
     * dead-lettered (a durable store keeps those until it works). Later events of the same orders
     * in this claim are held back.
     */
    private void retryLater(List<StoredEvent> part, SendResult result, boolean requestLevel, Set<String> heldBack) {
        retryLater(part, result, requestLevel, heldBack, true);
    }

    /** The untried half of a batch whose other half proved the request at fault: retried alike, no listener told of a request. */
    private void retryUnsent(List<StoredEvent> part, SendResult result, Set<String> heldBack) {
        retryLater(part, result, true, heldBack, false);
    }

    /**
     * See {@link #retryLater(List, SendResult, boolean, Set)}.
     *
     * @param sent whether the events were in the request that failed (then the listeners hear of it)
     */
    private void retryLater(List<StoredEvent> part, SendResult result, boolean requestLevel, Set<String> heldBack,
            boolean sent) {
        String error = describe(result);
        if (!requestLevel) {
            requestFailures.failed(error + " (" + part.size() + " events)", null);
        }
        int failedAttempts = 1;
        for (StoredEvent stored : part) {
            failedAttempts = Math.max(failedAttempts, stored.attempts() + 1);
        }
        Instant next = retryPolicy.nextAttempt(failedAttempts, result.retryAfter());
        boolean withBudget = !(requestLevel && store.durable());
        Map<Instant, List<StoredEvent>> retries = new TreeMap<>();
        List<StoredEvent> exhausted = new ArrayList<>();
        for (StoredEvent stored : part) {
            Instant at = withBudget ? retryPolicy.limitToBudget(next, stored.event().createdAt()) : next;
            if (at == null) {
                exhausted.add(stored);
            }
            else {
                retries.computeIfAbsent(at, key -> new ArrayList<>()).add(stored);
                String key = stored.event().orderingKey();
                if (key != null) {
                    heldBack.add(key);
                }
            }
        }
        rememberFailures(retries.values().stream().flatMap(List::stream).toList());
        retries.forEach((at, events) -> {
            settled(events);
            store.markForRetry(events, at, error);
        });
        if (sent) {
            listeners.failed(events(part), result);
        }
        if (exhausted.isEmpty()) {
            return;
        }
        String attempts = "after " + failedAttempts + " attempts, last: " + error;
        if (requestLevel) {
            finished(exhausted);
            store.discard(exhausted, "lost: Youshu refused the requests until the retry budget ran out " + attempts);
            for (StoredEvent stored : exhausted) {
                statistics.countDropped(stored.event().type());
                lossReporter.report(LossReason.REQUEST_REJECTED, stored.event(), attempts);
            }
        }
        else {
            deadLetter(exhausted, LossReason.RETRIES_EXHAUSTED, "out of retries " + attempts, attempts);
        }
    }

    /**
     * @param deadLetterReason why, for the dead letter and the listeners
     * @param detail           why, after the loss reason's own words, for the log
     */
    private void deadLetter(List<StoredEvent> part, LossReason reason, String deadLetterReason, String detail) {
        finished(part);
        store.markDead(part, deadLetterReason);
        List<OutboundEvent> events = events(part);
        for (OutboundEvent event : events) {
            statistics.countDeadLettered(event.type());
            lossReporter.report(reason, event, detail);
        }
        listeners.deadLettered(events, deadLetterReason);
    }

    private void release(List<StoredEvent> part) {
        if (!part.isEmpty()) {
            claimed.addAndGet(-part.size());
            store.release(part);
        }
    }

    /** The outcome of these claimed events is recorded now: they no longer count as claimed. */
    private void settled(List<StoredEvent> part) {
        claimed.addAndGet(-part.size());
    }

    /** These events are delivered or given up: their failures need no remembering. */
    private void finished(List<StoredEvent> part) {
        settled(part);
        part.forEach(stored -> lastFailures.remove(stored.id()));
    }

    private void rememberFailures(List<StoredEvent> part) {
        if (lastFailures.size() + part.size() > MAX_REMEMBERED_FAILURES) {
            lastFailures.clear();
        }
        Long accepted = acceptedRequests.get();
        part.forEach(stored -> lastFailures.put(stored.id(), accepted));
    }

    private static List<OutboundEvent> events(List<StoredEvent> part) {
        List<OutboundEvent> events = new ArrayList<>(part.size());
        for (StoredEvent stored : part) {
            events.add(stored.event());
        }
        return List.copyOf(events);
    }

    private static Set<String> orderingKeys(List<StoredEvent> part) {
        Set<String> keys = new HashSet<>();
        for (StoredEvent stored : part) {
            if (stored.event().orderingKey() != null) {
                keys.add(stored.event().orderingKey());
            }
        }
        return keys;
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

    /** The answer in a few words, e.g. {@code HTTP 200, code 15: merchant verification failed}, saying nothing twice. */
    private static String describe(SendResult result) {
        return SendResultDescription.of(result);
    }
}
