package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.actuate.YoushuEndpoint.DeadLetterView;
import io.github.youshu.actuate.YoushuEndpoint.Report;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class YoushuActuatorAutoConfigurationTest {

    private static final String SECRET = "s3cr3t-value";

    private final AtomicReference<SendResult> answer = new AtomicReference<>(SendResult.rejected(200, 40001, "invalid open_id"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuActuatorAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=" + SECRET, "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop", "youshu.delivery.flush-interval=20ms",
                    "youshu.delivery.backoff-initial=10ms", "youshu.delivery.backoff-max=20ms",
                    "youshu.delivery.shutdown-timeout=50ms")
            .withBean(YoushuTransport.class, () -> (body, count) -> answer.get());

    @Test
    void theEndpointShowsCountsQueueAndDeadLettersWithUserIdsMasked() {
        runner.run(context -> {
            YoushuEndpoint endpoint = context.getBean(YoushuEndpoint.class);
            dispatchGolden(context);
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.report().deadLetters().count() == 1);

            Report report = endpoint.report();

            assertThat(report.events().get("custom_order").accepted()).isEqualTo(1);
            assertThat(report.events().get("custom_order").deadLettered()).isEqualTo(1);
            assertThat(report.total().deadLettered()).isEqualTo(1);
            assertThat(report.queue().queued()).isZero();
            assertThat(report.queue().inFlight()).isZero();
            assertThat(report.queue().capacity()).isEqualTo(10_000);
            DeadLetterView letter = report.deadLetters().newest().get(0);
            assertThat(letter.type()).isEqualTo("custom_order");
            assertThat(letter.orderId()).isEqualTo("xxxx");
            assertThat(letter.reason()).contains("rejected by Youshu").contains("invalid open_id");
            assertThat(Instant.parse(letter.deadLetteredAt())).isNotNull();
            Map<?, ?> wxUser = (Map<?, ?>) ((Map<?, ?>) letter.event().get("props")).get("wx_user");
            assertThat(wxUser.get("open_id")).isEqualTo("ogN6X0T***");
            assertThat(wxUser.get("union_id")).isEqualTo("o6_bmls***");
            assertThat(wxUser.get("user_id")).isEqualTo("548***");

            String json = new ObjectMapper().writeValueAsString(report);
            assertThat(json).contains("\"open_id\":\"ogN6X0T***\"").doesNotContain("ogN6X0T-ilsH")
                    .doesNotContain("o6_bmlsdaXds8d6").doesNotContain("548019854034").doesNotContain(SECRET);
        });
    }

    @Test
    void resendHandsTheDeadLettersBackToDelivery() {
        runner.run(context -> {
            YoushuEndpoint endpoint = context.getBean(YoushuEndpoint.class);
            dispatchGolden(context);
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.report().deadLetters().count() == 1);
            answer.set(SendResult.accepted(200, 0, "ok"));

            assertThat(endpoint.resend()).isEqualTo(new YoushuEndpoint.Resent(1, 0));

            DeliveryStatistics statistics = context.getBean(DeliveryStatistics.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> statistics.snapshot().of("custom_order").sent() == 1);
            assertThat(endpoint.report().deadLetters().count()).isZero();
            assertThat(endpoint.resend()).isEqualTo(new YoushuEndpoint.Resent(0, 0));
        });
    }

    @Test
    void purgeDeletesTheDeadLetters() {
        runner.run(context -> {
            YoushuEndpoint endpoint = context.getBean(YoushuEndpoint.class);
            dispatchGolden(context);
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.report().deadLetters().count() == 1);

            assertThat(endpoint.purge()).isEqualTo(new YoushuEndpoint.Purged(1));

            assertThat(endpoint.report().deadLetters().count()).isZero();
            assertThat(endpoint.report().deadLetters().newest()).isEmpty();
        });
    }

    @Test
    void theHealthIndicatorIsDegradedAfterThreeTransientFailuresAndUpAfterASuccess() {
        answer.set(SendResult.transientFailure(503, "Service Unavailable", null));
        runner.run(context -> {
            Object indicator = context.getBean(YoushuHealthIndicatorRegistrar.BEAN_NAME);
            assertThat(HealthIndicatorBridge.indicatorType(getClass().getClassLoader()).isInstance(indicator)).isTrue();
            assertThat(status(indicator)).isEqualTo("UP");

            dispatchGolden(context);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(indicator).equals("DEGRADED"));
            assertThat(details(indicator)).containsEntry("lastFailureMessage", "HTTP 503: Service Unavailable")
                    .containsKey("lastFailure").containsEntry("queueCapacity", 10_000);

            answer.set(SendResult.accepted(200, 0, "ok"));
            await().atMost(Duration.ofSeconds(10)).until(() -> status(indicator).equals("UP"));
            assertThat(details(indicator)).containsKey("lastSuccess").containsEntry("consecutiveFailures", 0);
            assertThat(details(indicator).toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.youshu.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(YoushuEndpoint.class);
            assertThat(context.containsBean(YoushuHealthIndicatorRegistrar.BEAN_NAME)).isFalse();
            assertThat(context).doesNotHaveBean(DeliveryOutcomeTracker.class);
        });
    }

    @Test
    void theHealthIndicatorFollowsTheDefaultsLikeBootsOwn() {
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context.containsBean(YoushuHealthIndicatorRegistrar.BEAN_NAME)).isFalse());
        runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.youshu.enabled=true")
                .run(context -> assertThat(context.containsBean(YoushuHealthIndicatorRegistrar.BEAN_NAME)).isTrue());
    }

    @Test
    void nothingWithoutActuatorOrWhenReportingIsOff() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(YoushuEndpoint.class)
                        .doesNotHaveBean(DeliveryOutcomeTracker.class));
        runner.withPropertyValues("youshu.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(YoushuEndpoint.class));
    }

    @Test
    void aBadThresholdFailsStartupNamingTheProperty() {
        runner.withPropertyValues("youshu.actuator.down-above-queue-usage=1.5").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("youshu.actuator.down-above-queue-usage"));
    }

    private static void dispatchGolden(AssertableApplicationContext context) throws Exception {
        byte[] json = UserIdMaskingTest.golden("custom_order");
        assertThat(context.getBean(EventDispatcher.class).dispatch(new OutboundEvent("custom_order", "xxxx", json, Instant.now())))
                .isTrue();
    }

    private static String status(Object indicator) throws Exception {
        Object health = indicator.getClass().getMethod("health").invoke(indicator);
        return health.getClass().getMethod("getStatus").invoke(health).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Object indicator) throws Exception {
        Object health = indicator.getClass().getMethod("health").invoke(indicator);
        return (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
    }
}
