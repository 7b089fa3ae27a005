package io.github.youshu.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.delivery.DeliveryRoute;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.expression.ReportFailureLog;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.order.OrderExamples;
import io.github.youshu.order.OrderJsonSerializer;
import io.github.youshu.order.validation.OrderValidator;
import io.github.youshu.transport.DataSourceState;
import io.github.youshu.delivery.LogCapture;
import org.junit.jupiter.api.Test;

class DefaultYoushuOrdersTest {

    private final Dispatcher dispatcher = new Dispatcher();

    private DefaultYoushuOrders orders(FailureMode mode, boolean strictAmounts) {
        return new DefaultYoushuOrders(dispatcher, new OrderValidator(strictAmounts),
                new OrderJsonSerializer(ZoneId.of("Asia/Shanghai")), mode);
    }

    @Test
    void eachItemIsDispatchedOnTheRouteOfItsEndpointAsItsWireJson() {
        DefaultYoushuOrders orders = orders(FailureMode.LOG, false);

        assertThat(orders.addOrder(OrderExamples.specExample())).isTrue();
        assertThat(orders.updateStatus(OrderExamples.statusUpdate())).isTrue();
        assertThat(orders.addReturnOrder(OrderExamples.returnOrder())).isTrue();
        assertThat(orders.addOrderSum(OrderExamples.dailyTotal())).isTrue();

        assertThat(dispatcher.dispatched).extracting(OutboundEvent::route).containsExactly(
                DeliveryRoute.of(DataApiEndpoint.ADD_ORDER), DeliveryRoute.of(DataApiEndpoint.UPDATE_ORDER),
                DeliveryRoute.of(DataApiEndpoint.ADD_RETURN_ORDER), DeliveryRoute.of(DataApiEndpoint.ADD_ORDER_SUM));
        assertThat(dispatcher.dispatched).extracting(OutboundEvent::type)
                .containsExactly("order/add_order", "order/update", "return_order/add", "order/add_order_sum");
        assertThat(dispatcher.dispatched).extracting(OutboundEvent::orderingKey)
                .containsExactly("data-api:ORD-0001", "data-api:ORD-0001", "data-api:ORD-0001", null);
        assertThat(dispatcher.dispatched.get(0).jsonAsString())
                .isEqualTo(new OrderJsonSerializer(ZoneId.of("Asia/Shanghai")).toJson(OrderExamples.specExample()));
    }

    @Test
    void anInvalidItemIsCountedAndLoggedWithItsEndpointOrderIdAndPathNeverDispatched() {
        try (LogCapture log = LogCapture.of(ReportFailureLog.class)) {
            boolean sent = orders(FailureMode.LOG, false).addOrder(
                    OrderExamples.specExample().toBuilder().goodsNumTotal(0).build());

            assertThat(sent).isFalse();
            assertThat(dispatcher.dispatched).isEmpty();
            assertThat(dispatcher.invalid).singleElement().asString()
                    .contains("order/add_order").contains("ORD-0001").contains("orders[0].goods_num_total");
            assertThat(log.warnings()).singleElement().asString()
                    .contains("order/add_order").contains("ORD-0001").contains("orders[0].goods_num_total")
                    .contains("dropped");
        }
    }

    @Test
    void inThrowModeAnInvalidItemIsThrownNamingThePath() {
        assertThatExceptionOfType(YoushuReportException.class)
                .isThrownBy(() -> orders(FailureMode.THROW, false).addOrder(
                        OrderExamples.specExample().toBuilder().goodsNumTotal(0).build()))
                .withMessageContaining("ORD-0001").withMessageContaining("orders[0].goods_num_total");
        assertThat(dispatcher.dispatched).isEmpty();
    }

    @Test
    void amountWarningsAreLoggedAndTheItemSentUnlessStrict() {
        var order = OrderExamples.specExample().toBuilder().goodsNumTotal(4).build(); // Σ goods_num is 3
        try (LogCapture log = LogCapture.of(ReportFailureLog.class)) {
            assertThat(orders(FailureMode.LOG, false).addOrder(order)).isTrue();
            assertThat(log.warnings()).singleElement().asString().contains("strict-amounts").contains("goods_num_total");
        }
        assertThat(orders(FailureMode.LOG, true).addOrder(order)).as("strict: refused").isFalse();
        assertThat(dispatcher.dispatched).hasSize(1);
    }

    @Test
    void theFirstItemSentWithNoDataSourceConfiguredWarnsOnceWithThePropertyToSet() {
        DataSourceState notConfigured = new DataSourceState(DataSourceState.Status.NOT_CONFIGURED, null, null,
                "neither youshu.orders.data-source-id nor youshu.merchant-id is set",
                "youshu.orders.data-source-id (from the Youshu console) or youshu.merchant-id", 0, Instant.now());
        DefaultYoushuOrders orders = new DefaultYoushuOrders(dispatcher, new OrderValidator(),
                new OrderJsonSerializer(ZoneId.of("Asia/Shanghai")), FailureMode.LOG, () -> notConfigured);
        try (LogCapture log = LogCapture.of(DefaultYoushuOrders.class)) {
            assertThat(orders.addOrder(OrderExamples.specExample())).isTrue();
            assertThat(orders.updateStatus(OrderExamples.statusUpdate())).isTrue();

            assertThat(log.warnings()).singleElement().asString().contains("waits")
                    .contains("youshu.orders.data-source-id (from the Youshu console) or youshu.merchant-id");
        }
        assertThat(dispatcher.dispatched).hasSize(2);
    }

    @Test
    void aNullItemIsCountedNeverThrownInLogMode() {
        assertThat(orders(FailureMode.LOG, false).addOrder(null)).isFalse();
        assertThat(dispatcher.invalid).singleElement().asString().contains("order/add_order");
    }

    @Test
    void aDispatcherThatThrowsNeverReachesTheCaller() {
        dispatcher.failing = true;
        assertThat(orders(FailureMode.THROW, false).addOrder(OrderExamples.specExample())).isFalse();
        assertThat(dispatcher.invalid).singleElement().asString().contains("could not be handed to delivery");
    }

    private static final class Dispatcher implements EventDispatcher {

        final List<OutboundEvent> dispatched = new ArrayList<>();

        final List<String> invalid = new ArrayList<>();

        boolean failing;

        @Override
        public boolean dispatch(OutboundEvent event) {
            if (failing) {
                throw new IllegalStateException("store down");
            }
            dispatched.add(event);
            return true;
        }

        @Override
        public void countInvalid(String type) {
        }

        @Override
        public void invalid(String type, String orderId, String openId, String violations) {
            invalid.add(type + " " + orderId + ": " + violations);
        }
    }
}
