package io.github.youshu.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final MutableClock clock = new MutableClock();

    private double random = 0.5;

    private final RetryPolicy policy = new RetryPolicy(DeliverySettings.defaults(), clock, () -> random);

    @Test
    void waitsGrowExponentiallyFrom500MillisUpTo60Seconds() {
        assertThat(delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(delay(2, null)).isEqualTo(Duration.ofMillis(1000));
        assertThat(delay(3, null)).isEqualTo(Duration.ofMillis(2000));
        assertThat(delay(7, null)).isEqualTo(Duration.ofMillis(32_000));
        assertThat(delay(8, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(delay(1_000_000, null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsAQuarterEitherWayButNeverAboveTheMaximum() {
        random = 0.0;
        assertThat(delay(1, null)).isEqualTo(Duration.ofMillis(375));
        assertThat(delay(20, null)).isEqualTo(Duration.ofSeconds(45));
        random = 0.999_999;
        assertThat(delay(1, null)).isEqualTo(Duration.ofMillis(625));
        assertThat(delay(20, null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theServersRetryAfterIsHonoured() {
        assertThat(delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(delay(3, Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void anAttemptIsWithinBudgetUntilTheRetryDurationAfterAcceptance() {
        Instant accepted = clock.instant();

        assertThat(policy.withinBudget(accepted, accepted.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(policy.withinBudget(accepted, accepted.plus(Duration.ofHours(1)))).isTrue();
        assertThat(policy.withinBudget(accepted, accepted.plus(Duration.ofHours(1)).plusMillis(1))).isFalse();
    }

    @Test
    void withoutLimitEveryAttemptIsWithinBudget() {
        RetryPolicy unlimited = new RetryPolicy(TestSettings.quick().maxRetryDuration(Duration.ZERO).build(), clock, () -> random);
        Instant accepted = clock.instant();

        assertThat(unlimited.withinBudget(accepted, accepted.plus(Duration.ofDays(365)))).isTrue();
    }

    private Duration delay(int failedAttempts, Duration retryAfter) {
        return Duration.between(clock.instant(), policy.nextAttempt(failedAttempts, retryAfter));
    }
}
