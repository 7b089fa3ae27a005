package io.github.youshu.simulator;

import java.time.Duration;

/**
 * Faults to inject into the next requests of one API (the report endpoints, or the data-api). A request takes at
 * most one of "fail" (an HTTP error status, tried first) and "reject" (HTTP 200 with a non-zero code or retcode),
 * and independently at most one delay.
 */
final class FaultPlan {

    /**
     * What to do to one request: {@code failStatus} 0 means no failure, {@code rejectCode} the non-zero code to
     * answer when {@code reject}, {@code delay} zero means none.
     */
    record Fault(int failStatus, boolean reject, int rejectCode, Duration delay) {
    }

    private final int defaultRejectCode;
    private int failCount;
    private int failStatus;
    private int rejectCount;
    private int rejectCode;
    private int delayCount;
    private Duration delay = Duration.ZERO;

    synchronized void failNext(int count, int httpStatus) {
        requireCount(count);
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 400..599, was " + httpStatus);
        }
        failCount = count;
        failStatus = httpStatus;
    }

    /** @param defaultRejectCode the code {@link #rejectNext(int)} answers */
    FaultPlan(int defaultRejectCode) {
        this.defaultRejectCode = defaultRejectCode;
        this.rejectCode = defaultRejectCode;
    }

    synchronized void rejectNext(int count) {
        rejectNext(count, defaultRejectCode);
    }

    synchronized void rejectNext(int count, int code) {
        requireCount(count);
        if (code == 0) {
            throw new IllegalArgumentException("a rejection needs a non-zero code");
        }
        rejectCount = count;
        rejectCode = code;
    }

    synchronized void delayNext(int count, Duration delay) {
        requireCount(count);
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive, was " + delay);
        }
        delayCount = count;
        this.delay = delay;
    }

    /** Takes the faults for one request, counting them down. */
    synchronized Fault take() {
        int status = 0;
        boolean reject = false;
        if (failCount > 0) {
            failCount--;
            status = failStatus;
        } else if (rejectCount > 0) {
            rejectCount--;
            reject = true;
        }
        Duration requestDelay = Duration.ZERO;
        if (delayCount > 0) {
            delayCount--;
            requestDelay = delay;
        }
        return new Fault(status, reject, rejectCode, requestDelay);
    }

    synchronized void clear() {
        failCount = 0;
        rejectCount = 0;
        rejectCode = defaultRejectCode;
        delayCount = 0;
        delay = Duration.ZERO;
    }

    /** The pending faults as {@code failNext=.. status=.. rejectNext=.. delayNext=.. delayMillis=..} values. */
    synchronized Pending pending() {
        return new Pending(failCount, failStatus, rejectCount, rejectCode, delayCount, delay.toMillis());
    }

    record Pending(int failNext, int status, int rejectNext, int rejectCode, int delayNext, long delayMillis) {
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
    }
}
