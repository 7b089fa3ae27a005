package io.github.youshu.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.context.YoushuContextResolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After returning, after throwing, and on completion of a {@code CompletionStage}. */
class ReportPhaseTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    @Test
    void aThrowingMethodReportsItsAfterThrowingEventOnlyAndItsExceptionPropagatesUnchanged() {
        runner.run(context -> {
            CheckoutService service = context.getBean(CheckoutService.class);
            IllegalStateException declined = new IllegalStateException("card declined");

            assertThatThrownBy(() -> service.pay("o-1", declined)).isSameAs(declined);

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/type").asText()).isEqualTo("pay_failed");
            assertThat(json.at("/props/order_id").asText()).isEqualTo("o-1");
            assertThat(json.at("/props/reason").asText()).isEqualTo("card declined");
            assertThat(json.at("/props/error").asText()).isEqualTo("IllegalStateException");
        });
    }

    @Test
    void aReturningMethodReportsItsAfterReturningEventOnly() {
        runner.run(context -> {
            CheckoutService service = context.getBean(CheckoutService.class);

            assertThat(service.pay("o-2", null)).isEqualTo(Order.of("o-2"));

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/type").asText()).isEqualTo("custom_order");
            assertThat(json.at("/props/order/order_status").asText()).isEqualTo("payed");
        });
    }

    @Test
    void aCheckedExceptionPropagatesUnchangedEvenWhenItsEventIsInvalid() {
        runner.run(context -> {
            CheckoutService service = context.getBean(CheckoutService.class);
            Exception checked = new java.io.IOException("gateway down");

            assertThatThrownBy(() -> service.failBadly(checked)).isSameAs(checked);

            assertThat(context.getBean(RecordingEventDispatcher.class).events).isEmpty();
            assertThat(context.getBean(RecordingEventDispatcher.class).invalid).containsExactly("custom_order");
        });
    }

    @Test
    void aCompletableFutureIsReportedWithItsValueWhenItCompletes() {
        runner.run(context -> {
            CheckoutService service = context.getBean(CheckoutService.class);
            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            CompletableFuture<Order> pending = new CompletableFuture<>();

            CompletionStage<Order> returned = service.payAsync("o-3", pending);

            assertThat(returned).isSameAs(pending);
            assertThat(dispatcher.events).isEmpty();
            pending.complete(Order.of("o-3"));
            assertThat(dispatcher.single().at("/props/order/order_id").asText()).isEqualTo("o-3");
            assertThat(dispatcher.single().at("/props/sub_orders/0/pay_amt").decimalValue()).isEqualByComparingTo("25.30");
        });
    }

    @Test
    void aFailedCompletableFutureIsReportedAfterThrowingWithTheUnwrappedCause() {
        runner.run(context -> {
            CheckoutService service = context.getBean(CheckoutService.class);
            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            CompletableFuture<Order> pending = new CompletableFuture<>();

            CompletionStage<Order> returned = service.payAsync("o-4", pending);
            CompletableFuture<Order> chained = pending.thenApply(order -> order);
            service.payAsync("o-5", chained);
            pending.completeExceptionally(new IllegalStateException("timeout"));

            assertThat(returned).isSameAs(pending);
            assertThat(dispatcher.json()).extracting(json -> json.at("/type").asText() + ":" + json.at("/props/reason").asText()
                    + ":" + json.at("/props/error").asText())
                    .containsExactlyInAnyOrder("pay_failed:timeout:IllegalStateException", "pay_failed:timeout:IllegalStateException");
        });
    }

    @Test
    void theContextOfAnAsyncMethodIsResolvedOnTheCallingThread() {
        runner.withBean(YoushuContextResolver.class, () -> ThreadBoundUser::current).run(context -> {
            CheckoutService service = context.getBean(CheckoutService.class);
            CompletableFuture<Order> pending = new CompletableFuture<>();

            ThreadBoundUser.CURRENT.set("open-caller");
            try {
                service.payAsync("o-6", pending);
            }
            finally {
                ThreadBoundUser.CURRENT.set(null);
            }
            pending.complete(new Order("o-6", Order.CREATED_AT, null, null, null));

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/wx_user/open_id").asText())
                    .isEqualTo("open-caller");
        });
    }

    /** A resolver reading thread-bound state, like one reading a request or a security context. */
    static final class ThreadBoundUser {
        static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

        static YoushuContext current() {
            return YoushuContext.builder().openId(CURRENT.get()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        CheckoutService checkoutService() {
            return new CheckoutService();
        }
    }

    static class CheckoutService {

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        @ReportEvent(type = "pay_failed", on = ReportOn.AFTER_THROWING, openId = "'open-1'",
                props = "{order_id: #orderId, reason: #ex.message, error: #ex.class.simpleName}")
        public Order pay(String orderId, RuntimeException failure) {
            if (failure != null) {
                throw failure;
            }
            return Order.of(orderId);
        }

        @ReportOrderStatus(status = "cancel_pay", orderId = "null", orderTime = "0", orderAmount = "0", payAmount = "0",
                on = ReportOn.AFTER_THROWING)
        public void failBadly(Exception failure) throws Exception {
            throw failure;
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total ?: 0", payAmount = "#result.paid ?: 0", openId = "#result.openId")
        @ReportEvent(type = "pay_failed", on = ReportOn.AFTER_THROWING, openId = "'open-1'",
                props = "{order_id: #orderId, reason: #ex.message, error: #ex.class.simpleName}")
        public CompletionStage<Order> payAsync(String orderId, CompletableFuture<Order> payment) {
            return payment;
        }
    }
}
