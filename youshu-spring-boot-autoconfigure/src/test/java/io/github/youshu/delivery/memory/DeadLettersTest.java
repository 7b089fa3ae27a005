package io.github.youshu.delivery.memory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @Test
    void keepsTheNewestLettersAndCountsTheEvictedOnes() {
        DeadLetters deadLetters = new DeadLetters(3);

        deadLetters.add(List.of(event(1), event(2)), "rejected");
        deadLetters.add(List.of(event(3), event(4), event(5)), "out of retries");

        assertThat(deadLetters.list()).extracting(letter -> letter.event().orderId())
                .containsExactly("order-3", "order-4", "order-5");
        assertThat(deadLetters.list()).extracting(DeadLetter::reason).containsOnly("out of retries");
        assertThat(deadLetters.list()).allSatisfy(letter -> assertThat(letter.at()).isNotNull());
        assertThat(deadLetters.evictedCount()).isEqualTo(2);
    }

    @Test
    void drainRemovesAndReturnsEveryLetterOldestFirst() {
        DeadLetters deadLetters = new DeadLetters(5);
        deadLetters.add(List.of(event(1), event(2)), "rejected");

        assertThat(deadLetters.drain()).extracting(letter -> letter.event().orderId()).containsExactly("order-1", "order-2");
        assertThat(deadLetters.list()).isEmpty();
        assertThat(deadLetters.drain()).isEmpty();
    }
}
