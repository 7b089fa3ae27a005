package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.transport.YoushuTransport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class YoushuAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class));

    @Test
    void enabledWithoutCredentialsFailsWithTheYmlToAdd() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("youshu.app-id and youshu.app-secret are not set");
            assertThat(analysis.getAction()).contains("app-id: ${YOUSHU_APP_ID}").contains("youshu.enabled=false");
        });
    }

    @Test
    void theFailureAnalyzerIsRegisteredForSpringBoot() throws Exception {
        var factories = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/spring.factories")) {
            factories.load(in);
        }
        assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
                .isEqualTo(YoushuConfigurationFailureAnalyzer.class.getName());
    }

    @Test
    void missingSecretAloneIsNamed() {
        runner.withPropertyValues("youshu.app-id=bi123").run(context -> {
            FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("youshu.app-secret is not set").doesNotContain("app-id is");
        });
    }

    @Test
    void disabledCreatesNoReportingBeans() {
        runner.withPropertyValues("youshu.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(YoushuTransport.class);
            assertThat(context.getBeanNamesForType(YoushuProperties.class)).isEmpty();
        });
    }

    @Test
    void plainHttpToARemoteHostFailsStartupNamingTheUrl() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value",
                "youshu.base-url=http://zhls.qq.com").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("http://zhls.qq.com").contains("loopback");
            assertThat(analysis.getDescription()).doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void credentialsAndLoopbackSimulatorGiveATransport() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value",
                "youshu.base-url=http://127.0.0.1:8089").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(YoushuTransport.class);
            assertThat(context.getBean(YoushuProperties.class).toString()).doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void aUserTransportReplacesOurs() {
        YoushuTransport mine = (body, count) -> null;
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value")
                .withBean(YoushuTransport.class, () -> mine)
                .run(context -> assertThat(context.getBean(YoushuTransport.class)).isSameAs(mine));
    }
}
