package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs events that will never reach Youshu without writing a line per event, and keeps each one
 * findable by its order id. The first loss of each {@link LossReason} is a warning of its own;
 * later ones, and events dropped as invalid (whose first failure the reporter has already logged
 * in full), are counted and logged as one summary at most once a minute (at the next loss or
 * {@link #summariseIfDue()} after the minute, and at {@link #flush()} on shutdown) naming the order
 * ids it summarises, at most {@value #MAX_IDS_PER_REASON} per reason. Every loss is also recorded in
 * {@link RecentDrops}. Cheap enough for the caller's thread: a line is only ever written outside the lock.
 */
public final class LossReporter {

    private static final Logger log = LoggerFactory.getLogger(LossReporter.class);

    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    /** Most order ids a summary names per reason; the rest are counted ("and 12 more"). */
    static final int MAX_IDS_PER_REASON = 20;

    /** How a summary names events dropped as invalid. */
    static final String INVALID = "invalid, not reported";

    private final Clock clock;

    private final RecentDrops recentDrops;

    private final Set<LossReason> warned = EnumSet.noneOf(LossReason.class);

    private final Map<String, Unreported> unreported = new LinkedHashMap<>();

    private Instant lastSummary;

    /** A reporter with its own {@link RecentDrops} of the default capacity. */
    public LossReporter() {
        this(Clock.systemUTC());
    }

    LossReporter(Clock clock) {
        this(new RecentDrops(RecentDrops.DEFAULT_CAPACITY, clock), clock);
    }

    /**
     * @param recentDrops where every loss is recorded for the actuator endpoint and health
     */
    public LossReporter(RecentDrops recentDrops, Clock clock) {
        this.clock = clock;
        this.recentDrops = recentDrops;
        this.lastSummary = clock.instant();
    }

    /** Where every loss is recorded. */
    public RecentDrops recentDrops() {
        return recentDrops;
    }

    /**
     * Reports one lost event.
     *
     * @param detail why, in a few words (the queue's limits, Youshu's answer); never event content
     */
    public void report(LossReason reason, OutboundEvent event, String detail) {
        boolean deadLettered = reason == LossReason.REJECTED || reason == LossReason.RETRIES_EXHAUSTED;
        recentDrops.record(event.type(), event.orderId(), deadLettered ? DroppedEvent.DEAD_LETTERED : DroppedEvent.DROPPED,
                reason.description() + ": " + detail, UserIdMask.maskedUserOf(event.json()));
        String line;
        synchronized (this) {
            if (warned.add(reason)) {
                if (unreported.isEmpty()) {
                    lastSummary = clock.instant();
                }
                line = "Youshu event " + event.type() + (event.orderId() != null ? " (order " + event.orderId() + ")" : "")
                        + " " + reason.description() + ": " + detail
                        + ". Further lost events are summarised at most once a minute.";
            }
            else {
                line = unreported(reason.description(), event.orderId());
            }
        }
        if (line != null) {
            log.warn(line);
        }
    }

    /**
     * Reports an event dropped because it failed evaluation or validation: recorded, and named in
     * the next summary (its failure is logged by whoever found it).
     *
     * @param orderId    its order id, or {@code null} when it has none or it could not be evaluated
     * @param openId     the user's open id (unmasked; only its masked form is kept), or {@code null}
     * @param violations why, e.g. {@code props.page: is required}
     */
    public void invalid(String type, String orderId, String openId, String violations) {
        recentDrops.record(type, orderId, DroppedEvent.INVALID, violations, UserIdMask.mask(openId));
        String line;
        synchronized (this) {
            line = unreported(INVALID, orderId);
        }
        if (line != null) {
            log.warn(line);
        }
    }

    /** Logs the summary of the losses not yet logged, if there are any and the last summary is a minute old. */
    public void summariseIfDue() {
        summarise(false);
    }

    /** Logs the summary of the losses not yet logged, if there are any. */
    public void flush() {
        summarise(true);
    }

    private void summarise(boolean now) {
        String line;
        synchronized (this) {
            line = summaryIfDue(now);
        }
        if (line != null) {
            log.warn(line);
        }
    }

    private String unreported(String description, String orderId) {
        unreported.computeIfAbsent(description, d -> new Unreported()).add(orderId);
        return summaryIfDue(false);
    }

    private String summaryIfDue(boolean now) {
        Instant time = clock.instant();
        if (unreported.isEmpty() || (!now && time.isBefore(lastSummary.plus(SUMMARY_INTERVAL)))) {
            return null;
        }
        long total = 0;
        StringJoiner reasons = new StringJoiner("; ");
        for (Map.Entry<String, Unreported> entry : unreported.entrySet()) {
            total += entry.getValue().count;
            reasons.add(entry.getValue().count + " " + entry.getKey() + entry.getValue().orderIds());
        }
        String line = "Youshu delivery lost " + total + (total == 1 ? " more event" : " more events") + " since " + lastSummary
                + ": " + reasons;
        unreported.clear();
        lastSummary = time;
        return line;
    }

    /** Losses of one reason since the last summary, with the first order ids. */
    private static final class Unreported {

        private long count;

        private final List<String> ids = new ArrayList<>();

        private long idsLeftOut;

        void add(String orderId) {
            count++;
            if (orderId == null) {
                return;
            }
            if (ids.size() < MAX_IDS_PER_REASON) {
                ids.add(orderId);
            }
            else {
                idsLeftOut++;
            }
        }

        /** {@code " (order ids: A, B and 3 more)"}, or nothing when none had an order id. */
        String orderIds() {
            if (ids.isEmpty()) {
                return "";
            }
            return " (order ids: " + String.join(", ", ids) + (idsLeftOut > 0 ? " and " + idsLeftOut + " more" : "") + ")";
        }
    }
}
