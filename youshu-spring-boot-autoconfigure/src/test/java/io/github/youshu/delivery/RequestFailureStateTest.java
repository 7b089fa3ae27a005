package io.github.youshu.delivery;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFailureStateTest {

    private static final String CAUSE = "HTTP 200, code 15: merchant verification failed";

    private static final String CHECK = "youshu.app-id, youshu.app-secret";

    private final MutableClock clock = new MutableClock();

    private final RequestFailureState state = new RequestFailureState(clock);

    private final LogCapture log = LogCapture.of(BatchRelay.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void oneWarningAtTheStartThenOneAMinuteWhileItLastsSummarisedNeverOneABatch() {
        state.failed(CAUSE, CHECK, null);
        for (int i = 0; i < 240; i++) {
            clock.advance(Duration.ofMillis(500));
            state.failed(CAUSE, CHECK, null);
            state.remindIfDue();
        }

        assertThat(log.warnings()).hasSize(3);
        assertThat(log.warnings().get(0)).startsWith("Youshu refuses the requests themselves, not the events in them: "
                + CAUSE + ". Check " + CHECK + ".");
        assertThat(log.warnings().get(1)).contains("(121 refused, 120 since the last line)").contains("Check " + CHECK);
        assertThat(state.current()).hasValueSatisfying(failure -> assertThat(failure.failedRequests()).isEqualTo(241));
    }

    @Test
    void theReminderComesEvenWhenNoRequestIsMadeMeanwhile() {
        state.failed(CAUSE, CHECK, null);
        clock.advance(RequestFailureState.REMINDER_INTERVAL);

        state.remindIfDue();

        assertThat(log.warnings()).hasSize(2).last().asString().startsWith("Youshu still refuses the requests themselves");
    }

    @Test
    void anAcceptedRequestEndsItAndForgetsTheCodesFoundRequestLevel() {
        state.failed(CAUSE, CHECK, 40001);
        assertThat(state.isRequestLevel(40001)).isTrue();

        state.succeeded();

        assertThat(state.current()).isEmpty();
        assertThat(state.isRequestLevel(40001)).isFalse();
        assertThat(log.messages(Level.INFO)).last().asString()
                .startsWith("Youshu accepts the requests again after 1 refused since ");
    }
}
