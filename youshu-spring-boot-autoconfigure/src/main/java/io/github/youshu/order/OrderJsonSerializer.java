package io.github.youshu.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.youshu.YoushuReportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Writes data-api items in Youshu's wire format (data-api.md §3–§7) with the library's own Jackson 2
 * mapper, independent of the application's: the wire's snake_case names, absent optional fields left
 * out (never {@code null}), money as plain JSON numbers with 2 decimals ({@code 8.00}), times as
 * strings of 13 digits (epoch milliseconds; a {@link java.time.LocalDateTime} taken in the zone given
 * here), codes as the wire's strings or integers. Writes one item, not the envelope. Thread-safe;
 * create one and share it.
 */
public final class OrderJsonSerializer {

    private static final Logger logger = LoggerFactory.getLogger(OrderJsonSerializer.class);

    private final ObjectWriter writer;

    /**
     * @param zone the merchant's zone ({@code youshu.zone}) in which local date-times are taken
     */
    public OrderJsonSerializer(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new SimpleModule("youshu-data-api").addSerializer(DataApiTime.class, new DataApiTimeJsonSerializer(zone)))
                .build();
        this.writer = mapper.writer();
    }

    /**
     * The item as one UTF-8 JSON object.
     *
     * @throws YoushuReportException naming the endpoint and order id when the item cannot be written
     */
    public byte[] toJsonBytes(DataApiItem item) {
        try {
            byte[] json = writer.writeValueAsBytes(Objects.requireNonNull(item, "item"));
            logger.trace("Serialized {} item of order {}: {} bytes", item.endpoint(), item.orderId(), json.length);
            return json;
        } catch (JsonProcessingException e) {
            throw failure(item, e);
        }
    }

    /**
     * The item as one JSON object: the same as {@link #toJsonBytes}.
     *
     * @throws YoushuReportException naming the endpoint and order id when the item cannot be written
     */
    public String toJson(DataApiItem item) {
        return new String(toJsonBytes(item), StandardCharsets.UTF_8);
    }

    private static YoushuReportException failure(DataApiItem item, JsonProcessingException e) {
        return new YoushuReportException(item.endpoint().path(), item.orderId(),
                "cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
}
