package io.github.youshu.simulator;

import java.time.Duration;

/**
 * Faults to inject into the next report requests. A request takes at most one of "fail" (an HTTP error status,
 * tried first) and "reject" (HTTP 200 with a non-zero code), and independently at most one delay.
 */
final class FaultPlan {

    /** What to do to one request: {@code failStatus} 0 means no failure, {@code delay} zero means none. */
    record Fault(int failStatus, boolean reject, Duration delay) {
    }

    private int failCount;
    private int failStatus;
    private int rejectCount;
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

    synchronized void rejectNext(int count) {
        requireCount(count);
        rejectCount = count;
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
        return new Fault(status, reject, requestDelay);
    }

    synchronized void clear() {
        failCount = 0;
        rejectCount = 0;
        delayCount = 0;
        delay = Duration.ZERO;
    }

    /** The pending faults as {@code failNext=.. status=.. rejectNext=.. delayNext=.. delayMillis=..} values. */
    synchronized Pending pending() {
        return new Pending(failCount, failStatus, rejectCount, delayCount, delay.toMillis());
    }

    record Pending(int failNext, int status, int rejectNext, int delayNext, long delayMillis) {
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
    }
}
