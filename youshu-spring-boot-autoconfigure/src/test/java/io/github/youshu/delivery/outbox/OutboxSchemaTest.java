package io.github.youshu.delivery.outbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "h2"})
    void theShippedScriptsUseTheConfiguredTableName(String database) {
        String script = OutboxSchema.script(OutboxSchema.SCRIPT_LOCATION.formatted(database), "shop_events");

        assertThat(script).doesNotContain("youshu_outbox")
                .contains("CREATE TABLE IF NOT EXISTS shop_events (")
                .contains("shop_events_due")
                .contains("(status, next_attempt_at, id)");
    }
}
