package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.transport.YoushuTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop",
                "youshu.base-url=http://zhls.qq.com").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("http://zhls.qq.com").contains("loopback");
            assertThat(analysis.getDescription()).doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void credentialsAndLoopbackSimulatorGiveATransport() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop",
                "youshu.base-url=http://127.0.0.1:8089").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(YoushuTransport.class);
            assertThat(context.getBean(YoushuProperties.class).toString()).doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void anEventDispatchedInMemoryModeArrivesSignedAtYoushu() {
        WireMockServer youshu = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        youshu.start();
        try {
            youshu.stubFor(post(urlPathEqualTo("/api/v1/safe-report")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
            runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop",
                    "youshu.base-url=http://127.0.0.1:" + youshu.port(), "youshu.delivery.flush-interval=50ms").run(context -> {
                assertThat(context).hasSingleBean(MemoryEventStore.class);
                byte[] json = "{\"type\":\"custom_order\"}".getBytes(StandardCharsets.UTF_8);
                assertThat(context.getBean(EventDispatcher.class).dispatch(new OutboundEvent("custom_order", "o1", json, Instant.now())))
                        .isTrue();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> youshu.verify(1,
                        postRequestedFor(urlPathEqualTo("/api/v1/safe-report")).withQueryParam("app_id", equalTo("bi123"))
                                .withRequestBody(equalToJson("[{\"type\":\"custom_order\"}]"))));
                await().untilAsserted(() -> assertThat(context.getBean(DeliveryStatistics.class).snapshot().total().sent())
                        .isEqualTo(1));
            });
        }
        finally {
            youshu.stop();
        }
    }

    @Test
    void aBadDeliverySettingFailsStartupNamingTheProperty() {
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop", "youshu.delivery.queue-capacity=0")
                .run(context -> {
                    FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("youshu.delivery.queue-capacity");
                });
    }

    @Test
    void aUserTransportReplacesOurs() {
        YoushuTransport mine = (body, count) -> null;
        runner.withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop")
                .withBean(YoushuTransport.class, () -> mine)
                .run(context -> assertThat(context.getBean(YoushuTransport.class)).isSameAs(mine));
    }
}
