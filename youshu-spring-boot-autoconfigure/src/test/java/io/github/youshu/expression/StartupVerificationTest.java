package io.github.youshu.expression;

import io.github.youshu.annotation.ReportCouponOrder;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.autoconfigure.YoushuConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken annotations stop the application at startup, with every problem named in one exception. */
class StartupVerificationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class);

    @Test
    void aBrokenExpressionFailsStartupNamingBeanMethodAttributeAndExpression() {
        runner.withBean("brokenService", BrokenExpression.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(YoushuConfigurationException.class)
                    .hasMessageContaining("bean 'brokenService' (" + BrokenExpression.class.getName() + ")")
                    .hasMessageContaining("method BrokenExpression.pay(String)")
                    .hasMessageContaining("@ReportOrderStatus(payed): orderId \"#orderId.\": not a valid SpEL expression");
        });
    }

    @Test
    void anUnknownStatusOrOrderTypeFailsStartup() {
        runner.withBean("unknownValues", UnknownValues.class).run(context -> {
            assertThat(context.getStartupFailure()).isInstanceOf(YoushuConfigurationException.class)
                    .hasMessageContaining("method UnknownValues.pay(String)")
                    .hasMessageContaining("status \"paid\": Unknown order_status 'paid'; allowed values: give_order, cancel_pay, "
                            + "cancel_give_order, pay, payed, refund")
                    .hasMessageContaining("method UnknownValues.coupon(String)")
                    .hasMessageContaining("@ReportCouponOrder(PAYED): status \"PAYED\": Unknown order_status 'PAYED'")
                    .hasMessageContaining("orderType \"presale\": Unknown order_type 'presale'");
        });
    }

    @Test
    void listsEveryProblemOfEveryBeanInOneException() {
        runner.withBean("brokenService", BrokenExpression.class).withBean("manyProblems", ManyProblems.class)
                .run(context -> {
                    String message = context.getStartupFailure().getMessage();
                    assertThat(message).startsWith("Invalid Youshu report annotations (11 problems):");
                    assertThat(message).contains(
                            "bean 'brokenService'",
                            "bean 'manyProblems' (" + ManyProblems.class.getName() + "), method ManyProblems.unknownParameter(String): "
                                    + "@ReportOrderStatus(pay): orderId \"#ordrId\": no parameter named 'ordrId' (parameters: orderId;",
                            "ManyProblems.outOfRange(String): @ReportOrderStatus(pay): orderId \"#p3\": #p3 is out of range: "
                                    + "the method has 1 parameter(s)",
                            "ManyProblems.resultWhenThrowing(String): @ReportOrderStatus(cancel_pay): orderTime \"#result.createdAt\": "
                                    + "#result is not available with on = AFTER_THROWING (use #ex)",
                            "ManyProblems.exceptionWhenReturning(String): @ReportEvent(pay_failed): props \"{reason: #ex.message}\": "
                                    + "#ex is only available with on = AFTER_THROWING",
                            "ManyProblems.resultOfVoid(String): @ReportOrderStatus(pay): orderTime \"#result\": "
                                    + "#result is not available: the method returns void",
                            "ManyProblems.unknownBean(String): @ReportOrderStatus(pay): orderAmount \"@prices.of(#orderId)\": "
                                    + "no bean named 'prices'",
                            "ManyProblems.missing(String): @ReportOrderStatus(pay): orderTime is required",
                            "ManyProblems.missing(String): @ReportOrderStatus(pay): the amounts are missing",
                            "ManyProblems.bothStatuses(String): @ReportOrderStatus(pay): give either status or statusExpression, not both",
                            "ManyProblems.orderAsEvent(String): @ReportEvent(custom_order): type \"custom_order\": use @ReportOrderStatus");
                    assertThat(((YoushuConfigurationException) context.getStartupFailure()).getAction())
                            .contains("-parameters", "#p0", "give_order");
                });
    }

    @Test
    void checksLazyBeansToo() {
        runner.withUserConfiguration(LazyBroken.class).run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(YoushuConfigurationException.class)
                        .hasMessageContaining("bean 'lazyBroken'"));
    }

    @Test
    void validAnnotationsStartFine() {
        runner.withBean(ValidService.class).run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyBroken {
        @Bean
        @Lazy
        BrokenExpression lazyBroken() {
            return new BrokenExpression();
        }
    }

    static class ValidService {
        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "T(java.time.Instant).now()",
                orderAmount = "1", payAmount = "1")
        public void pay(String orderId) {
        }
    }

    static class BrokenExpression {
        @ReportOrderStatus(status = "payed", orderId = "#orderId.", orderTime = "T(java.time.Instant).now()",
                orderAmount = "1", payAmount = "1")
        public void pay(String orderId) {
        }
    }

    static class UnknownValues {
        @ReportOrderStatus(status = "paid", orderType = "presale", orderId = "#orderId", orderTime = "0",
                orderAmount = "1", payAmount = "1")
        public void pay(String orderId) {
        }

        @ReportCouponOrder(status = "PAYED", orderId = "#orderId", orderTime = "0", couponBatchId = "'b'", payAmount = "1",
                couponIds = "{'c'}")
        public void coupon(String orderId) {
        }
    }

    static class ManyProblems {
        @ReportOrderStatus(status = "pay", orderId = "#ordrId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void unknownParameter(String orderId) {
        }

        @ReportOrderStatus(status = "pay", orderId = "#p3", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void outOfRange(String orderId) {
        }

        @ReportOrderStatus(status = "cancel_pay", orderId = "#orderId", orderTime = "#result.createdAt", orderAmount = "1",
                payAmount = "1", on = ReportOn.AFTER_THROWING)
        public Order resultWhenThrowing(String orderId) {
            return null;
        }

        @ReportEvent(type = "pay_failed", props = "{reason: #ex.message}")
        public Order exceptionWhenReturning(String orderId) {
            return null;
        }

        @ReportOrderStatus(status = "pay", orderId = "#orderId", orderTime = "#result", orderAmount = "1", payAmount = "1")
        public void resultOfVoid(String orderId) {
        }

        @ReportOrderStatus(status = "pay", orderId = "#orderId", orderTime = "0", orderAmount = "@prices.of(#orderId)",
                payAmount = "1")
        public void unknownBean(String orderId) {
        }

        @ReportOrderStatus(status = "pay", orderId = "#orderId", orderTime = "")
        public void missing(String orderId) {
        }

        @ReportOrderStatus(status = "pay", statusExpression = "'pay'", orderId = "#orderId", orderTime = "0",
                orderAmount = "1", payAmount = "1")
        public void bothStatuses(String orderId) {
        }

        @ReportEvent(type = "custom_order")
        public void orderAsEvent(String orderId) {
        }
    }
}
