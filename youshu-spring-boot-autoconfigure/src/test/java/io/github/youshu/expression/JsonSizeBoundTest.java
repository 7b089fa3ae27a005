package io.github.youshu.expression;

import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.Component;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrder;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.OrderType;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimate a deferred event is counted at in the memory queue until it is written (issue 14
 * item 1) is an upper bound of what {@link EventJsonSerializer} writes, for plain, non-ASCII and
 * control-character text, every optional part, and many sub orders.
 */
class JsonSizeBoundTest {

    private static final EventJsonSerializer SERIALIZER = new EventJsonSerializer();

    @Test
    void boundsATypicalPaidOrder() {
        assertBounds(customOrder("SO-20261123-0001", "oUser-1", "pages/pay/result", 1));
    }

    @Test
    void boundsTextOfControlCharactersAndNonAsciiCharacters() {
        assertBounds(customOrder("\u0001\u0002\u0003\u0004", "\u0000".repeat(40), "支付成功页/😀".repeat(20), 3));
    }

    @Test
    void boundsEveryOptionalPartAndManySubOrders() {
        List<SubOrder> subOrders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            subOrders.add(new SubOrder("SO-1-" + i, new BigDecimal("999999999999.99"), new BigDecimal("-0.01")));
        }
        CommonProps common = new CommonProps("p\"a\\g\ne", "标题\t", "1.2.3", 1_763_892_000_000L,
                new WxUser("wx0000000000test0", "o\u0007pen", "user", "union", "local",
                        List.of(new WxUserTag("t\u001f", "名字"), new WxUserTag("2", "b"))),
                new Chan(Integer.MAX_VALUE, "chan\b", "wxrefer", "shop", "店\f", new ChanCustom("a", "b\r", "c", "d", "e", "f",
                        "g", "h")),
                new Component("comp\u0010", "名"));
        YoushuEvent event = new YoushuEvent(YoushuEvent.CUSTOM_ORDER, "test-shop", "track\u0011",
                new CustomOrderProps(new CustomOrder("SO-1", 1_763_892_000_000L, OrderStatus.GIVE_ORDER, OrderType.values()[0]),
                        subOrders, common));
        assertBounds(event);
    }

    @Test
    void boundsACouponOrder() {
        YoushuEvent event = new YoushuEvent(YoushuEvent.COUPON_ORDER, "test-shop", null, CouponOrderProps.builder()
                .coupon(new CouponOrder("CO-1\u0001", 1_763_892_000_000L, OrderStatus.PAYED, "batch-\u0002", new BigDecimal("9.90")))
                .couponId("coupon-1").couponId("coupon-\u0003")
                .common(new CommonProps("pages/coupon", null, null, 1_763_892_000_000L, WxUser.of("wx0000000000test0", "oUser-1"),
                        Chan.ofScene(1001), null))
                .build());
        assertBounds(event);
    }

    @Test
    void cannotBoundGenericProps() {
        assertThat(JsonSizeBound.of(YoushuEvent.of("add_to_cart", GenericProps.of(Map.of("sku", "A"), null)))).isEqualTo(-1);
    }

    private static YoushuEvent customOrder(String orderId, String openId, String page, int subOrders) {
        CustomOrderProps.Builder props = CustomOrderProps.builder()
                .order(new CustomOrder(orderId, 1_763_892_000_000L, OrderStatus.PAYED, null))
                .common(new CommonProps(page, null, null, 1_763_892_000_000L, WxUser.of("wx0000000000test0", openId),
                        Chan.ofScene(1001), null));
        for (int i = 0; i < subOrders; i++) {
            props.subOrder(orderId + "-" + i, new BigDecimal("19.99"), new BigDecimal("18.99"));
        }
        return new YoushuEvent(YoushuEvent.CUSTOM_ORDER, "test-shop", null, props.build());
    }

    private static void assertBounds(YoushuEvent event) {
        int written = SERIALIZER.toJsonBytes(event).length;
        assertThat(JsonSizeBound.of(event)).as("bound of %s bytes of JSON", written).isGreaterThanOrEqualTo(written);
    }
}
