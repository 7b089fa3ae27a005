package io.github.youshu.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliverySettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        DeliverySettings settings = DeliverySettings.defaults();

        assertThat(settings.queueCapacity()).isEqualTo(10_000);
        assertThat(settings.queueMaxBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(settings.overflow()).isEqualTo(OverflowPolicy.DROP_NEWEST);
        assertThat(settings.maxBatchSize()).isEqualTo(50);
        assertThat(settings.maxBatchBytes()).isEqualTo(512 * 1024);
        assertThat(settings.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.concurrency()).isEqualTo(2);
        assertThat(settings.backoffInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.backoffMultiplier()).isEqualTo(2.0);
        assertThat(settings.backoffMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxRetryDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.deadLetterCapacity()).isEqualTo(1_000);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retriesWithoutLimit()).isFalse();
    }

    @Test
    void nullOrZeroRetryDurationMeansWithoutLimit() {
        assertThat(TestSettings.quick().maxRetryDuration(null).build().retriesWithoutLimit()).isTrue();
        assertThat(TestSettings.quick().maxRetryDuration(Duration.ZERO).build().retriesWithoutLimit()).isTrue();
    }

    @Test
    void batchEventBytesLeaveRoomForTheArraySyntax() {
        assertThat(DeliverySettings.defaults().maxBatchEventBytes()).isEqualTo(512 * 1024 - 51);
    }

    @Test
    void pollIntervalIsATenthOfTheFlushIntervalButAtLeastTenMillis() {
        assertThat(DeliverySettings.defaults().pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(TestSettings.quick().flushInterval(Duration.ofMillis(20)).build().pollInterval())
                .isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void impossibleValuesAreRejectedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestSettings.quick().queue(0, 100, OverflowPolicy.DROP_NEWEST).build())
                .withMessage("youshu.delivery.queue-capacity must be greater than 0 (was 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> TestSettings.quick().batch(50, 51).build())
                .withMessageStartingWith("youshu.delivery.max-batch-bytes must be greater than max-batch-size + 1");
        assertThatIllegalArgumentException().isThrownBy(() -> TestSettings.quick().flushInterval(Duration.ZERO).build())
                .withMessage("youshu.delivery.flush-interval must be a positive duration (was PT0S)");
        assertThatIllegalArgumentException().isThrownBy(() -> TestSettings.quick().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .withMessageStartingWith("youshu.delivery.backoff-max must not be shorter than backoff-initial");
        assertThatIllegalArgumentException().isThrownBy(() -> TestSettings.quick().maxRetryDuration(Duration.ofSeconds(-1)).build())
                .withMessageStartingWith("youshu.delivery.max-retry-duration must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> TestSettings.quick().concurrency(0).build())
                .withMessage("youshu.delivery.concurrency must be greater than 0 (was 0)");
    }

    @Test
    void theOutboxRetryBudgetReplacesOnlyTheRetryDuration() {
        DeliverySettings memory = DeliverySettings.defaults();

        DeliverySettings outbox = memory.withMaxRetryDuration(null);

        assertThat(outbox.maxRetryDuration()).isNull();
        assertThat(outbox.retriesWithoutLimit()).isTrue();
        assertThat(outbox).usingRecursiveComparison().ignoringFields("maxRetryDuration").isEqualTo(memory);
    }

    /** Issue 11 item 11: a batch larger than the queue's byte limit was accepted. */
    @Test
    void aBatchLargerThanTheQueueIsRefusedNamingBothProperties() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestSettings.quick().queue(100, 100_000, OverflowPolicy.DROP_NEWEST).batch(50, 200_000).build())
                .withMessageContaining("youshu.delivery.max-batch-bytes (200000 bytes)")
                .withMessageContaining("youshu.delivery.queue-max-bytes (100000 bytes)");
        assertThat(TestSettings.quick().queue(100, 100_000, OverflowPolicy.DROP_NEWEST).batch(50, 100_000).build().maxBatchBytes())
                .isEqualTo(100_000);
    }
}
