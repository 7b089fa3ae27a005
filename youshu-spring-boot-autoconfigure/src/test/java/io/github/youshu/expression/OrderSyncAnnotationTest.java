package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.RecordingYoushuOrders;
import io.github.youshu.YoushuReportException;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.annotation.SyncOrder;
import io.github.youshu.annotation.SyncOrderStatus;
import io.github.youshu.annotation.SyncReturnOrder;
import io.github.youshu.order.DataApiTime;
import io.github.youshu.order.OrderExamples;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.YoushuOrderMapper;
import io.github.youshu.order.YoushuReturnOrderMapper;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @SyncOrder}, {@code @SyncOrderStatus}, {@code @SyncReturnOrder}: what reaches {@code YoushuOrders}. */
class OrderSyncAnnotationTest {

    static final Instant NOW = Instant.parse("2024-06-02T01:02:03Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    @Test
    void syncOrderSendsAYoushuOrderAsItIs() {
        runner.run(context -> {
            ShopService service = context.getBean(ShopService.class);
            YoushuOrder returned = service.placeYoushuOrder();
            assertThat(orders(context).items).containsExactly(returned);
        });
    }

    @Test
    void syncOrderMapsTheApplicationsTypeWithItsMapper() {
        runner.run(context -> {
            context.getBean(ShopService.class).pay(new ShopOrder("S-1", true));
            YoushuOrder sent = orders(context).itemsOf(YoushuOrder.class).get(0);
            assertThat(sent.externalOrderId()).isEqualTo("S-1");
            assertThat(sent).isEqualTo(ShopOrderMapper.map("S-1"));
        });
    }

    @Test
    void theClosestMapperWinsForASubclass() {
        runner.run(context -> {
            context.getBean(ShopService.class).payGift(new GiftOrder("G-1"));
            assertThat(orders(context).itemsOf(YoushuOrder.class)).singleElement()
                    .extracting(YoushuOrder::externalOrderId).isEqualTo("gift:G-1");
        });
    }

    @Test
    void conditionFalseSendsNothing() {
        runner.run(context -> {
            context.getBean(ShopService.class).pay(new ShopOrder("S-2", false));
            assertThat(orders(context).items).isEmpty();
        });
    }

    @Test
    void syncOrderStatusSendsTheCodeTheOrderIdAndTheTime() {
        runner.run(context -> {
            context.getBean(ShopService.class).ship("S-3", LocalDateTime.of(2024, 6, 1, 10, 0));
            OrderStatusUpdate update = orders(context).itemsOf(OrderStatusUpdate.class).get(0);
            assertThat(update).isEqualTo(new OrderStatusUpdate("S-3", OrderStatusCode.SHIPPED,
                    DataApiTime.of(LocalDateTime.of(2024, 6, 1, 10, 0))));
        });
    }

    @Test
    void withoutATimeTheStatusChangeTimeIsTheClocksNow() {
        runner.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC)).run(context -> {
            context.getBean(ShopService.class).complete("S-4");
            assertThat(orders(context).itemsOf(OrderStatusUpdate.class)).containsExactly(
                    new OrderStatusUpdate("S-4", OrderStatusCode.COMPLETED, DataApiTime.of(NOW)));
        });
    }

    @Test
    void repeatedAnnotationsSendOneItemEachInDeclarationOrder() {
        runner.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC)).run(context -> {
            context.getBean(ShopService.class).shipAndComplete("S-5");
            assertThat(orders(context).itemsOf(OrderStatusUpdate.class)).extracting(OrderStatusUpdate::orderStatus)
                    .containsExactly(OrderStatusCode.SHIPPED, OrderStatusCode.COMPLETED);
        });
    }

    @Test
    void afterThrowingSendsWhenTheMethodThrowsAndTheExceptionPropagates() {
        runner.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC)).run(context -> {
            ShopService service = context.getBean(ShopService.class);
            assertThatThrownBy(() -> service.failPayment("S-6")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("declined");
            assertThat(orders(context).itemsOf(OrderStatusUpdate.class)).containsExactly(
                    new OrderStatusUpdate("S-6", OrderStatusCode.CANCELLED_BEFORE_PAYMENT, DataApiTime.of(NOW)));
        });
    }

    @Test
    void afterReturningSendsNothingWhenTheMethodThrows() {
        runner.run(context -> {
            ShopService service = context.getBean(ShopService.class);
            assertThatThrownBy(() -> service.shipButFail("S-7")).isInstanceOf(IllegalStateException.class);
            assertThat(orders(context).items).isEmpty();
        });
    }

    @Test
    void syncReturnOrderMapsAndSendsTheReturn() {
        runner.run(context -> {
            context.getBean(ShopService.class).completeReturn(new ShopReturn("R-1"));
            assertThat(orders(context).itemsOf(ReturnOrder.class)).singleElement()
                    .extracting(ReturnOrder::externalReturnOrderId).isEqualTo("R-1");
        });
    }

    @Test
    void oneProxyHandlesAReportAndASyncAnnotationOnOneMethod() {
        runner.run(context -> {
            ShopService service = context.getBean(ShopService.class);
            assertThat(AopUtils.isCglibProxy(service)).isTrue();
            service.payBoth("S-8");
            assertThat(orders(context).itemsOf(OrderStatusUpdate.class)).extracting(OrderStatusUpdate::externalOrderId)
                    .containsExactly("S-8");
            assertThat(context.getBean(RecordingEventDispatcher.class).events).singleElement()
                    .satisfies(event -> assertThat(event.orderId()).isEqualTo("S-8"));
        });
    }

    @Test
    void aCompletionStageIsSentWhenItCompletes() {
        runner.run(context -> {
            CompletableFuture<ShopOrder> pending = new CompletableFuture<>();
            context.getBean(ShopService.class).payLater(pending);
            assertThat(orders(context).items).isEmpty();
            pending.complete(new ShopOrder("S-9", true));
            assertThat(orders(context).itemsOf(YoushuOrder.class)).extracting(YoushuOrder::externalOrderId)
                    .containsExactly("S-9");
        });
    }

    @Test
    void insideTransactionalTheItemIsHandedOverInsideTheTransaction() {
        // As in an application: the transaction advisor is registered first (the auto-configuration runs
        // after TransactionAutoConfiguration), so the sync runs inside the transaction, like the reports.
        new ApplicationContextRunner().withUserConfiguration(Transactions.class, ReportingTestConfiguration.class, Services.class)
                .run(context -> {
            context.getBean(ShopService.class).payInTransaction(new ShopOrder("S-10", true));
            RecordingYoushuOrders orders = orders(context);
            assertThat(orders.items).hasSize(1);
            assertThat(orders.inTransaction).containsExactly(true);
        });
    }

    @Test
    void aFailingMapperIsLoggedAndNeverReachesTheCaller() {
        runner.run(context -> {
            try (LogCapture log = new LogCapture(ReportFailureLog.class, ch.qos.logback.classic.Level.WARN)) {
                ShopOrder result = context.getBean(ShopService.class).pay(new ShopOrder("boom", true));
                assertThat(result.id()).isEqualTo("boom");
                assertThat(orders(context).items).isEmpty();
                assertThat(log.messages()).singleElement().asString()
                        .contains("order/add_order item not sent")
                        .contains("@SyncOrder(#result).order \"#result\" could not be mapped: mapper refuses boom")
                        .contains("item dropped");
            }
        });
    }

    @Test
    void aFailingMapperIsThrownAfterTheMethodInThrowMode() {
        runner.withBean(ReportingSettings.class, () -> new ReportingSettings(FailureMode.THROW, ReportingTestConfiguration.ZONE,
                        "test-shop", "wx0123456789abcdef", ReportingTestConfiguration.SETTINGS.defaults()))
                .run(context -> assertThatThrownBy(() -> context.getBean(ShopService.class).pay(new ShopOrder("boom", true)))
                        .isInstanceOf(YoushuReportException.class)
                        .hasMessageContaining("could not be mapped: mapper refuses boom"));
    }

    private static RecordingYoushuOrders orders(org.springframework.context.ApplicationContext context) {
        return context.getBean(RecordingYoushuOrders.class);
    }

    /** The application's own order type. */
    public record ShopOrder(String id, boolean paid) {
    }

    /** A subclass-like variant: a record cannot extend, so an interface carries the shared type. */
    public interface Gift {
        String code();
    }

    public record GiftOrder(String code) implements Gift {
    }

    public record ShopReturn(String id) {
    }

    static class ShopOrderMapper implements YoushuOrderMapper<ShopOrder> {
        @Override
        public YoushuOrder map(ShopOrder source) {
            if (source.id().equals("boom")) {
                throw new IllegalArgumentException("mapper refuses boom");
            }
            return map(source.id());
        }

        static YoushuOrder map(String id) {
            return OrderExamples.specExample().toBuilder().externalOrderId(id).build();
        }
    }

    public static class ShopService {

        @SyncOrder(order = "#result")
        public YoushuOrder placeYoushuOrder() {
            return OrderExamples.specExample();
        }

        @SyncOrder(order = "#result", condition = "#result.paid")
        public ShopOrder pay(ShopOrder order) {
            return order;
        }

        @SyncOrder(order = "#order")
        public void payGift(GiftOrder order) {
        }

        @SyncOrder
        public CompletableFuture<ShopOrder> payLater(CompletableFuture<ShopOrder> pending) {
            return pending;
        }

        @Transactional
        @SyncOrder
        public ShopOrder payInTransaction(ShopOrder order) {
            return order;
        }

        @SyncOrderStatus(orderId = "#orderId", status = "1160", time = "#shippedAt")
        public void ship(String orderId, LocalDateTime shippedAt) {
        }

        @SyncOrderStatus(orderId = "#orderId", status = "COMPLETED")
        public void complete(String orderId) {
        }

        @SyncOrderStatus(orderId = "#orderId", status = "1160")
        @SyncOrderStatus(orderId = "#orderId", status = "1180")
        public void shipAndComplete(String orderId) {
        }

        @SyncOrderStatus(orderId = "#orderId", status = "1130", on = ReportOn.AFTER_THROWING)
        public void failPayment(String orderId) {
            throw new IllegalStateException("declined");
        }

        @SyncOrderStatus(orderId = "#orderId", status = "1160")
        public void shipButFail(String orderId) {
            throw new IllegalStateException("no parcel");
        }

        @SyncReturnOrder(returnOrder = "#result")
        public ShopReturn completeReturn(ShopReturn shopReturn) {
            return shopReturn;
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        @SyncOrderStatus(orderId = "#result.id", status = "1150", time = "#result.createdAt")
        public Order payBoth(String orderId) {
            return Order.of(orderId);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {

        @Bean
        ShopService shopService() {
            return new ShopService();
        }

        @Bean
        RecordingYoushuOrders recordingYoushuOrders() {
            return new RecordingYoushuOrders();
        }

        @Bean
        ShopOrderMapper shopOrderMapper() {
            return new ShopOrderMapper();
        }

        @Bean
        YoushuOrderMapper<Gift> giftMapper() {
            return gift -> ShopOrderMapper.map("gift:" + gift.code());
        }

        @Bean
        YoushuOrderMapper<Object> anythingMapper() {
            return anything -> ShopOrderMapper.map("object:" + anything);
        }

        @Bean
        YoushuReturnOrderMapper<ShopReturn> returnMapper() {
            return shopReturn -> OrderExamples.returnOrder().toBuilder().externalReturnOrderId(shopReturn.id()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Transactions {

        @Bean
        PlatformTransactionManager transactionManager() {
            return new AbstractPlatformTransactionManager() {
                @Override
                protected Object doGetTransaction() {
                    return new Object();
                }

                @Override
                protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
                }

                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                }

                @Override
                protected void doRollback(DefaultTransactionStatus status) {
                }
            };
        }
    }
}
