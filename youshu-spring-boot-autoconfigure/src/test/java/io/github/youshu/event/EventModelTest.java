package io.github.youshu.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventModelTest {

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void orderStatusIsFoundByItsWireValue(OrderStatus status) {
        assertThat(OrderStatus.fromWireValue(status.wireValue())).isSameAs(status);
    }

    @Test
    void orderStatusWireValuesAreTheDocumentedOnes() {
        assertThat(Arrays.stream(OrderStatus.values()).map(OrderStatus::wireValue))
                .containsExactly("give_order", "cancel_pay", "cancel_give_order", "pay", "payed", "refund");
        assertThat(Arrays.stream(OrderType.values()).map(OrderType::wireValue))
                .containsExactly("normal", "presale_deposit", "presale_balance");
    }

    @Test
    void unknownOrderStatusNamesTheAllowedValues() {
        assertThatThrownBy(() -> OrderStatus.fromWireValue("paid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown order_status 'paid'; allowed values: give_order, cancel_pay, cancel_give_order, pay, payed, refund");
    }

    @ParameterizedTest
    @EnumSource(OrderType.class)
    void orderTypeIsFoundByItsWireValue(OrderType type) {
        assertThat(OrderType.fromWireValue(type.wireValue())).isSameAs(type);
    }

    @Test
    void unknownOrderTypeNamesTheAllowedValues() {
        assertThatThrownBy(() -> OrderType.fromWireValue(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown order_type 'null'; allowed values: normal, presale_deposit, presale_balance");
    }

    @Test
    void timesAreHeldAsEpochMillis() {
        Instant time = Instant.parse("2024-05-01T08:00:00.123456Z");

        assertThat(CommonProps.builder().time(time).build().time()).isEqualTo(1714550400123L);
        assertThat(CustomOrder.of("o", time, OrderStatus.PAY).orderTime()).isEqualTo(1714550400123L);
        assertThat(CouponOrder.builder().orderTime(time).build().orderTime()).isEqualTo(1714550400123L);
        assertThat(CommonProps.builder().time((Instant) null).build().time()).isNull();
    }

    @Test
    void listsAreUnmodifiableCopies() {
        List<SubOrder> subOrders = new ArrayList<>(List.of(new SubOrder("s1", BigDecimal.ONE, BigDecimal.ONE)));
        CustomOrderProps props = new CustomOrderProps(null, subOrders, null);
        subOrders.add(new SubOrder("s2", BigDecimal.ONE, BigDecimal.ONE));

        assertThat(props.subOrders()).hasSize(1);
        assertThatThrownBy(() -> props.subOrders().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> WxUser.builder().tag("t", "T").build().tags().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CouponOrderProps.builder().couponId("c").build().couponInfo().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullListEntriesAreRefusedByName() {
        List<SubOrder> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> new CustomOrderProps(null, withNull, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sub_orders must not contain null entries");
    }

    @Test
    void absentListsAndCommonPropsBecomeEmpty() {
        CouponOrderProps props = new CouponOrderProps(null, null, null);

        assertThat(props.couponInfo()).isEmpty();
        assertThat(props.common()).isSameAs(CommonProps.EMPTY);
        assertThat(GenericProps.builder().build().common()).isSameAs(CommonProps.EMPTY);
    }

    @Test
    void wholeOrderAsSubOrderRepeatsTheOrderId() {
        CustomOrderProps props = CustomOrderProps.builder()
                .wholeOrderAsSubOrder(new BigDecimal("12.00"), new BigDecimal("10.00"))
                .order("o-42", Instant.now(), OrderStatus.GIVE_ORDER)
                .build();

        assertThat(props.subOrders()).containsExactly(new SubOrder("o-42", new BigDecimal("12.00"), new BigDecimal("10.00")));
    }

    @Test
    void eachPropsTypeKnowsItsOrderId() {
        assertThat(SpecExamples.customOrder().orderId()).isEqualTo("xxxx");
        assertThat(SpecExamples.couponOrder().orderId()).isEqualTo("xxxx");
        assertThat(SpecExamples.generic().orderId()).isNull();
        assertThat(YoushuEvent.of("refund_apply", GenericProps.builder().put("order_id", 42L).build()).orderId()).isEqualTo("42");
        assertThat(CustomOrderProps.builder().build().orderId()).isNull();
        assertThat(CouponOrderProps.builder().build().orderId()).isNull();
    }

    @Test
    void commonPropsTakeOnlyAbsentValuesFromTheDefaults() {
        CommonProps event = CommonProps.builder()
                .page("pages/pay")
                .pageTitle(" ")
                .wxUser(WxUser.builder().openId("o-user").build())
                .chan(Chan.builder().chanId("ad-7").build())
                .build();
        CommonProps defaults = CommonProps.builder()
                .page("pages/index")
                .pageTitle("Shop")
                .time(1700000000000L)
                .wxUser(WxUser.builder().appId("wx-app").openId("o-default").build())
                .chan(Chan.builder().chanWxappScene(1001).chanId("default").build())
                .component(new Component("c1", "banner"))
                .build();

        CommonProps merged = event.withDefaults(defaults);

        assertThat(merged).isEqualTo(new CommonProps("pages/pay", "Shop", null, 1700000000000L,
                new WxUser("wx-app", "o-user", null, null, null, null),
                new Chan(1001, "ad-7", null, null, null, null),
                new Component("c1", "banner")));
    }

    @Test
    void chanCustomIsTakenWholeFromTheDefaults() {
        ChanCustom defaultCustom = ChanCustom.builder().id("d-1", "default").cat3("d", "ds").build();
        ChanCustom eventCustom = ChanCustom.builder().id("e-1", "event").build();
        Chan defaults = Chan.builder().chanWxappScene(1001).chanCustom(defaultCustom).build();

        assertThat(Chan.ofScene(1037).withDefaults(defaults).chanCustom()).isSameAs(defaultCustom);
        assertThat(Chan.builder().chanCustom(eventCustom).build().withDefaults(defaults).chanCustom()).isSameAs(eventCustom);
    }

    @Test
    void withoutDefaultsCommonPropsStayTheSame() {
        CommonProps common = SpecExamples.common();

        assertThat(common.withDefaults(null)).isSameAs(common);
        assertThat(common.withDefaults(CommonProps.EMPTY)).isSameAs(common);
    }

    @Test
    void eventWithDefaultsFillsFromAndCommonPropsAndKeepsItsOwnProps() {
        YoushuEvent event = YoushuEvent.customOrder(CustomOrderProps.builder()
                        .order("o-1", Instant.ofEpochMilli(1700000000000L), OrderStatus.PAYED)
                        .subOrder("o-1", BigDecimal.TEN, BigDecimal.TEN)
                        .common(CommonProps.builder().wxUser(WxUser.builder().openId("o-user").build()).build())
                        .build())
                .withTrackingId("t-1");
        CommonProps defaults = CommonProps.builder().page("pages/index").time(1700000000001L)
                .wxUser("wx-app", null).scene(1001).build();

        YoushuEvent filled = event.withDefaults("shop-backend", defaults);

        assertThat(filled.type()).isEqualTo("custom_order");
        assertThat(filled.from()).isEqualTo("shop-backend");
        assertThat(filled.trackingId()).isEqualTo("t-1");
        assertThat(filled.props()).isInstanceOf(CustomOrderProps.class);
        CustomOrderProps props = (CustomOrderProps) filled.props();
        assertThat(props.order()).isEqualTo(((CustomOrderProps) event.props()).order());
        assertThat(props.subOrders()).isEqualTo(((CustomOrderProps) event.props()).subOrders());
        assertThat(props.common()).isEqualTo(new CommonProps("pages/index", null, null, 1700000000001L,
                new WxUser("wx-app", "o-user", null, null, null, null), Chan.ofScene(1001), null));
    }

    @Test
    void eventWithDefaultsKeepsAGivenFrom() {
        YoushuEvent event = SpecExamples.couponOrder();

        assertThat(event.withDefaults("other", null)).isSameAs(event);
        assertThat(event.withFrom(" ").withDefaults("other", null).from()).isEqualTo("other");
    }

    @Test
    void genericPropsWithDefaultsKeepTheirOwnProps() {
        YoushuEvent event = YoushuEvent.of("add_to_cart", GenericProps.builder().put("sku_id", "s1").build());

        YoushuEvent filled = event.withDefaults("shop", CommonProps.builder().page("pages/index").build());

        assertThat(filled.props()).isEqualTo(GenericProps.of(Map.of("sku_id", "s1"), CommonProps.builder().page("pages/index").build()));
    }

    @Test
    void genericPropsRefuseTheCommonPropsNames() {
        assertThatThrownBy(() -> GenericProps.builder().put("page", "pages/index").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prop 'page' is a common prop: set it with CommonProps, not as a type-specific prop");
        assertThatThrownBy(() -> GenericProps.builder().put(" ", 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A prop name must not be blank");
    }

    @Test
    void genericPropsDropNullValuesAndAreUnmodifiable() {
        Map<String, Object> source = new HashMap<>();
        source.put("sku_id", "s1");
        source.put("gone", null);

        GenericProps props = GenericProps.of(source, null);
        source.put("later", 1);

        assertThat(props.properties()).containsExactly(Map.entry("sku_id", "s1"));
        assertThatThrownBy(() -> props.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRoundTrips() {
        CustomOrderProps custom = (CustomOrderProps) SpecExamples.customOrder().props();
        CouponOrderProps coupon = (CouponOrderProps) SpecExamples.couponOrder().props();
        GenericProps generic = (GenericProps) SpecExamples.generic().props();

        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        assertThat(coupon.toBuilder().build()).isEqualTo(coupon);
        assertThat(generic.toBuilder().build()).isEqualTo(generic);
        assertThat(SpecExamples.common().toBuilder().build()).isEqualTo(SpecExamples.common());
    }

    @Test
    void anEventNeedsProps() {
        assertThatThrownBy(() -> YoushuEvent.customOrder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("props");
    }
}
