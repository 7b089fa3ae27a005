package io.github.youshu.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a transiently failed event may be tried again: Spring's {@link ExponentialBackOff} for the
 * attempt number, a random jitter of up to 25 % either way (never above the maximum interval), at
 * least the server's Retry-After, and only within the retry budget counted from the event's
 * acceptance. An event is never given up before its budget is spent: when the next attempt (a long
 * Retry-After, a long backoff) would fall after the end of the budget, the event gets a last
 * attempt when the budget ends instead.
 */
final class RetryPolicy {

    private static final double JITTER = 0.25;

    private final ExponentialBackOff backOff;

    private final Duration budget;

    private final Clock clock;

    private final DoubleSupplier random;

    RetryPolicy(DeliverySettings settings) {
        this(settings, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param random values in {@code [0, 1)}
     */
    RetryPolicy(DeliverySettings settings, Clock clock, DoubleSupplier random) {
        this.backOff = new ExponentialBackOff(settings.backoffInitial().toMillis(), settings.backoffMultiplier());
        this.backOff.setMaxInterval(settings.backoffMax().toMillis());
        this.budget = settings.retriesWithoutLimit() ? null : settings.maxRetryDuration();
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param failedAttempts how many attempts have failed so far, this one included (at least 1)
     * @param retryAfter     the server's Retry-After, or {@code null}
     * @return when the next attempt may start
     */
    Instant nextAttempt(int failedAttempts, Duration retryAfter) {
        long interval = interval(failedAttempts);
        long jittered = Math.min(backOff.getMaxInterval(),
                Math.round(interval * (1 - JITTER + 2 * JITTER * random.getAsDouble())));
        Duration delay = Duration.ofMillis(jittered);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return clock.instant().plus(delay);
    }

    /**
     * The attempt planned for {@code next}, limited to the budget of an event accepted at
     * {@code acceptedAt}.
     *
     * @param next the planned attempt, from {@link #nextAttempt}
     * @return {@code next}, or the end of the budget when that comes earlier (a last attempt);
     *         {@code null} when the budget is spent: the attempt that just failed was the last one
     */
    Instant limitToBudget(Instant next, Instant acceptedAt) {
        if (budget == null) {
            return next;
        }
        Instant budgetEnd = acceptedAt.plus(budget);
        if (!clock.instant().isBefore(budgetEnd)) {
            return null;
        }
        return next.isAfter(budgetEnd) ? budgetEnd : next;
    }

    /** Whether an event accepted at {@code acceptedAt} may still be tried at {@code attemptAt}. */
    boolean withinBudget(Instant acceptedAt, Instant attemptAt) {
        return budget == null || !attemptAt.isAfter(acceptedAt.plus(budget));
    }

    private long interval(int failedAttempts) {
        BackOffExecution execution = backOff.start();
        long interval = execution.nextBackOff();
        for (int i = 1; i < failedAttempts && interval < backOff.getMaxInterval(); i++) {
            interval = execution.nextBackOff();
        }
        return interval;
    }
}
