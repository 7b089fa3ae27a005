package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Issue 11 item 11: configuration errors give the default; the metadata has every default. */
class ConfigurationErrorDefaultsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0",
                    "youshu.from=test-shop");

    @Test
    void aBadValueIsReportedWithTheDefault() {
        runner.withPropertyValues("youshu.delivery.queue-capacity=0").run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("youshu.delivery.queue-capacity must be greater than 0 (was 0)");
            assertThat(analysis.getAction()).endsWith("Default: youshu.delivery.queue-capacity=10000 (remove the setting to use it).");
        });
    }

    @Test
    void aBatchLargerThanTheQueueStopsStartupWithBothDefaults() {
        runner.withPropertyValues("youshu.delivery.max-batch-bytes=32MB").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("max-batch-bytes").contains("queue-max-bytes");
            assertThat(analysis.getAction()).contains("Defaults: youshu.delivery.max-batch-bytes=512KB, "
                    + "youshu.delivery.queue-max-bytes=16MB");
        });
    }

    @Test
    void theMetadataGivesTheOutboxTableNamesDefault() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode properties = new ObjectMapper().readTree(in).path("properties");
            JsonNode tableName = null;
            for (JsonNode property : properties) {
                if (property.path("name").asText().equals("youshu.outbox.table-name")) {
                    tableName = property;
                }
            }
            assertThat(tableName).isNotNull();
            assertThat(tableName.path("defaultValue").asText()).isEqualTo("youshu_outbox");
        }
    }

    private static FailureAnalysis analysis(Throwable failure) {
        return new YoushuConfigurationFailureAnalyzer().analyze(failure);
    }
}
