package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.youshu.YoushuReportException;

/**
 * Writes events in Youshu's wire format with the library's own Jackson 2 mapper, independent of
 * the application's: snake_case names, {@code null} values left out, amounts as plain JSON
 * numbers ({@code 9.00}, never {@code 9E+0}), times as epoch-millisecond integers. It writes the
 * event as given: write the normalised event that
 * {@link io.github.youshu.validation.EventValidator#check} returns, so that what is written is
 * exactly what was validated (amount scale, blank optional strings, generic prop values).
 * Thread-safe; create one and share it.
 */
public final class EventJsonSerializer {

    private final ObjectWriter writer;

    public EventJsonSerializer() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        this.writer = mapper.writerFor(YoushuEvent.class);
    }

    /**
     * The event as one UTF-8 JSON object.
     *
     * @throws YoushuReportException when a value cannot be written (e.g. a generic prop value
     *                               Jackson cannot serialize)
     */
    public byte[] toJsonBytes(YoushuEvent event) {
        try {
            return writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw failure(event, e);
        }
    }

    /**
     * The event as one JSON object.
     *
     * @throws YoushuReportException when a value cannot be written
     */
    public String toJson(YoushuEvent event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw failure(event, e);
        }
    }

    private static YoushuReportException failure(YoushuEvent event, JsonProcessingException e) {
        return new YoushuReportException(event.type(), event.orderId(),
                "cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
}
