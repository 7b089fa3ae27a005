package io.github.youshu.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.SubOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ReportOrderStatus}: what reaches the dispatcher for each way of giving the order. */
class ReportOrderStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("give_order", (Function<OrderService, Order>) s -> s.giveOrder("o-1")),
                Arguments.of("cancel_pay", (Function<OrderService, Order>) s -> s.cancelPay("o-1")),
                Arguments.of("cancel_give_order", (Function<OrderService, Order>) s -> s.cancelGiveOrder("o-1")),
                Arguments.of("pay", (Function<OrderService, Order>) s -> s.pay("o-1")),
                Arguments.of("payed", (Function<OrderService, Order>) s -> s.payed("o-1")),
                Arguments.of("refund", (Function<OrderService, Order>) s -> s.refund("o-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void reportsEachStatusWithTheWholeOrderAsOneSubOrder(String status, Function<OrderService, Order> call) {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);
            assertThat(AopUtils.isCglibProxy(service)).isTrue();

            long before = System.currentTimeMillis();
            Order returned = call.apply(service);
            long after = System.currentTimeMillis();

            assertThat(returned).isEqualTo(Order.of("o-1"));
            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            assertThat(dispatcher.events).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("custom_order");
                assertThat(event.orderId()).isEqualTo("o-1");
            });
            JsonNode json = dispatcher.single();
            long time = json.at("/props/time").asLong();
            assertThat(time).as("taken during the call").isBetween(before, after);
            assertThat(json).isEqualTo(JSON.readTree("""
                    {"type": "custom_order", "from": "test-shop",
                     "props": {
                       "order": {"order_id": "o-1", "order_time": %d, "order_status": "%s"},
                       "sub_orders": [{"sub_order_id": "o-1", "order_amt": 30.30, "pay_amt": 25.30}],
                       "page": "pages/index/index", "sr_sdk_version": "1.2.3", "time": %d,
                       "wx_user": {"app_id": "wx0123456789abcdef", "open_id": "o-open-o-1"},
                       "chan": {"chan_wxapp_scene": 1001}}}
                    """.formatted(Order.CREATED_AT.toEpochMilli(), status, time)));
            assertThat(dispatcher.invalid).isEmpty();
        });
    }

    @Test
    void takesTheStatusFromAnExpressionAndTheOrderTypeFromTheAnnotation() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);

            service.changeStatus("o-2", "refund");
            service.changeStatusTo("o-3", OrderStatus.PAYED);

            List<JsonNode> json = context.getBean(RecordingEventDispatcher.class).json();
            assertThat(json).extracting(event -> event.at("/props/order/order_status").asText()).containsExactly("refund", "payed");
            assertThat(json).extracting(event -> event.at("/props/order/order_type").asText())
                    .containsExactly("presale_deposit", "presale_deposit");
        });
    }

    @Test
    void readsSubOrdersFromModelObjectsMapsBeansAndRecords() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);

            service.split("o-4", List.of(
                    new SubOrder("s-1", new BigDecimal("1.10"), new BigDecimal("1.00")),
                    Map.of("sub_order_id", "s-2", "order_amt", "2.20", "pay_amt", 2),
                    Map.of("subOrderId", "s-3", "orderAmount", 3.3d, "payAmount", 3L),
                    Map.of("subOrderId", "s-4", "orderAmt", new BigDecimal("4.40"), "payAmt", 4),
                    new LineBean("s-5", new BigDecimal("5.50"), new BigDecimal("5.00")),
                    new LineRecord("s-6", new BigDecimal("6.60"), new BigDecimal("6.00"))));

            JsonNode subOrders = context.getBean(RecordingEventDispatcher.class).single().at("/props/sub_orders");
            assertThat(subOrders).isEqualTo(JSON.readTree("""
                    [{"sub_order_id": "s-1", "order_amt": 1.10, "pay_amt": 1.00},
                     {"sub_order_id": "s-2", "order_amt": 2.20, "pay_amt": 2},
                     {"sub_order_id": "s-3", "order_amt": 3.3, "pay_amt": 3},
                     {"sub_order_id": "s-4", "order_amt": 4.40, "pay_amt": 4},
                     {"sub_order_id": "s-5", "order_amt": 5.50, "pay_amt": 5.00},
                     {"sub_order_id": "s-6", "order_amt": 6.60, "pay_amt": 6.00}]
                    """));
        });
    }

    @Test
    void seesParametersByNameAndByPositionAndTheArgsArray() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);

            service.byPosition("o-5", new BigDecimal("12.34"), "open-5");

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/props/order/order_id").asText()).isEqualTo("o-5");
            assertThat(json.at("/props/sub_orders/0/order_amt").decimalValue()).isEqualByComparingTo("12.34");
            assertThat(json.at("/props/sub_orders/0/pay_amt").decimalValue()).isEqualByComparingTo("12.34");
            assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-5");
            assertThat(json.at("/props/page").asText()).isEqualTo("pages/byPosition");
        });
    }

    @Test
    void acceptsEveryTimeTypeAndReadsLocalDateTimeInTheConfiguredZone() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);
            Instant instant = Instant.parse("2024-06-01T00:00:00Z");

            service.placedAt("epoch", instant.toEpochMilli());
            service.placedAt("instant", instant);
            service.placedAt("date", Date.from(instant));
            service.placedAt("offset", OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(-5)));
            service.placedAt("zoned", ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
            // 08:00 in Asia/Shanghai (the configured youshu.zone) is 00:00 UTC.
            service.placedAt("local", LocalDateTime.of(2024, 6, 1, 8, 0));

            assertThat(context.getBean(RecordingEventDispatcher.class).json())
                    .extracting(event -> event.at("/props/order/order_time").asLong())
                    .containsOnly(instant.toEpochMilli())
                    .hasSize(6);
        });
    }

    @Test
    void unwrapsAnOptionalResult() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);

            assertThat(service.find("o-6")).contains(Order.of("o-6"));

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/order/order_id").asText())
                    .isEqualTo("o-6");
        });
    }

    @Test
    void resolvesBeansAndTheRootObject() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);

            service.withBeanAndRoot("o-7");

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/props/sub_orders/0/order_amt").decimalValue()).isEqualByComparingTo("99.00");
            assertThat(json.at("/props/page_title").asText()).isEqualTo("withBeanAndRoot@OrderService");
        });
    }

    @Test
    void reportsBothEventsOfTwoAnnotationsOnOneMethod() {
        runner.run(context -> {
            context.getBean(OrderService.class).payAndClose("o-8");

            assertThat(context.getBean(RecordingEventDispatcher.class).json())
                    .extracting(event -> event.at("/props/order/order_status").asText())
                    .containsExactly("pay", "payed");
        });
    }

    @Test
    void reportsNothingWhenTheConditionIsFalse() {
        runner.run(context -> {
            OrderService service = context.getBean(OrderService.class);

            assertThat(service.onlyPaid("o-9", false)).isEqualTo(Order.of("o-9"));
            assertThat(context.getBean(RecordingEventDispatcher.class).events).isEmpty();

            service.onlyPaid("o-10", true);
            assertThat(context.getBean(RecordingEventDispatcher.class).events).hasSize(1);
            assertThat(context.getBean(RecordingEventDispatcher.class).invalid).isEmpty();
        });
    }

    @Test
    void leavesMethodsWithoutAnnotationsAlone() {
        runner.run(context -> {
            assertThat(context.getBean(OrderService.class).notReported("o-11")).isEqualTo(Order.of("o-11"));
            assertThat(context.getBean(RecordingEventDispatcher.class).events).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {

        @Bean
        OrderService orderService() {
            return new OrderService();
        }

        @Bean
        Pricing pricing() {
            return new Pricing();
        }
    }

    static class Pricing {
        public BigDecimal fixedPrice() {
            return new BigDecimal("99.00");
        }
    }

    public static class LineBean {
        private final String subOrderId;
        private final BigDecimal orderAmount;
        private final BigDecimal payAmount;

        LineBean(String subOrderId, BigDecimal orderAmount, BigDecimal payAmount) {
            this.subOrderId = subOrderId;
            this.orderAmount = orderAmount;
            this.payAmount = payAmount;
        }

        public String getSubOrderId() {
            return subOrderId;
        }

        public BigDecimal getOrderAmount() {
            return orderAmount;
        }

        public BigDecimal getPayAmount() {
            return payAmount;
        }
    }

    public record LineRecord(String subOrderId, BigDecimal orderAmount, BigDecimal payAmount) {
    }

    static class OrderService {

        private static final String ID = "#result.id";
        private static final String TIME = "#result.createdAt";
        private static final String TOTAL = "#result.total";
        private static final String PAID = "#result.paid";
        private static final String OPEN_ID = "#result.openId";

        @ReportOrderStatus(status = "give_order", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order giveOrder(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "cancel_pay", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order cancelPay(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "cancel_give_order", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order cancelGiveOrder(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "pay", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order pay(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "payed", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order payed(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "refund", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order refund(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(statusExpression = "#status", orderType = "presale_deposit", orderId = "#id", orderTime = TIME,
                orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order changeStatus(String id, String status) {
            return Order.of(id);
        }

        @ReportOrderStatus(statusExpression = "#status", orderType = "presale_deposit", orderId = "#id", orderTime = TIME,
                orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order changeStatusTo(String id, OrderStatus status) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "payed", orderId = "#id", orderTime = TIME, subOrders = "#lines", openId = OPEN_ID)
        public Order split(String id, List<Object> lines) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "payed", orderId = "#p0", orderTime = TIME, orderAmount = "#a1", payAmount = "#args[1]",
                openId = "#openId", page = "'pages/' + #root.methodName")
        public Order byPosition(String id, BigDecimal amount, String openId) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "give_order", orderId = "#id", orderTime = "#time", orderAmount = "1", payAmount = "1",
                openId = "'o'")
        public void placedAt(String id, Object time) {
        }

        @ReportOrderStatus(status = "pay", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Optional<Order> find(String id) {
            return Optional.of(Order.of(id));
        }

        @ReportOrderStatus(status = "pay", orderId = ID, orderTime = TIME, orderAmount = "@pricing.fixedPrice()",
                payAmount = "@pricing.fixedPrice()", openId = OPEN_ID,
                pageTitle = "#root.method.name + '@' + #root.targetClass.simpleName")
        public Order withBeanAndRoot(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "pay", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        @ReportOrderStatus(status = "payed", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID, openId = OPEN_ID)
        public Order payAndClose(String id) {
            return Order.of(id);
        }

        @ReportOrderStatus(status = "payed", orderId = ID, orderTime = TIME, orderAmount = TOTAL, payAmount = PAID,
                openId = OPEN_ID, condition = "#paid")
        public Order onlyPaid(String id, boolean paid) {
            return Order.of(id);
        }

        public Order notReported(String id) {
            return Order.of(id);
        }
    }
}
