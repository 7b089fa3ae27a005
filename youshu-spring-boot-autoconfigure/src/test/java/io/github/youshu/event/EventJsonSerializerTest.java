package io.github.youshu.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.YoushuReportException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonSerializerTest {

    /** Numbers are equal when their values are (30.3 == 30.30); everything else as usual. */
    private static final Comparator<JsonNode> NUMERIC_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final ObjectMapper reader = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final EventJsonSerializer serializer = new EventJsonSerializer();

    @Test
    void customOrderExampleMatchesGoldenFile() throws IOException {
        assertMatchesGolden(SpecExamples.customOrder(), "golden/custom_order.json");
    }

    @Test
    void couponOrderExampleMatchesGoldenFile() throws IOException {
        assertMatchesGolden(SpecExamples.couponOrder(), "golden/coupon_order.json");
    }

    @Test
    void genericEventWritesItsPropsBesideTheCommonProps() throws IOException {
        JsonNode json = reader.readTree(serializer.toJsonBytes(SpecExamples.generic()));

        assertThat(json.get("type").asText()).isEqualTo("add_to_cart");
        JsonNode props = json.get("props");
        assertThat(props.get("sku_id").asText()).isEqualTo("AOdjf7u");
        assertThat(props.get("sku_num").isInt()).isTrue();
        assertThat(props.get("page").asText()).isEqualTo("pages/product?sku_id=AOdjf7u");
        assertThat(props.get("wx_user").get("open_id").asText()).isEqualTo("ogN6X0T-ilsH-XmIdzXtuR1f1r3Q");
        assertThat(iterableOf(props.fieldNames()))
                .containsExactlyInAnyOrder("sku_id", "sku_num", "page", "page_title", "time", "wx_user", "chan", "component");
    }

    @Test
    void genericNestedValuesAreWrittenAndTheirNullsLeftOut() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("price", new BigDecimal("12.50"));
        nested.put("missing", null);
        YoushuEvent event = YoushuEvent.of("browse", GenericProps.builder()
                .put("goods", List.of(nested))
                .put("dropped", null)
                .build());

        String json = serializer.toJson(event);

        assertThat(json).isEqualTo("{\"type\":\"browse\",\"props\":{\"goods\":[{\"price\":12.50}]}}");
    }

    @Test
    void nullsAreLeftOutAndTimesAreIntegers() {
        YoushuEvent event = YoushuEvent.customOrder(CustomOrderProps.builder()
                .order("o-1", Instant.ofEpochMilli(1700000000123L), OrderStatus.PAYED)
                .subOrder("o-1", new BigDecimal("1.50"), new BigDecimal("0"))
                .common(CommonProps.builder().time(1700000000456L).build())
                .build());

        assertThat(serializer.toJson(event)).isEqualTo("{\"type\":\"custom_order\",\"props\":{"
                + "\"order\":{\"order_id\":\"o-1\",\"order_time\":1700000000123,\"order_status\":\"payed\"},"
                + "\"sub_orders\":[{\"sub_order_id\":\"o-1\",\"order_amt\":1.50,\"pay_amt\":0}],"
                + "\"time\":1700000000456}}");
    }

    @Test
    void trackingIdAndOrderTypeUseWireNames() {
        YoushuEvent event = YoushuEvent.customOrder(CustomOrderProps.builder()
                        .order(CustomOrder.builder().orderId("o-2").orderType(OrderType.PRESALE_DEPOSIT).build())
                        .build())
                .withFrom("shop")
                .withTrackingId("3f2c");

        assertThat(serializer.toJson(event)).isEqualTo("{\"type\":\"custom_order\",\"from\":\"shop\","
                + "\"tracking_id\":\"3f2c\",\"props\":{\"order\":{\"order_id\":\"o-2\",\"order_type\":\"presale_deposit\"},"
                + "\"sub_orders\":[]}}");
    }

    @Test
    void amountsAreWrittenAsPlainNumbers() throws IOException {
        YoushuEvent event = YoushuEvent.couponOrder(CouponOrderProps.builder()
                .coupon(CouponOrder.builder().orderId("c").payAmt(new BigDecimal("1E+3")).build())
                .build());

        JsonNode payAmt = reader.readTree(serializer.toJsonBytes(event)).at("/props/coupon/pay_amt");

        assertThat(serializer.toJson(event)).contains("\"pay_amt\":1000");
        assertThat(payAmt.isNumber()).isTrue();
    }

    @Test
    void bytesAreUtf8OfTheSameJson() {
        YoushuEvent event = SpecExamples.couponOrder();

        assertThat(new String(serializer.toJsonBytes(event), StandardCharsets.UTF_8)).isEqualTo(serializer.toJson(event));
    }

    @Test
    void unwritableGenericValueFailsNamingTypeAndOrderId() {
        YoushuEvent event = YoushuEvent.of("refund_apply", GenericProps.builder()
                .put("order_id", "o-9")
                .put("when", new Object())
                .build());

        assertThatThrownBy(() -> serializer.toJsonBytes(event))
                .isInstanceOf(YoushuReportException.class)
                .hasMessageContaining("refund_apply")
                .hasMessageContaining("o-9")
                .hasMessageContaining("cannot be written as JSON");
    }

    private void assertMatchesGolden(YoushuEvent event, String golden) throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(golden)) {
            assertThat(in).as(golden).isNotNull();
            expected = reader.readTree(in);
        }

        JsonNode actual = reader.readTree(serializer.toJsonBytes(event));

        assertThat(actual.equals(NUMERIC_VALUE, expected))
                .as("serialized %s%nexpected %s", actual, expected)
                .isTrue();
        assertThat(actual.at("/props/time").isIntegralNumber()).isTrue();
    }

    private static <T> List<T> iterableOf(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
