package io.github.youshu.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * One event the {@link YoushuRecorder} recorded: what would have been sent to Youshu.
 *
 * @param type    the event type, e.g. {@code custom_order}
 * @param orderId the order id, {@code null} for events without one
 * @param status  the order status ({@code props.order.order_status}, or {@code props.coupon.order_status}
 *                for coupon_order; a data-api item's {@code order_status} or {@code return_order_status}),
 *                {@code null} for events without one
 * @param json    the event exactly as it would be sent: one JSON object
 */
public record RecordedEvent(String type, String orderId, String status, String json) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    static RecordedEvent of(String type, String orderId, String json) {
        JsonNode props = parse(json).path("props");
        JsonNode status = props.path("order").path("order_status");
        if (status.isMissingNode()) {
            status = props.path("coupon").path("order_status");
        }
        if (status.isMissingNode()) {
            // a data-api item: the order's status, or the return order's
            JsonNode item = parse(json);
            status = item.has("return_order_status") ? item.path("return_order_status") : item.path("order_status");
        }
        return new RecordedEvent(type, orderId, status.isValueNode() ? status.asText() : null, json);
    }

    /**
     * The value at a JSON pointer, as text: {@code value("/props/sub_orders/0/pay_amt")} gives
     * {@code "9.90"}, {@code value("/props/wx_user/open_id")} the open id.
     *
     * @return the value's text (numbers as written), the JSON of an object or array, or
     *         {@code null} when the event has nothing there
     */
    public String value(String jsonPointer) {
        JsonNode node = parse(json).at(jsonPointer);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Recorded Youshu event is not JSON: " + json, ex);
        }
    }
}
