package io.github.youshu.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Knows the data source id that data-api envelopes carry (data-api.md §2, "Decision"): the
 * configured {@code youshu.orders.data-source-id}, or else the one Youshu holds for
 * {@code youshu.merchant-id}, resolved in the background — {@code data_source/get}; when the
 * merchant has none, {@code data_source/add}; when that answers {@code retcode} 16 (one exists
 * already), {@code data_source/get} again.
 * <p>
 * {@link #start()} never blocks nor fails: resolution runs on the given scheduler, and every failed
 * attempt (Youshu unreachable, a transient or a request-level answer) is retried after the next
 * interval of the {@link BackOff} (by default an {@link ExponentialBackOff} of 1 s doubling up to
 * 60 s, without end). Until the id is known, {@link #dataSourceId()} is empty and data-api items
 * wait; {@link #state()} says why (unreachable, or rejected with the cause and the property to check).
 * <p>
 * Logging: one INFO line when resolution starts and one when the id is known; a WARN line when a
 * failure's cause changes, and otherwise at most one a minute while failures go on. Thread-safe.
 */
public final class DataSourceIdResolver implements SmartLifecycle {

    /** The property that names the data source id. */
    public static final String DATA_SOURCE_ID_PROPERTY = "youshu.orders.data-source-id";

    /** The property that names the merchant id it is resolved from. */
    public static final String MERCHANT_ID_PROPERTY = "youshu.merchant-id";

    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(DataSourceIdResolver.class);

    private final String merchantId;
    private final DataApiTransport transport;
    private final TaskScheduler scheduler;
    private final BackOff backOff;
    private final Clock clock;

    private final Object lock = new Object();
    private volatile DataSourceState state;
    private boolean running;
    private BackOffExecution backOffExecution;
    private ScheduledFuture<?> next;
    private Instant lastWarning;
    private String lastWarnedCause;

    /**
     * A resolver with the default backoff and the system clock.
     *
     * @see #DataSourceIdResolver(String, String, DataApiTransport, TaskScheduler, BackOff, Clock)
     */
    public DataSourceIdResolver(String configuredId, String merchantId, DataApiTransport transport,
            TaskScheduler scheduler) {
        this(configuredId, merchantId, transport, scheduler, defaultBackOff(), Clock.systemUTC());
    }

    /**
     * @param configuredId the configured data source id ({@value #DATA_SOURCE_ID_PROPERTY}); {@code null}
     *                     or blank to resolve it from the merchant id
     * @param merchantId   the merchant id ({@value #MERCHANT_ID_PROPERTY}); {@code null} or blank when not set
     * @param transport    the data-api client
     * @param scheduler    runs the resolution attempts (never the caller's thread)
     * @param backOff      the waits between failed attempts; {@link BackOffExecution#STOP} ends resolution
     * @param clock        the source of state times and of the log interval
     * @throws IllegalArgumentException naming the property when an id has leading or trailing whitespace
     */
    public DataSourceIdResolver(String configuredId, String merchantId, DataApiTransport transport,
            TaskScheduler scheduler, BackOff backOff, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backOff = Objects.requireNonNull(backOff, "backOff");
        this.clock = Objects.requireNonNull(clock, "clock");
        String configured = checkId(configuredId, DATA_SOURCE_ID_PROPERTY);
        this.merchantId = checkId(merchantId, MERCHANT_ID_PROPERTY);
        if (configured != null) {
            this.state = known(configured, DATA_SOURCE_ID_PROPERTY);
        } else if (this.merchantId == null) {
            this.state = new DataSourceState(DataSourceState.Status.NOT_CONFIGURED, null, null,
                    "neither " + DATA_SOURCE_ID_PROPERTY + " nor " + MERCHANT_ID_PROPERTY + " is set",
                    DATA_SOURCE_ID_PROPERTY + " (from the Youshu console) or " + MERCHANT_ID_PROPERTY, 0,
                    clock.instant());
        } else {
            this.state = new DataSourceState(DataSourceState.Status.RESOLVING, null, null,
                    "resolution from " + MERCHANT_ID_PROPERTY + " has not finished", MERCHANT_ID_PROPERTY, 0,
                    clock.instant());
        }
    }

    /** 1 s, doubling up to 60 s, without end. */
    public static ExponentialBackOff defaultBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        return backOff;
    }

    /** The data source id, when known. Never blocks. */
    public Optional<String> dataSourceId() {
        DataSourceState current = state;
        return current.isKnown() ? Optional.of(current.dataSourceId()) : Optional.empty();
    }

    /** The current state: the known id, or why it is not known yet. Never blocks. */
    public DataSourceState state() {
        return state;
    }

    /**
     * Starts resolving in the background when the id is neither configured nor known yet. Returns at
     * once; calling it again while running does nothing.
     */
    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            if (!state.isKnown() && merchantId != null) {
                log.info("Resolving the Youshu data source id of merchant id {} in the background "
                        + "(data-api items wait until it is known; set {} to skip this)", merchantId,
                        DATA_SOURCE_ID_PROPERTY);
                backOffExecution = backOff.start();
                next = scheduler.schedule(this::attempt, clock.instant());
            }
        }
    }

    /**
     * Tells the resolver that Youshu answered {@code retcode} 10 (data source not found) to a request
     * carrying {@code dataSourceId}. An id resolved from the merchant id is then forgotten and
     * resolved again in the background (data-api items wait meanwhile); a configured id stays (the
     * request-level failure names {@value #DATA_SOURCE_ID_PROPERTY}), as does a different id (the
     * answer is about an id already replaced). Never blocks.
     *
     * @param dataSourceId the id the refused request carried
     */
    public void dataSourceNotFound(String dataSourceId) {
        synchronized (lock) {
            DataSourceState current = state;
            if (!current.isKnown() || DATA_SOURCE_ID_PROPERTY.equals(current.origin())
                    || !current.dataSourceId().equals(dataSourceId)) {
                return;
            }
            log.warn("Youshu answered that data source id {} does not exist (retcode 10): resolving the data source "
                    + "of merchant id {} again; data-api items wait", dataSourceId, merchantId);
            state = new DataSourceState(DataSourceState.Status.RESOLVING, null, null,
                    "data source " + dataSourceId + " not found (retcode 10); resolving again", MERCHANT_ID_PROPERTY,
                    0, clock.instant());
            if (running) {
                backOffExecution = backOff.start();
                next = scheduler.schedule(this::attempt, clock.instant());
            }
        }
    }

    /** Cancels a pending attempt; one in progress finishes but schedules nothing more. */
    @Override
    public void stop() {
        synchronized (lock) {
            running = false;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }

    /** One attempt, on the scheduler's thread. */
    private void attempt() {
        Resolution resolution;
        try {
            resolution = resolve();
        } catch (RuntimeException e) {
            // A bug must not end resolution silently: count it as a failed attempt and go on.
            log.debug("Youshu data source resolution failed unexpectedly", e);
            resolution = new Resolution(DataSourceAnswer.failed(DataApiSendResult.transientFailure(0, null,
                    "unexpected failure (" + e.getClass().getSimpleName() + ")", null)), null);
        }
        synchronized (lock) {
            if (!running) {
                return;
            }
            next = null;
            DataSourceAnswer answer = resolution.answer();
            if (answer.status() == DataSourceAnswer.Status.FOUND) {
                state = known(answer.dataSourceId(), resolution.origin());
                log.info("Youshu data source id {} resolved for merchant id {} by {}{}", answer.dataSourceId(),
                        merchantId, resolution.origin(), answer.count() > 1
                                ? " (the merchant has " + answer.count() + " data sources; the first is used; set "
                                        + DATA_SOURCE_ID_PROPERTY + " to choose)"
                                : "");
                return;
            }
            failed(answer.failure());
        }
    }

    /** One resolution: get; when none, add; on 16, get again. */
    private Resolution resolve() {
        DataSourceAnswer got = transport.getDataSources(merchantId);
        if (got.status() != DataSourceAnswer.Status.NONE) {
            return new Resolution(got, DataApiTransport.DATA_SOURCE_GET);
        }
        DataSourceAnswer added = transport.addDataSource(merchantId);
        if (added.status() != DataSourceAnswer.Status.ALREADY_EXISTS) {
            return new Resolution(added, DataApiTransport.DATA_SOURCE_ADD);
        }
        DataSourceAnswer again = transport.getDataSources(merchantId);
        if (again.status() == DataSourceAnswer.Status.NONE) {
            // Youshu contradicts itself (perhaps replication lag): try again later.
            again = DataSourceAnswer.failed(DataApiSendResult.transientFailure(200, 0,
                    "data_source/add answered 16 (exists) but data_source/get finds no data source", null));
        }
        return new Resolution(again, DataApiTransport.DATA_SOURCE_GET);
    }

    /** Records the failure, logs it when due and schedules the next attempt; holds the lock. */
    private void failed(DataApiSendResult failure) {
        boolean rejected = failure.outcome() == DataApiOutcome.REQUEST_LEVEL;
        int failedAttempts = state.failedAttempts() + 1;
        DataSourceState.Status status = rejected ? DataSourceState.Status.REJECTED : DataSourceState.Status.UNREACHABLE;
        String property = rejected ? failure.property() : DataApiResponseClassifier.HOST + " (is Youshu reachable?)";
        Instant now = clock.instant();
        Instant since = state.status() == status ? state.since() : now;
        state = new DataSourceState(status, null, null, failure.message(), property, failedAttempts, since);

        long wait = backOffExecution.nextBackOff();
        boolean givingUp = wait == BackOffExecution.STOP;
        if (!givingUp) {
            // Honour Retry-After when Youshu asks for a longer wait than the backoff.
            Duration retryAfter = failure.retryAfter();
            long waitMillis = retryAfter == null ? wait : Math.max(wait, retryAfter.toMillis());
            next = scheduler.schedule(this::attempt, now.plusMillis(waitMillis));
        }
        boolean causeChanged = !failure.message().equals(lastWarnedCause);
        if (causeChanged || givingUp || lastWarning == null || !now.isBefore(lastWarning.plus(LOG_INTERVAL))) {
            lastWarning = now;
            lastWarnedCause = failure.message();
            log.warn("Youshu data source id of merchant id {} not known yet ({} after {} attempt(s): {}); check {}. "
                    + "Data-api items wait; {}", merchantId, rejected ? "rejected" : "Youshu unreachable",
                    failedAttempts, failure.message(), property,
                    givingUp ? "resolution has given up (its backoff ended)" : "resolution keeps trying");
        }
    }

    private DataSourceState known(String id, String origin) {
        return new DataSourceState(DataSourceState.Status.KNOWN, id, origin, null, null, 0, clock.instant());
    }

    /**
     * An id as configured: {@code null} when unset or blank (so that {@code ${ENV_VAR:}} means unset).
     *
     * @param value    the configured value
     * @param property the property it comes from, for the message
     * @return the value, or {@code null} when it is unset or blank
     * @throws IllegalArgumentException naming the property when the value has leading or trailing
     *                                  whitespace (e.g. a secret mounted from a file with its newline)
     */
    public static String checkId(String value, String property) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(property + " '" + value.strip()
                    + "' has leading or trailing whitespace: remove it");
        }
        return value;
    }

    /** An answer with the call that gave it. */
    private record Resolution(DataSourceAnswer answer, String origin) {
    }

    /** Names the state; holds nothing secret. */
    @Override
    public String toString() {
        DataSourceState current = state;
        return "DataSourceIdResolver[" + current.status() + (current.isKnown() ? " " + current.dataSourceId() : "")
                + ", merchantId=" + merchantId + "]";
    }
}
