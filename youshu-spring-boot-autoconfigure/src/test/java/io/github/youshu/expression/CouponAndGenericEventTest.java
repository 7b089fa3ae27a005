package io.github.youshu.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.annotation.ReportCouponOrder;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.event.CouponInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ReportCouponOrder} and {@code @ReportEvent}. */
class CouponAndGenericEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    @Test
    void reportsACouponOrder() {
        runner.run(context -> {
            CouponService service = context.getBean(CouponService.class);

            CouponPurchase purchase = service.buy("open-1", "batch-7", 2);

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/type").asText()).isEqualTo("coupon_order");
            assertThat(json.at("/props/coupon")).isEqualTo(JSON.readTree("""
                    {"order_id": "c-1", "order_time": %d, "order_status": "payed", "coupon_batch_id": "batch-7", "pay_amt": 9.00}
                    """.formatted(purchase.createdAt().toEpochMilli())));
            assertThat(json.at("/props/coupon_info")).isEqualTo(JSON.readTree("[{\"coupon_id\": \"cp-1\"}, {\"coupon_id\": \"cp-2\"}]"));
            assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-1");
            assertThat(context.getBean(RecordingEventDispatcher.class).events.get(0).orderId()).isEqualTo("c-1");
        });
    }

    @Test
    void readsCouponIdsFromIdsMapsModelObjectsAndBeans() {
        runner.run(context -> {
            context.getBean(CouponService.class).buyMixed("c-2", List.of(
                    "cp-1", 2L, Map.of("coupon_id", "cp-3"), Map.of("couponId", "cp-4"), new CouponInfo("cp-5"), new Coupon("cp-6")));

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/coupon_info").findValuesAsText("coupon_id"))
                    .containsExactly("cp-1", "2", "cp-3", "cp-4", "cp-5", "cp-6");
        });
    }

    @Test
    void reportsAnyOtherEventTypeFromAMap() {
        runner.run(context -> {
            context.getBean(CartService.class).addToCart("open-2", "sku-1", 3);

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/type").asText()).isEqualTo("add_to_cart");
            assertThat(json.at("/props/sku_id").asText()).isEqualTo("sku-1");
            assertThat(json.at("/props/sku_num").asInt()).isEqualTo(3);
            assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-2");
            assertThat(json.at("/props/page").asText()).isEqualTo("pages/index/index");
            assertThat(context.getBean(RecordingEventDispatcher.class).events.get(0).orderId()).isNull();
        });
    }

    @Test
    void reportsAnyOtherEventTypeFromABeanWithSnakeCaseNames() {
        runner.run(context -> {
            context.getBean(CartService.class).browse("open-3", new Sku("sku-2", "Green tea", null));

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/type").asText()).isEqualTo("browse_sku");
            assertThat(json.at("/props/sku")).isEqualTo(JSON.readTree("{\"sku_id\": \"sku-2\", \"sku_name\": \"Green tea\"}"));
        });
    }

    @Test
    void reportsAnEventWithOnlyTheCommonProps() {
        runner.run(context -> {
            context.getBean(CartService.class).visit("open-4");

            JsonNode json = context.getBean(RecordingEventDispatcher.class).single();
            assertThat(json.at("/type").asText()).isEqualTo("visit");
            assertThat(json.at("/props/wx_user/open_id").asText()).isEqualTo("open-4");
        });
    }

    public record CouponPurchase(String orderNo, Instant createdAt, BigDecimal price, List<String> couponIds) {
    }

    public record Coupon(String couponId) {
    }

    public record Sku(String skuId, String skuName, String spuId) {
    }

    public record SkuView(Sku sku) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        CouponService couponService() {
            return new CouponService();
        }

        @Bean
        CartService cartService() {
            return new CartService();
        }
    }

    static class CouponService {

        @ReportCouponOrder(status = "payed", orderId = "#result.orderNo", orderTime = "#result.createdAt",
                couponBatchId = "#batchId", payAmount = "#result.price", couponIds = "#result.couponIds", openId = "#openId")
        public CouponPurchase buy(String openId, String batchId, int count) {
            return new CouponPurchase("c-1", Instant.parse("2024-06-01T10:00:00Z"), new BigDecimal("9.00"), List.of("cp-1", "cp-2"));
        }

        @ReportCouponOrder(statusExpression = "'give_order'", orderId = "#orderNo", orderTime = "1717200000000L",
                couponBatchId = "'batch-1'", payAmount = "0", couponIds = "#coupons", openId = "'open'")
        public void buyMixed(String orderNo, List<Object> coupons) {
        }
    }

    static class CartService {

        @ReportEvent(type = "add_to_cart", props = "{sku_id: #skuId, sku_num: #count}", openId = "#openId")
        public void addToCart(String openId, String skuId, int count) {
        }

        @ReportEvent(type = "browse_sku", props = "new io.github.youshu.expression.CouponAndGenericEventTest$SkuView(#sku)",
                openId = "#openId")
        public void browse(String openId, Sku sku) {
        }

        @ReportEvent(type = "visit", openId = "#openId")
        public void visit(String openId) {
        }
    }
}
