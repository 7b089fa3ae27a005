package io.github.youshu.delivery;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLogTest {

    private final MutableClock clock = new MutableClock();

    private final FailureLog failures = new FailureLog("Requests to Youshu", clock);

    private final LogCapture log = LogCapture.of(BatchRelay.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void warnsAtTheFirstFailureThenRemindsAtMostOnceAMinuteAndTellsTheRecovery() {
        failures.failed("HTTP 503", null);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(500));
            failures.failed("HTTP 503", null);
        }
        clock.advance(Duration.ofSeconds(10));
        failures.failed("no response: connect timed out", null);
        failures.succeeded();
        failures.succeeded();

        assertThat(log.messages(Level.INFO)).hasSize(3);
        assertThat(log.messages(Level.INFO).get(0)).isEqualTo("Requests to Youshu failed, will retry: HTTP 503");
        assertThat(log.messages(Level.INFO).get(1))
                .startsWith("Requests to Youshu still failing: 101 more failures, 102 since ")
                .endsWith("; last: no response: connect timed out");
        assertThat(log.messages(Level.INFO).get(2)).startsWith("Requests to Youshu back to normal after 102 failures since ");
    }

    @Test
    void successWithoutFailureLogsNothing() {
        failures.succeeded();

        assertThat(log.messages(Level.DEBUG)).isEmpty();
    }
}
