package io.github.youshu.delivery.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxSettingsTest {

    private static OutboxSettings withTable(String table) {
        OutboxSettings d = OutboxSettings.defaults();
        return new OutboxSettings(table, d.initializeSchema(), d.leaseDuration(), d.pollInterval(), d.retention(),
                d.maxRetryDuration());
    }

    @Test
    void defaults() {
        OutboxSettings settings = OutboxSettings.defaults();

        assertThat(settings.tableName()).isEqualTo("youshu_outbox");
        assertThat(settings.initializeSchema()).isEqualTo(OutboxSettings.SchemaInitialization.EMBEDDED);
        assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retention()).isZero();
        assertThat(settings.maxRetryDuration()).as("retries without limit").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_outbox", "_events", "Outbox2"})
    void acceptsPlainIdentifiers(String table) {
        assertThat(withTable(table).tableName()).isEqualTo(table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2outbox", "outbox; DROP TABLE orders", "shop.outbox", "out-box", "\"outbox\"",
            "a123456789012345678901234567890123456789012345678"})
    void rejectsAnythingElseAsTableName(String table) {
        assertThatIllegalArgumentException().isThrownBy(() -> withTable(table))
                .withMessageContaining("youshu.outbox.table-name")
                .withMessageContaining("not a plain SQL identifier");
    }

    @Test
    void rejectsDurationsThatCannotWork() {
        OutboxSettings.SchemaInitialization mode = OutboxSettings.SchemaInitialization.NEVER;
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxSettings("t", mode, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ZERO, null)).withMessageContaining("youshu.outbox.lease-duration");
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxSettings("t", mode, Duration.ofSeconds(1),
                Duration.ofSeconds(-1), Duration.ZERO, null)).withMessageContaining("youshu.outbox.poll-interval");
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxSettings("t", mode, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(-1), null)).withMessageContaining("youshu.outbox.retention");
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxSettings("t", mode, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO)).withMessageContaining("youshu.outbox.max-retry-duration");
    }
}
