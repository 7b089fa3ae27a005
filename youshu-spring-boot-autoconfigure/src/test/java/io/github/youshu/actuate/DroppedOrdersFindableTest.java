package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.youshu.actuate.YoushuEndpoint.DroppedEventView;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11 items 4 and 5 through the auto-configuration: paid orders dropped as invalid (a bad
 * amount, an expression that gives null) or dead-lettered are each listed by the {@code youshu}
 * endpoint with order id, reason, time and masked user, the summary log line names their ids, and
 * the {@code youshu} health reports the problem.
 */
class DroppedOrdersFindableTest {

    private static final String OPEN_ID = "ogN6X0T-ilsHvTrCNk";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuActuatorAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0",
                    "youshu.from=test-shop", "youshu.defaults.page=pages/pay/result", "youshu.defaults.scene=1001",
                    "youshu.delivery.flush-interval=20ms")
            .withBean(Checkout.class)
            // Youshu rejects every event it gets: valid events become dead letters.
            .withBean(YoushuTransport.class, () -> (body, count) -> SendResult.rejected(200, 40001, "invalid open_id"));

    public record Order(String id, Instant createdAt, BigDecimal total, BigDecimal payable, String openId) {
    }

    public static class Checkout {

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.payable", openId = "#result.openId")
        public Order confirmPayment(String id, String payable, Instant createdAt) {
            return new Order(id, createdAt, new BigDecimal("10.00"), new BigDecimal(payable), OPEN_ID);
        }
    }

    @Test
    void everyDroppedOrderIsListedWithReasonTimeAndMaskedUser() {
        runner.run(context -> {
            try (LogCapture log = LogCapture.of(LossReporter.class)) {
                Checkout checkout = context.getBean(Checkout.class);
                Instant time = Instant.parse("2026-11-23T10:00:00Z");
                for (String id : List.of("BAD-1", "BAD-2", "BAD-3")) {
                    checkout.confirmPayment(id, "-1.00", time);      // a negative amount: invalid
                }
                checkout.confirmPayment("NO-TIME", "9.90", null);     // orderTime gives null: not built
                checkout.confirmPayment("REJECTED", "9.90", time);   // valid: Youshu rejects it
                YoushuEndpoint endpoint = context.getBean(YoushuEndpoint.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.report().recentDrops().size() == 5);

                // Listed as found: BAD-n are found invalid on the relay's thread (issue 14), after NO-TIME,
                // which could not be built on the caller's.
                List<DroppedEventView> drops = endpoint.report().recentDrops();
                Map<String, DroppedEventView> byOrder = drops.stream()
                        .collect(java.util.stream.Collectors.toMap(DroppedEventView::orderId, drop -> drop));
                assertThat(byOrder).containsOnlyKeys("REJECTED", "NO-TIME", "BAD-3", "BAD-2", "BAD-1");
                assertThat(byOrder.get("REJECTED").outcome()).isEqualTo("dead_lettered");
                assertThat(List.of("NO-TIME", "BAD-3", "BAD-2", "BAD-1"))
                        .allSatisfy(id -> assertThat(byOrder.get(id).outcome()).isEqualTo("invalid"));
                assertThat(drops.get(0).orderId()).as("the latest first").isEqualTo("REJECTED");
                assertThat(byOrder.get("BAD-1").reason()).contains("pay_amt");
                assertThat(byOrder.get("NO-TIME").reason()).contains("orderTime").contains("null");
                assertThat(drops).allSatisfy(drop -> {
                    assertThat(drop.type()).isEqualTo("custom_order");
                    assertThat(Instant.parse(drop.at())).isNotNull();
                    assertThat(drop.toString()).doesNotContain(OPEN_ID).doesNotContain("s3cr3t-value");
                });
                assertThat(byOrder.get("REJECTED").user()).isEqualTo("ogN6***");
                assertThat(byOrder.get("BAD-1").user()).isEqualTo("ogN6***");

                context.getBean(LossReporter.class).flush();
                String logged = String.join("\n", log.warnings());
                assertThat(logged).contains("BAD-1").contains("BAD-2").contains("BAD-3").contains("NO-TIME")
                        .contains("REJECTED");

                Map<String, Object> health = healthDetails(context);
                assertThat(health).containsEntry("recentlyInvalid", 4L).containsEntry("recentlyDeadLettered", 1L);
                assertThat((String) health.get("problem")).contains("4 events invalid").contains("1 event dead-lettered");
            }
        });
    }

    private static Map<String, Object> healthDetails(ApplicationContext context) {
        return context.getBean(DeliveryHealth.class).get().details();
    }
}
