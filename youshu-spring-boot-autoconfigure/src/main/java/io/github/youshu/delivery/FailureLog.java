package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs repeated failures of one thing (requests to Youshu, the event store) as changes of state,
 * never a line per failure: a warning at the first failure, a reminder with the count at most once
 * a minute while failures go on, and one line when it works again.
 */
final class FailureLog {

    private static final Logger log = LoggerFactory.getLogger(BatchRelay.class);

    static final Duration REMINDER_INTERVAL = Duration.ofMinutes(1);

    private final String subject;

    private final Clock clock;

    private long failures;

    private long failuresSinceReminder;

    private Instant firstFailure;

    private Instant lastLine;

    /**
     * @param subject what fails, e.g. "Requests to Youshu"
     */
    FailureLog(String subject, Clock clock) {
        this.subject = subject;
        this.clock = clock;
    }

    /**
     * One failure.
     *
     * @param description how it failed (never event content or secrets)
     * @param cause       the exception, if any; logged with the first warning only
     */
    void failed(String description, Throwable cause) {
        String line;
        Throwable logged = null;
        synchronized (this) {
            Instant now = clock.instant();
            failures++;
            failuresSinceReminder++;
            if (failures == 1) {
                firstFailure = now;
                line = subject + " failed, will retry: " + description;
                logged = cause;
            }
            else if (!now.isBefore(lastLine.plus(REMINDER_INTERVAL))) {
                line = subject + " still failing: " + failuresSinceReminder + " more failures, " + failures
                        + " since " + firstFailure + "; last: " + description;
            }
            else {
                return;
            }
            lastLine = now;
            failuresSinceReminder = 0;
        }
        log.warn(line, logged);
    }

    /** It worked. */
    void succeeded() {
        long failed;
        Instant since;
        synchronized (this) {
            if (failures == 0) {
                return;
            }
            failed = failures;
            since = firstFailure;
            failures = 0;
            failuresSinceReminder = 0;
        }
        log.info("{} back to normal after {} failures since {}", subject, failed, since);
    }
}
