package io.github.youshu.expression;

import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.annotation.SyncOrder;
import io.github.youshu.annotation.SyncOrderStatus;
import io.github.youshu.annotation.SyncReturnOrder;
import io.github.youshu.autoconfigure.YoushuConfigurationException;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.YoushuOrderMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The startup checks of the order sync annotations. */
class OrderSyncStartupTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class)
            .withBean(RecordingYoushuOrders.class);

    @Test
    void aBadStatusFailsWithDidYouMeanAndTheAllowedCodes() {
        runner.withBean("statuses", BadStatuses.class).run(context -> {
            assertThat(context.getStartupFailure()).isInstanceOf(YoushuConfigurationException.class);
            assertThat(context.getStartupFailure().getMessage()).contains(
                    "bean 'statuses' (" + BadStatuses.class.getName() + "), method BadStatuses.paid(String): "
                            + "@SyncOrderStatus(payed): status \"payed\" is not a data-api order status; "
                            + "did you mean '1150' (PAID)?; allowed: 1110 (CREATED), 1130 (CANCELLED_BEFORE_PAYMENT)",
                    "method BadStatuses.misspelt(String): @SyncOrderStatus(SHIPED): status \"SHIPED\" is not a data-api "
                            + "order status; did you mean '1160' (SHIPPED)?",
                    "method BadStatuses.unconfirmed(String): @SyncOrderStatus(1170): status \"1170\" is not a data-api order "
                            + "status; allowed: 1110 (CREATED)");
            assertThat(((YoushuConfigurationException) context.getStartupFailure()).getAction())
                    .contains("1160", "YoushuOrderMapper<YourType>");
        });
    }

    @ParameterizedTest
    @CsvSource({"1160, SHIPPED", "SHIPPED, SHIPPED", "shipped, SHIPPED", "return-and-refund-completed, RETURN_AND_REFUND_COMPLETED",
        "' 1290 ', RETURN_AND_REFUND_COMPLETED"})
    void aStatusIsItsCodeOrItsConstantName(String written, OrderStatusCode expected) {
        assertThat(ReportOperationParser.orderStatusCode(written)).isEqualTo(expected);
    }

    @Test
    void aTypeWithoutMapperFailsNamingTheTypeTheMethodAndTheFix() {
        runner.withBean("unmapped", Unmapped.class).run(context -> {
            String message = context.getStartupFailure().getMessage();
            assertThat(message).contains(
                    "method Unmapped.pay(String): @SyncOrder(#result): order: ShopOrder (" + ShopOrder.class.getName()
                            + ") is not a YoushuOrder and no YoushuOrderMapper bean maps it: declare a bean implementing "
                            + "YoushuOrderMapper<ShopOrder>, or make the expression give a io.github.youshu.order.YoushuOrder",
                    "method Unmapped.refund(String): @SyncReturnOrder(#result): returnOrder: ShopOrder ("
                            + ShopOrder.class.getName() + ") is not a ReturnOrder and no YoushuReturnOrderMapper bean maps it");
        });
    }

    @Test
    void aMapperForTheDeclaredTypeOrAYoushuOrderPasses() {
        runner.withBean("unmapped", Unmapped.class)
                .withBean("shopOrderMapper", ShopOrderMapper.class)
                .withBean("returnMapper", io.github.youshu.order.YoushuReturnOrderMapper.class,
                        () -> (io.github.youshu.order.YoushuReturnOrderMapper<ShopOrder>) order -> null)
                .run(context -> assertThat(context.getStartupFailure()).isNotNull().message()
                        .doesNotContain("Unmapped.pay(String)")
                        // the lambda's bean type is raw: its T cannot be resolved
                        .contains("the YoushuReturnOrderMapper bean 'returnMapper' does not declare its type argument"));
        runner.withBean("mapped", Mapped.class).withBean("shopOrderMapper", ShopOrderMapper.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void twoEquallyCloseMappersFailStartupNamingBoth() {
        runner.withBean("ambiguous", Ambiguous.class)
                .withBean("firstMapper", FirstMapper.class).withBean("secondMapper", SecondMapper.class)
                .run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                        "method Ambiguous.pay(String): @SyncOrder(#result): order: several YoushuOrderMapper beans fit "
                                + Both.class.getName() + ": 'firstMapper' (First), 'secondMapper' (Second); declare one for Both itself"));
    }

    @Test
    void brokenExpressionsAndWrongTypesFailStartup() {
        runner.withBean("broken", Broken.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "method Broken.syntax(String): @SyncOrder(#result.): order \"#result.\": not a valid SpEL expression",
                "method Broken.unknownProperty(String): @SyncOrderStatus(1160): orderId \"#result.idd\": #result is Shop (" + Mapped.Shop.class.getName() + "), which has no property 'idd'",
                "did you mean 'id'?",
                "method Broken.timeIsText(String): @SyncOrderStatus(1160): time \"#result.id\": gives String (java.lang.String), "
                        + "not a time",
                "method Broken.resultOfVoid(String): @SyncOrder(#result): order \"#result\": #result is not available: "
                        + "the method returns void"));
    }

    @Test
    void withoutAYoushuOrdersBeanStartupFailsNamingIt() {
        new ApplicationContextRunner().withUserConfiguration(ReportingTestConfiguration.class)
                .withBean("mapped", Mapped.class).withBean("shopOrderMapper", ShopOrderMapper.class)
                .run(context -> assertThat(context.getStartupFailure().getMessage())
                        .contains("method Mapped.pay(String): @SyncOrder(#result): there is no YoushuOrders bean"));
    }

    public record ShopOrder(String id) {
    }

    static class ShopOrderMapper implements YoushuOrderMapper<ShopOrder> {
        @Override
        public YoushuOrder map(ShopOrder source) {
            return null;
        }
    }

    public interface First {
    }

    public interface Second {
    }

    public record Both(String id) implements First, Second {
    }

    static class FirstMapper implements YoushuOrderMapper<First> {
        @Override
        public YoushuOrder map(First source) {
            return null;
        }
    }

    static class SecondMapper implements YoushuOrderMapper<Second> {
        @Override
        public YoushuOrder map(Second source) {
            return null;
        }
    }

    public static class Ambiguous {
        @SyncOrder
        public Both pay(String orderId) {
            return new Both(orderId);
        }
    }

    public static class BadStatuses {
        @SyncOrderStatus(orderId = "#orderId", status = "payed")
        public void paid(String orderId) {
        }

        @SyncOrderStatus(orderId = "#orderId", status = "SHIPED")
        public void misspelt(String orderId) {
        }

        @SyncOrderStatus(orderId = "#orderId", status = "1170")
        public void unconfirmed(String orderId) {
        }
    }

    public static class Unmapped {
        @SyncOrder
        public ShopOrder pay(String orderId) {
            return new ShopOrder(orderId);
        }

        @SyncReturnOrder
        public ShopOrder refund(String orderId) {
            return new ShopOrder(orderId);
        }
    }

    public static class Mapped {
        @SyncOrder
        public ShopOrder pay(String orderId) {
            return new ShopOrder(orderId);
        }

        /** A shop order with an id. */
        public record Shop(String id, Instant at) {
        }
    }

    public static class Broken {
        @SyncOrder(order = "#result.")
        public ShopOrder syntax(String orderId) {
            return null;
        }

        @SyncOrderStatus(orderId = "#result.idd", status = "1160")
        public Mapped.Shop unknownProperty(String orderId) {
            return null;
        }

        @SyncOrderStatus(orderId = "#orderId", status = "1160", time = "#result.id")
        public Mapped.Shop timeIsText(String orderId) {
            return null;
        }

        @SyncOrder
        public void resultOfVoid(String orderId) {
        }
    }
}
