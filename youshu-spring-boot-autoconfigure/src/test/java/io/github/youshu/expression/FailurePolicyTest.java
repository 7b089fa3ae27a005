package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.validation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What happens to the caller and to the event when an event cannot be reported. */
class FailurePolicyTest {

    private static final ReportingSettings THROW = new ReportingSettings(FailureMode.THROW, ReportingTestConfiguration.ZONE,
            "test-shop", "wx0123456789abcdef", ReportingTestConfiguration.SETTINGS.defaults());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    @Test
    void aNullOrderIdInLogModeLeavesTheResultUnchangedSendsNothingAndLogsOneClearLine() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);
            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            try (LogCapture log = LogCapture.failures()) {

                Order result = service.payWithoutId("o-1");

                assertThat(result).isEqualTo(new Order(null, Order.CREATED_AT, null, null, "open-1"));
                assertThat(service.calls()).isEqualTo(1);
                assertThat(dispatcher.events).isEmpty();
                assertThat(dispatcher.invalid).containsExactly("custom_order");
                assertThat(log.messages()).containsExactly("Youshu event custom_order (no order_id): not reported: "
                        + "OrderService.payWithoutId(String) @ReportOrderStatus(payed).orderId \"#result.id\" gave null, "
                        + "but orderId is required; event dropped");
            }
        });
    }

    @Test
    void identicalFailuresAreLoggedOnceButEachIsCounted() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);
            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            try (LogCapture log = LogCapture.failures()) {

                for (int i = 0; i < 5; i++) {
                    service.payWithoutId("o-" + i);
                }

                assertThat(log.messages()).hasSize(1);
                assertThat(dispatcher.invalid).hasSize(5);
            }
        });
    }

    @Test
    void anInvalidEventIsLoggedWithEveryViolationAndDropped() {
        runner.run(context -> {
            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            try (LogCapture log = LogCapture.failures()) {

                assertThat(context.getBean(OrderService.class).payAnonymously("o-2")).isEqualTo(Order.of("o-2"));

                assertThat(dispatcher.events).isEmpty();
                assertThat(dispatcher.invalid).containsExactly("custom_order");
                assertThat(log.messages()).singleElement().asString()
                        .startsWith("Youshu event custom_order (order_id o-2) is invalid: ")
                        .contains("props.sub_orders[0].pay_amt: must be >= 0", "props.wx_user.open_id: is required")
                        .contains("; reported by OrderService.payAnonymously(String) @ReportOrderStatus(payed); event dropped")
                        .endsWith(". To supply wx_user.open_id: give openId on the annotation (e.g. openId = \"#result.openId\"), "
                                + "or register a YoushuContextResolver (the mini-program's X-Youshu-Open-Id header is read only "
                                + "in a servlet web application)");
            }
        });
    }

    @Test
    void aFailingExpressionIsLoggedWithItsAttributeAndExpression() {
        runner.run(context -> {
            try (LogCapture log = LogCapture.failures()) {

                assertThat(context.getBean(OrderService.class).payNothing("o-3")).isNull();

                assertThat(log.messages()).singleElement().asString()
                        .contains("OrderService.payNothing(String) @ReportOrderStatus(payed).orderTime \"#result.createdAt\" failed: ")
                        .contains("EL1007E");
            }
        });
    }

    @Test
    void inThrowModeTheCallerGetsTheViolationsAfterTheMethodRan() {
        runner.withBean(ReportingSettings.class, () -> THROW).run(context -> {
            OrderService service = context.getBean(OrderService.class);

            assertThatThrownBy(() -> service.payAnonymously("o-4"))
                    .isInstanceOfSatisfying(YoushuReportException.class, ex -> {
                        assertThat(ex.eventType()).isEqualTo("custom_order");
                        assertThat(ex.orderId()).isEqualTo("o-4");
                        assertThat(ex.violations()).extracting(Violation::path)
                                .containsExactly("props.sub_orders[0].pay_amt", "props.wx_user.open_id");
                    });
            assertThat(service.calls()).isEqualTo(1);
            assertThat(context.getBean(RecordingEventDispatcher.class).invalid).containsExactly("custom_order");
        });
    }

    @Test
    void inThrowModeAnExpressionFailureIsThrownToo() {
        runner.withBean(ReportingSettings.class, () -> THROW).run(context ->
                assertThatThrownBy(() -> context.getBean(OrderService.class).payWithoutId("o-5"))
                        .isInstanceOf(YoushuReportException.class)
                        .hasMessageContaining("@ReportOrderStatus(payed).orderId \"#result.id\" gave null"));
    }

    @Test
    void inThrowModeTheMethodsOwnExceptionStillPropagatesUnchanged() {
        runner.withBean(ReportingSettings.class, () -> THROW).run(context -> {
            IllegalStateException failure = new IllegalStateException("out of stock");

            assertThatThrownBy(() -> context.getBean(OrderService.class).failWithInvalidReport(failure)).isSameAs(failure);

            assertThat(failure.getSuppressed()).isEmpty();
            assertThat(context.getBean(RecordingEventDispatcher.class).invalid).containsExactly("custom_order");
        });
    }

    @Test
    void aDispatcherThatThrowsNeverReachesTheCaller() {
        for (ReportingSettings settings : new ReportingSettings[] {ReportingTestConfiguration.SETTINGS, THROW}) {
            runner.withBean(ReportingSettings.class, () -> settings)
                    .withAllowBeanDefinitionOverriding(true)
                    .withBean("recordingEventDispatcher", RecordingEventDispatcher.class, BrokenDispatcher::new)
                    .run(context -> {
                        try (LogCapture log = LogCapture.failures()) {
                            assertThat(context.getBean(OrderService.class).pay("o-6")).isEqualTo(Order.of("o-6"));
                            assertThat(log.messages()).singleElement().asString().contains("dispatcher broke");
                        }
                    });
        }
    }

    static final class BrokenDispatcher extends RecordingEventDispatcher {
        @Override
        public boolean dispatch(OutboundEvent event) {
            throw new IllegalStateException("dispatcher broke");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        OrderService orderService() {
            return new OrderService();
        }
    }

    static class OrderService {

        private final AtomicInteger calls = new AtomicInteger();

        public int calls() {
            return calls.get();
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        public Order pay(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "1", payAmount = "1", openId = "#result.openId")
        public Order payWithoutId(String id) {
            calls.incrementAndGet();
            return new Order(null, Order.CREATED_AT, null, null, "open-1");
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "-1")
        public Order payAnonymously(String id) {
            calls.incrementAndGet();
            return Order.of(id);
        }

        @ReportOrderStatus(status = "payed", orderId = "#id", orderTime = "#result.createdAt", orderAmount = "1", payAmount = "1")
        public Order payNothing(String id) {
            return null;
        }

        @ReportOrderStatus(status = "cancel_pay", orderId = "'o-7'", orderTime = "0", orderAmount = "1", payAmount = "1",
                openId = "#ex.message", on = ReportOn.AFTER_THROWING)
        public Order failWithInvalidReport(RuntimeException failure) {
            throw failure;
        }
    }
}
