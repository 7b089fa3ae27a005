package io.github.youshu.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.youshu.actuate.YoushuActuatorAutoConfiguration;
import io.github.youshu.actuate.YoushuEndpoint;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.delivery.outbox.JdbcOutboxStore;
import io.github.youshu.delivery.outbox.OutboxDeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxAutoConfigurationTest {

    private final WireMockServer youshu = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    private ApplicationContextRunner runner;

    @BeforeEach
    void startYoushu() {
        youshu.start();
        youshu.stubFor(post(urlPathEqualTo("/api/v1/safe-report")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop",
                        "youshu.base-url=http://127.0.0.1:" + youshu.port(), "youshu.outbox.enabled=true",
                        "youshu.outbox.poll-interval=100ms");
    }

    @AfterEach
    void stopYoushu() {
        youshu.stop();
    }

    @Test
    void theOutboxReplacesTheMemoryQueueAndCreatesItsTableOnH2() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(EventStore.class)).isInstanceOf(JdbcOutboxStore.class);
            assertThat(context).doesNotHaveBean(MemoryEventStore.class);
            assertThat(context).hasSingleBean(OutboxDeadLetters.class);
            Integer rows = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM youshu_outbox", Integer.class);
            assertThat(rows).isZero();
        });
    }

    @Test
    void aPartialBatchOfTheOutboxWaitsTheDeliveryFlushInterval() {
        runner.withPropertyValues("youshu.delivery.flush-interval=3s").run(context ->
                assertThat(context.getBean(JdbcOutboxStore.class).flushInterval()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void aCommittedEventIsDeliveredAndARolledBackOneIsNot() {
        runner.run(context -> {
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
            tx.executeWithoutResult(status -> dispatcher.dispatch(event("committed")));
            tx.executeWithoutResult(status -> {
                dispatcher.dispatch(event("rolled-back"));
                status.setRollbackOnly();
            });

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    youshu.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/safe-report"))));
            assertThat(youshu.getAllServeEvents()).singleElement()
                    .satisfies(e -> assertThat(e.getRequest().getBodyAsString()).contains("committed").doesNotContain("rolled-back"));
        });
    }

    @Test
    void theActuatorEndpointListsResendsAndPurgesTheOutboxDeadLetters() {
        youshu.stubFor(post(urlPathEqualTo("/api/v1/safe-report")).willReturn(okJson("{\"code\":40010,\"msg\":\"bad event\"}")));
        runner.withConfiguration(AutoConfigurations.of(YoushuActuatorAutoConfiguration.class)).run(context -> {
            YoushuEndpoint endpoint = context.getBean(YoushuEndpoint.class);
            context.getBean(EventDispatcher.class).dispatch(new OutboundEvent("custom_order", "SO-dead",
                    "{\"type\":\"custom_order\",\"props\":{\"wx_user\":{\"open_id\":\"oGN6X0T-secret-user\"}}}"
                            .getBytes(StandardCharsets.UTF_8), Instant.now()));

            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.report().deadLetters().count() == 1);
            YoushuEndpoint.Report report = endpoint.report();
            assertThat(report.queue().capacity()).as("a table has no queue capacity").isNull();
            assertThat(report.deadLetters().newest()).singleElement().satisfies(letter -> {
                assertThat(letter.orderId()).isEqualTo("SO-dead");
                assertThat(letter.reason()).contains("40010");
                assertThat(letter.event().toString()).doesNotContain("oGN6X0T-secret-user");
            });

            youshu.stubFor(post(urlPathEqualTo("/api/v1/safe-report")).willReturn(okJson("{\"code\":0}")));
            assertThat(endpoint.resend().requeued()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(DeliveryStatistics.class).snapshot().total().sent() == 1);
            assertThat(endpoint.report().deadLetters().count()).isZero();
            assertThat(endpoint.purge().purged()).isZero();
        });
    }

    @Test
    void withoutADataSourceStartupSaysWhatIsMissing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop", "youshu.outbox.enabled=true")
                .run(context -> {
                    FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("no single DataSource");
                });
    }

    @Test
    void aBadTableNameFailsStartupNamingTheProperty() {
        runner.withPropertyValues("youshu.outbox.table-name=orders; drop table x").run(context -> {
            FailureAnalysis analysis = new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("table-name");
        });
    }

    private static OutboundEvent event(String orderId) {
        return new OutboundEvent("custom_order", orderId,
                ("{\"type\":\"custom_order\",\"order\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
