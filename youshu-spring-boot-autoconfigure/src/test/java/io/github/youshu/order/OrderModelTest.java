package io.github.youshu.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderModelTest {

    @Test
    void orderStatusCodesAreExactlyTheEightOfSection8() {
        assertThat(Arrays.stream(OrderStatusCode.values()).map(OrderStatusCode::code))
                .containsExactly("1110", "1130", "1140", "1150", "1160", "1180", "1280", "1290");
        assertThat(OrderStatusCode.fromCode("1150")).isEqualTo(OrderStatusCode.PAID);
        assertThatThrownBy(() -> OrderStatusCode.fromCode("1170"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1170").hasMessageContaining("1110, 1130, 1140, 1150, 1160, 1180, 1280, 1290");
    }

    @Test
    void closedCodeSetsCarryTheirWireCodes() {
        assertThat(Arrays.stream(OrderSource.values()).map(OrderSource::code)).containsExactly("wxapp", "app",
                "mobileweb", "pcweb", "offstore_pos_manual", "offstore_pos_self_help", "other");
        assertThat(Arrays.stream(OrderTypeCode.values()).map(OrderTypeCode::code)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(IsGift.GIFT.code()).isEqualTo(1);
        assertThat(IsGift.NOT_GIFT.code()).isZero();
        assertThat(IsDeleted.DELETED.code()).isEqualTo(1);
        assertThat(CouponType.WECHAT_PAY.code()).isEqualTo(2);
        assertThat(PromotionType.MEMBER_PRICE.code()).isEqualTo(1);
        assertThat(CommissionType.FIXED.code()).isEqualTo(2);
        assertThat(List.of(PaymentInfo.WECHAT_PAY, PaymentInfo.ALIPAY, PaymentInfo.OTHER)).containsExactly("00009", "00010", "99999");
    }

    @Test
    void endpointsAreThePathsOfSection2() {
        assertThat(Arrays.stream(DataApiEndpoint.values()).map(DataApiEndpoint::path))
                .containsExactly("order/add_order", "order/update", "return_order/add", "order/add_order_sum");
    }

    @Test
    void timeRefusesTypesWithoutAnInstantNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> DataApiTime.of(LocalDate.of(2023, 11, 16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Instant, OffsetDateTime, ZonedDateTime, LocalDateTime or epoch milliseconds")
                .hasMessageContaining("LocalDate");
        assertThatThrownBy(() -> DataApiTime.of(LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localTimesWaitForTheZone() {
        DataApiTime local = DataApiTime.of(LocalDateTime.of(2023, 11, 16, 0, 0));

        assertThat(local.isLocal()).isTrue();
        assertThat(local).isEqualTo(DataApiTime.startOf(LocalDate.of(2023, 11, 16)));
        assertThat(local.toEpochMilli(ZoneId.of("Asia/Shanghai"))).isEqualTo(1_700_064_000_000L);
        assertThat(DataApiTime.of(Instant.ofEpochMilli(5)).isLocal()).isFalse();
        assertThat(DataApiTime.ofEpochMilli(1_700_000_000_000L)).hasToString("1700000000000")
                .isEqualTo(DataApiTime.of(Instant.ofEpochMilli(1_700_000_000_000L)));
    }

    @Test
    void itemsAreImmutable() {
        List<GoodsInfo> lines = new ArrayList<>(OrderExamples.specExample().goodsInfo());
        YoushuOrder order = OrderExamples.specExample().toBuilder().goodsInfo(lines).build();

        lines.clear();

        assertThat(order.goodsInfo()).hasSize(2);
        assertThatThrownBy(() -> order.goodsInfo().add(order.goodsInfo().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.paymentInfo().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRebuildsAnEqualItem() {
        YoushuOrder order = OrderExamples.everyField();

        assertThat(order.toBuilder().build()).isEqualTo(order);
        assertThat(order.userInfo().toBuilder().build()).isEqualTo(order.userInfo());
        assertThat(order.goodsInfo().get(0).toBuilder().build()).isEqualTo(order.goodsInfo().get(0));
        assertThat(OrderExamples.returnOrder().toBuilder().build()).isEqualTo(OrderExamples.returnOrder());
        assertThat(OrderExamples.dailyTotal().toBuilder().build()).isEqualTo(OrderExamples.dailyTotal());
    }

    @Test
    void returnOrderStatusIs1290Already() {
        assertThat(ReturnOrder.builder().build().returnOrderStatus()).isEqualTo(OrderStatusCode.RETURN_AND_REFUND_COMPLETED);
    }

    @Test
    void skuWithoutSpuTakesTheSkuAsSpu() {
        GoodsInfo line = GoodsInfo.builder().skuWithoutSpu("SKU-B", "袜子").goodsNum(1)
                .goodsAmount(BigDecimal.ONE).paymentAmount(BigDecimal.ONE).build();

        assertThat(line.externalSpuId()).isEqualTo("SKU-B");
        assertThat(line.spuNameChinese()).isEqualTo("袜子");
    }

    @Test
    void nullEntriesInListsAreRefused() {
        List<PaymentInfo> payments = new ArrayList<>();
        payments.add(null);

        assertThatThrownBy(() -> OrderExamples.specExample().toBuilder().paymentInfo(payments).build())
                .isInstanceOf(NullPointerException.class);
    }
}
