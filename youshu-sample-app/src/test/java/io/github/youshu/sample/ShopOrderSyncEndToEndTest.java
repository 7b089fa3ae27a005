package io.github.youshu.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.youshu.simulator.OrderStatusChange;
import io.github.youshu.simulator.ReceivedItem;
import io.github.youshu.simulator.ReceivedOrder;
import io.github.youshu.simulator.YoushuSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample shop's backend order data, as {@code scripts/demo.sh} checks it: the orders synced by
 * {@code @SyncOrder} (through {@code ShopOrderMapper}), {@code @SyncOrderStatus} and {@code @SyncReturnOrder}
 * (through {@code ShopRefundMapper}) arrive at the embedded simulator with each order's final state and whole
 * status history, and the daily totals of the shop's own tables arrive when sent through the actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sample.simulator.port=0",
        "spring.datasource.url=jdbc:h2:mem:sample-order-sync;DB_CLOSE_DELAY=-1",
        "youshu.outbox.poll-interval=50ms",
        "youshu.delivery.flush-interval=50ms",
        "youshu.delivery.backoff-initial=50ms",
        "youshu.delivery.backoff-max=200ms"})
class ShopOrderSyncEndToEndTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private YoushuSimulator simulator;

    @Autowired
    private Clock clock;

    private ShopClient shop;

    @BeforeEach
    void shopClient() {
        shop = new ShopClient(port);
    }

    @Test
    void aDeliveredOrderArrivesWithItsLinesCouponPaymentAndWholeHistory() throws Exception {
        String openId = newOpenId();
        String delivered = shop.placeOrder(openId, ShopClient.TWO_LINES_WITH_COUPON);
        shop.steps(delivered, openId, "payment", "payment/confirm", "ship", "complete");

        ReceivedOrder order = awaitHistory(delivered, "1110", "1150", "1160", "1180");

        assertThat(order.status()).isEqualTo("1180");
        assertThat(order.history()).map(OrderStatusChange::endpoint)
                .containsExactly("order/add_order", "order/add_order", "order/update", "order/update");
        assertThat(order.history()).noneMatch(OrderStatusChange::outOfOrder);
        JsonNode item = ShopClient.JSON.readTree(order.json());   // the last add_order: when WeChat Pay confirmed
        assertThat(item.get("order_status").asText()).isEqualTo("1150");
        assertThat(item.get("goods_info")).hasSize(2);
        assertThat(item.at("/goods_info/0/external_sku_id").asText()).isEqualTo("SKU-TEE-WHITE-M");
        assertThat(item.at("/goods_info/1/goods_num").asInt()).isEqualTo(2);
        assertThat(item.get("goods_amount_total").decimalValue()).isEqualByComparingTo("98.80");
        assertThat(item.at("/coupon_info/0/coupon_amount_total").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(item.at("/coupon_info/0/coupon_detail/0/external_coupon_id").asText()).isEqualTo("CPN-10-OFF");
        assertThat(item.get("payment_amount").decimalValue()).isEqualByComparingTo("88.80");
        assertThat(item.at("/payment_info/0/payment_type").asText()).isEqualTo("00009");
        assertThat(item.at("/goods_info/0/payment_amount").decimalValue()
                .add(item.at("/goods_info/1/payment_amount").decimalValue()))
                .as("the coupon shared over the lines").isEqualByComparingTo("88.80");
        assertThat(item.at("/user_info/open_id").asText()).isEqualTo(openId);
    }

    @Test
    void aReturnedOrderEndsIn1290WithItsReturnOrder() throws Exception {
        String openId = newOpenId();
        String returned = shop.placeOrder(openId, ShopClient.TWO_LINES);
        shop.steps(returned, openId, "payment", "payment/confirm", "refund");
        String refundId = shop.post("/orders/" + returned + "/return", openId).get("id").asText();

        ReceivedOrder order = awaitHistory(returned, "1110", "1150", "1280", "1290");

        assertThat(order.status()).isEqualTo("1290");
        ReceivedItem returnOrder = await().atMost(DELIVERY_TIMEOUT).until(() -> simulator.returnOrders().stream()
                .filter(item -> item.id().equals(refundId)).findFirst(), Optional::isPresent).orElseThrow();
        JsonNode item = ShopClient.JSON.readTree(returnOrder.json());
        assertThat(item.get("external_order_id").asText()).isEqualTo(returned);
        assertThat(item.get("return_order_status").asText()).isEqualTo("1290");
        assertThat(item.get("return_order_amount").decimalValue()).isEqualByComparingTo("98.00");
        assertThat(item.get("return_num").asInt()).isEqualTo(2);
        assertThat(item.get("return_goods_info")).hasSize(2);
    }

    @Test
    void aCancelledOrderEndsIn1130() throws Exception {
        String openId = newOpenId();
        String cancelled = shop.placeOrder(openId, ShopClient.ONE_LINE);
        shop.steps(cancelled, openId, "payment", "payment/close", "cancel");

        assertThat(awaitHistory(cancelled, "1110", "1130").status()).isEqualTo("1130");
    }

    @Test
    void theDailyTotalsOfTheShopsTablesArriveWhenSentThroughTheActuator() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String refDate = Long.toString(today.atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
        JsonNode before = sendDailyTotals(today, refDate, null);

        String openId = newOpenId();
        String paid = shop.placeOrder(openId, ShopClient.TWO_LINES_WITH_COUPON);          // 88.80
        shop.steps(paid, openId, "payment", "payment/confirm");
        String unpaid = shop.placeOrder(openId, ShopClient.ONE_LINE);                       // 39.00
        shop.steps(unpaid, openId, "cancel");
        JsonNode after = sendDailyTotals(today, refDate, before.get("requestId").asText());

        JsonNode sums = after.get("item");
        JsonNode previous = before.get("item");
        assertThat(sums.get("give_order_num_sum").asInt() - previous.get("give_order_num_sum").asInt()).isEqualTo(2);
        assertThat(sums.get("give_order_amount_sum").decimalValue()
                .subtract(previous.get("give_order_amount_sum").decimalValue())).isEqualByComparingTo("127.80");
        assertThat(sums.get("payed_num_sum").asInt() - previous.get("payed_num_sum").asInt()).isEqualTo(1);
        assertThat(sums.get("payment_amount_sum").decimalValue()
                .subtract(previous.get("payment_amount_sum").decimalValue())).isEqualByComparingTo("88.80");
    }

    /**
     * POSTs {@code /actuator/youshudailytotals/{day}} and waits for the simulator's item of that
     * {@code ref_date} carried by a request other than {@code previousRequestId}; returns
     * {@code {"requestId":…, "item":{…}}}.
     */
    private JsonNode sendDailyTotals(LocalDate day, String refDate, String previousRequestId) throws Exception {
        JsonNode answer = shop.post("/actuator/youshudailytotals/" + day, "oUnused");
        assertThat(answer.get("sent").asBoolean()).as(answer.toString()).isTrue();
        ReceivedItem item = await().atMost(DELIVERY_TIMEOUT).until(() -> simulator.dailyTotals().stream()
                .filter(total -> total.id().equals(refDate) && !total.requestId().equals(previousRequestId))
                .findFirst(), Optional::isPresent).orElseThrow();
        return ShopClient.JSON.createObjectNode().put("requestId", item.requestId())
                .set("item", ShopClient.JSON.readTree(item.json()));
    }

    private ReceivedOrder awaitHistory(String orderId, String... statuses) {
        return await().atMost(DELIVERY_TIMEOUT)
                .until(() -> simulator.order(orderId), order -> order.isPresent()
                        && order.get().statuses().equals(List.of(statuses)))
                .orElseThrow();
    }

    private static String newOpenId() {
        return "oTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
