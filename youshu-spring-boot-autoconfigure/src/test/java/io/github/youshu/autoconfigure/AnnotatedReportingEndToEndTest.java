package io.github.youshu.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.youshu.YoushuReporter;
import io.github.youshu.annotation.ReportOrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The whole path through the auto-configuration: annotation → aspect → memory queue → signed HTTP. */
class AnnotatedReportingEndToEndTest {

    private final WireMockServer youshu = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        youshu.start();
        youshu.stubFor(post(urlPathEqualTo("/api/v1/safe-report")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
    }

    @AfterEach
    void stop() {
        youshu.stop();
    }

    public record Order(String id, Instant createdAt, BigDecimal total, BigDecimal payable, String openId) {
    }

    public static class Checkout {

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.payable", openId = "#result.openId")
        public Order confirmPayment(String orderId) {
            return new Order(orderId, Instant.parse("2026-11-23T10:00:00Z"), new BigDecimal("128.00"), new BigDecimal("99.90"),
                    "oUser-1");
        }
    }

    @Test
    void anAnnotatedMethodsEventArrivesSignedAtYoushu() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                .withBean(Checkout.class)
                .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0",
                        "youshu.base-url=http://127.0.0.1:" + youshu.port(), "youshu.delivery.flush-interval=50ms",
                        "youshu.defaults.page=pages/pay/result", "youshu.defaults.scene=1001", "spring.application.name=shop")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(YoushuReporter.class);
                    Order order = context.getBean(Checkout.class).confirmPayment("SO-1");
                    assertThat(order.id()).isEqualTo("SO-1");

                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> youshu.verify(1,
                            postRequestedFor(urlPathEqualTo("/api/v1/safe-report"))
                                    .withRequestBody(matchingJsonPath("$[0].type", equalTo("custom_order")))
                                    .withRequestBody(matchingJsonPath("$[0].from", equalTo("shop")))
                                    .withRequestBody(matchingJsonPath("$[0].props.order.order_status", equalTo("payed")))
                                    .withRequestBody(matchingJsonPath("$[0].props.order.order_time", equalTo("1795428000000")))
                                    .withRequestBody(matchingJsonPath("$[0].props.sub_orders[0].sub_order_id", equalTo("SO-1")))
                                    .withRequestBody(matchingJsonPath("$[0].props.wx_user.app_id", equalTo("wx0000000000test0")))
                                    .withRequestBody(matchingJsonPath("$[0].props.wx_user.open_id", equalTo("oUser-1")))
                                    .withRequestBody(matchingJsonPath("$[0].props.chan.chan_wxapp_scene", equalTo("1001")))
                                    .withRequestBody(matchingJsonPath("$[0].props.page", equalTo("pages/pay/result")))));
                });
    }

    @Test
    void withoutADataSourceNameStartupSaysWhatToAdd() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0")
                .run(context -> assertThat(new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                        .contains("name: my-shop"));
    }

    @Test
    void withoutTheMiniProgramAppIdStartupSaysWhatToAdd() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value")
                .run(context -> assertThat(new YoushuConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                        .contains("wx-app-id: wx"));
    }
}
