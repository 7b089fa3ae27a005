package io.github.youshu.order;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.youshu.order.validation.OrderValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: the items built with the model serialize to exactly the committed JSON — names,
 * key order, number scale ({@code 8.00}), times as 13-digit strings.
 */
class OrderJsonSerializerTest {

    /** Reads golden files keeping every number as written (157.90 stays 157.90) and writes them compact. */
    private static final ObjectMapper GOLDEN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final OrderJsonSerializer serializer = new OrderJsonSerializer(OrderExamples.ZONE);

    @Test
    void specExampleInItsEnvelopeMatchesGoldenFile() throws IOException {
        String envelope = "{\"dataSourceId\":\"10001\",\"orders\":[" + serializer.toJson(OrderExamples.specExample()) + "]}";

        assertThat(envelope).isEqualTo(golden("golden/data-api/add_order_spec_example.json"));
    }

    @Test
    void orderWithEveryFieldMatchesGoldenFile() throws IOException {
        assertThat(serializer.toJson(OrderExamples.everyField()))
                .isEqualTo(golden("golden/data-api/add_order_every_field.json"));
    }

    @Test
    void statusUpdateMatchesGoldenFile() throws IOException {
        assertThat(serializer.toJson(OrderExamples.statusUpdate())).isEqualTo(golden("golden/data-api/order_update.json"));
    }

    @Test
    void returnOrderMatchesGoldenFile() throws IOException {
        assertThat(serializer.toJson(OrderExamples.returnOrder())).isEqualTo(golden("golden/data-api/return_order.json"));
    }

    @Test
    void dailyTotalMatchesGoldenFile() throws IOException {
        assertThat(serializer.toJson(OrderExamples.dailyTotal())).isEqualTo(golden("golden/data-api/add_order_sum.json"));
    }

    @Test
    void goldenItemsAreValidWithoutWarnings() {
        OrderValidator strict = new OrderValidator(true);
        for (DataApiItem item : new DataApiItem[] {OrderExamples.specExample(), OrderExamples.everyField(),
                OrderExamples.statusUpdate(), OrderExamples.returnOrder(), OrderExamples.dailyTotal()}) {
            assertThat(strict.validate(item).errors()).as(item.endpoint().path()).isEmpty();
        }
    }

    @Test
    void everyAcceptedTimeTypeWritesTheSameEpochMillisString() {
        ZoneId zone = OrderExamples.ZONE;
        Instant instant = Instant.ofEpochMilli(1_700_000_000_123L);
        String expected = "\"status_change_time\":\"1700000000123\"";

        assertThat(serializer.toJson(OrderStatusUpdate.of("o", OrderStatusCode.PAID, 1_700_000_000_123L))).contains(expected);
        assertThat(serializer.toJson(OrderStatusUpdate.of("o", OrderStatusCode.PAID, instant))).contains(expected);
        assertThat(serializer.toJson(OrderStatusUpdate.of("o", OrderStatusCode.PAID, instant.atOffset(java.time.ZoneOffset.ofHours(-5)))))
                .contains(expected);
        assertThat(serializer.toJson(OrderStatusUpdate.of("o", OrderStatusCode.PAID, ZonedDateTime.ofInstant(instant, ZoneId.of("Europe/Paris")))))
                .contains(expected);
        assertThat(serializer.toJson(OrderStatusUpdate.of("o", OrderStatusCode.PAID, LocalDateTime.ofInstant(instant, zone))))
                .contains(expected);
    }

    @Test
    void localDateTimesAreTakenInTheSerializersZone() {
        OrderStatusUpdate update = OrderStatusUpdate.of("o", OrderStatusCode.PAID, LocalDateTime.of(2023, 11, 15, 6, 13, 20));

        assertThat(new OrderJsonSerializer(ZoneId.of("Asia/Shanghai")).toJson(update)).contains("\"1700000000000\"");
        assertThat(new OrderJsonSerializer(ZoneId.of("UTC")).toJson(update)).contains("\"1700028800000\"");
    }

    @Test
    void moneyIsWrittenWithTwoDecimalsAndNeverRounded() throws IOException {
        OrderSum sum = OrderExamples.dailyTotal().toBuilder()
                .giveOrderAmountSum(new BigDecimal("1E+3"))
                .paymentAmountSum(new BigDecimal("0.125"))
                .build();

        JsonNode json = GOLDEN.readTree(serializer.toJson(sum));

        assertThat(json.get("give_order_amount_sum").decimalValue()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(json.get("payment_amount_sum").decimalValue()).isEqualTo(new BigDecimal("0.125"));
    }

    @Test
    void absentOptionalFieldsAreLeftOutNeverNull() {
        YoushuOrder order = OrderExamples.specExample().toBuilder().paymentInfo(null).build();

        String json = serializer.toJson(order);

        assertThat(json).doesNotContain("null").doesNotContain("payment_info").doesNotContain("express_info")
                .doesNotContain("is_deleted").doesNotContain("sha256_user_phone");
    }

    @Test
    void closedCodesAreWrittenAsTheWireTypesOfSection3() throws IOException {
        JsonNode json = GOLDEN.readTree(serializer.toJson(OrderExamples.everyField()));

        assertThat(json.get("order_status").isTextual()).isTrue();
        assertThat(json.get("order_source").isTextual()).isTrue();
        assertThat(json.get("order_type").isInt()).isTrue();
        assertThat(json.get("is_deleted").isInt()).isTrue();
        assertThat(json.at("/goods_info/0/is_gift").isInt()).isTrue();
        assertThat(json.at("/coupon_info/0/coupon_type").isInt()).isTrue();
        assertThat(json.at("/promotion_info/0/promotion_type").isInt()).isTrue();
        assertThat(json.at("/goods_info/0/commission_info/0/commission_type").isInt()).isTrue();
        assertThat(json.at("/payment_info/0/payment_type").isTextual()).isTrue();
        assertThat(json.get("create_time").isTextual()).isTrue();
    }

    @Test
    void itemsKnowTheirEndpointAndOrderId() {
        assertThat(OrderExamples.specExample().endpoint().path()).isEqualTo("order/add_order");
        assertThat(OrderExamples.specExample().orderId()).isEqualTo("ORD-0001");
        assertThat(OrderExamples.statusUpdate().endpoint().path()).isEqualTo("order/update");
        assertThat(OrderExamples.statusUpdate().orderId()).isEqualTo("ORD-0001");
        assertThat(OrderExamples.returnOrder().endpoint().path()).isEqualTo("return_order/add");
        assertThat(OrderExamples.returnOrder().orderId()).isEqualTo("ORD-0001");
        assertThat(OrderExamples.dailyTotal().endpoint().path()).isEqualTo("order/add_order_sum");
        assertThat(OrderExamples.dailyTotal().orderId()).isNull();
        for (DataApiEndpoint endpoint : DataApiEndpoint.values()) {
            assertThat(endpoint.listKey()).isEqualTo("orders");
        }
    }

    @Test
    void endpointAndOrderIdAreNotWrittenIntoTheItem() {
        assertThat(serializer.toJson(OrderExamples.statusUpdate())).doesNotContain("endpoint").doesNotContain("\"order_id\"");
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = OrderJsonSerializerTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return GOLDEN.writeValueAsString(GOLDEN.readTree(in));
        }
    }
}
