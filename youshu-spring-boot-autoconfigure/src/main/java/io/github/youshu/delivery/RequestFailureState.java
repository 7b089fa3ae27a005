package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current request-level failure of delivery, if any: Youshu refuses the requests themselves
 * (bad signature or credentials, unknown app id, a timestamp outside its window, a wrong data source
 * or other configuration), not the events in them. While it lasts, events are neither split nor
 * dead-lettered: they wait and are retried with backoff. The {@code youshu} health component shows
 * it; the log says so once when it starts, then at most once a minute while it lasts (summarised,
 * never a line per batch), and once when it is over.
 *
 * <p>It also remembers the codes found to be request-level while the failure lasts (a code that
 * rejected both halves of a split batch alike), so that the next batches refused with that code are
 * not split again. Thread-safe.
 */
public final class RequestFailureState {

    /**
     * One request-level failure.
     *
     * @param cause          Youshu's answer, e.g. {@code HTTP 200, code 15: merchant verification failed}
     *                       (never the app secret)
     * @param checkProperty  what to check, e.g. {@code youshu.app-id, youshu.app-secret}
     * @param since          when the first request was refused
     * @param failedRequests how many requests were refused since then
     */
    public record RequestFailure(String cause, String checkProperty, Instant since, long failedRequests) {
    }

    private static final Logger log = LoggerFactory.getLogger(BatchRelay.class);

    static final Duration REMINDER_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;

    private final Set<Integer> requestLevelCodes = new HashSet<>();

    private RequestFailure current;

    private Instant lastLine;

    private long failuresSinceLine;

    public RequestFailureState() {
        this(Clock.systemUTC());
    }

    RequestFailureState(Clock clock) {
        this.clock = clock;
    }

    /** The request-level failure going on now, if there is one. */
    public synchronized Optional<RequestFailure> current() {
        return Optional.ofNullable(current);
    }

    /** Whether {@code code} was found to be request-level during the current failure. */
    synchronized boolean isRequestLevel(Integer code) {
        return current != null && code != null && requestLevelCodes.contains(code);
    }

    /**
     * A request was refused for a request-level cause (called by the relay).
     *
     * @param cause         Youshu's answer, never the app secret
     * @param checkProperty what to check, e.g. {@code youshu.app-secret}
     * @param code          the code that proved request-level, to be remembered while the failure
     *                      lasts; or {@code null}
     */
    public void failed(String cause, String checkProperty, Integer code) {
        String line;
        synchronized (this) {
            Instant now = clock.instant();
            if (code != null) {
                requestLevelCodes.add(code);
            }
            if (current == null) {
                current = new RequestFailure(cause, checkProperty, now, 1);
                lastLine = now;
                failuresSinceLine = 0;
                line = "Youshu refuses the requests themselves, not the events in them: " + cause + ". Check "
                        + checkProperty + ". The events are kept and retried with backoff, none is dead-lettered;"
                        + " the 'youshu' health component shows the cause. Reminders at most once a minute.";
            }
            else {
                current = new RequestFailure(cause, checkProperty, current.since(), current.failedRequests() + 1);
                failuresSinceLine++;
                line = reminderIfDue(now);
            }
        }
        if (line != null) {
            log.warn(line);
        }
    }

    /** Logs the reminder when one is due (called by the relay's poll, so that it comes even between retries). */
    void remindIfDue() {
        String line;
        synchronized (this) {
            line = current == null ? null : reminderIfDue(clock.instant());
        }
        if (line != null) {
            log.warn(line);
        }
    }

    /** A request was accepted: the failure, if any, is over (called by the relay). */
    public void succeeded() {
        RequestFailure over;
        synchronized (this) {
            if (current == null) {
                return;
            }
            over = current;
            current = null;
            requestLevelCodes.clear();
        }
        log.info("Youshu accepts the requests again after {} refused since {}", over.failedRequests(), over.since());
    }

    private String reminderIfDue(Instant now) {
        if (now.isBefore(lastLine.plus(REMINDER_INTERVAL))) {
            return null;
        }
        String line = "Youshu still refuses the requests themselves since " + current.since() + " ("
                + current.failedRequests() + " refused, " + failuresSinceLine + " since the last line): "
                + current.cause() + ". Check " + current.checkProperty() + ". The events wait.";
        lastLine = now;
        failuresSinceLine = 0;
        return line;
    }
}
