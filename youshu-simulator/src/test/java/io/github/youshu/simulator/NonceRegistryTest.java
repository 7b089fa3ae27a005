package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceRegistryTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void refusesANonceWithinItsWindowAndForgetsItAfterwards() {
        NonceRegistry registry = new NonceRegistry(Duration.ofMinutes(10), 100);

        assertThat(registry.register("n1", T0)).isTrue();
        assertThat(registry.register("n1", T0.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(registry.size(T0.plus(Duration.ofMinutes(9)))).isEqualTo(1);

        assertThat(registry.size(T0.plus(Duration.ofMinutes(10)))).isZero();
        assertThat(registry.register("n1", T0.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void forgetsExpiredNoncesAsNewOnesArrive() {
        NonceRegistry registry = new NonceRegistry(Duration.ofMinutes(10), 100_000);
        for (int i = 0; i < 1_000; i++) {
            registry.register("old-" + i, T0);
        }

        registry.register("new", T0.plus(Duration.ofMinutes(11)));

        assertThat(registry.size(T0.plus(Duration.ofMinutes(11)))).isEqualTo(1);
    }

    @Test
    void neverRemembersMoreThanTheCapOldestForgottenFirst() {
        NonceRegistry registry = new NonceRegistry(Duration.ofMinutes(10), 3);
        for (String nonce : new String[] {"a", "b", "c", "d"}) {
            registry.register(nonce, T0);
        }

        assertThat(registry.size(T0)).isEqualTo(3);
        assertThat(registry.register("d", T0)).isFalse();
        assertThat(registry.register("a", T0)).isTrue();
    }
}
