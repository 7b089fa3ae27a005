package io.github.youshu.expression;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFailureLogTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ReportFailureLog failureLog = new ReportFailureLog(nanos::get);

    @Test
    void logsTheFirstOccurrenceThenAPeriodicCount() {
        try (LogCapture log = LogCapture.failures()) {
            failureLog.failed("key", "orderId gave null", null);
            failureLog.failed("key", "orderId gave null", null);
            failureLog.failed("key", "orderId gave null", null);
            assertThat(log.messages()).containsExactly("orderId gave null");

            nanos.addAndGet(ReportFailureLog.SUMMARY_INTERVAL.toNanos());
            failureLog.failed("key", "orderId gave null", null);
            failureLog.failed("key", "orderId gave null", null);

            assertThat(log.messages()).containsExactly("orderId gave null", "orderId gave null [repeated 3 times in the last 60s]");
        }
    }

    @Test
    void logsDifferentFailuresSeparately() {
        try (LogCapture log = LogCapture.failures()) {
            failureLog.failed("a", "first", null);
            failureLog.failed("b", "second", null);

            assertThat(log.messages()).containsExactly("first", "second");
        }
    }

    @Test
    void tracksABoundedNumberOfDistinctFailures() {
        try (LogCapture log = LogCapture.failures()) {
            for (int i = 0; i < ReportFailureLog.MAX_KEYS + 10; i++) {
                failureLog.failed("key-" + i, "failure " + i, null);
            }

            assertThat(log.messages()).hasSize(ReportFailureLog.MAX_KEYS + 1);
            assertThat(log.messages().get(ReportFailureLog.MAX_KEYS)).startsWith("Youshu events keep failing for more than");
        }
    }
}
