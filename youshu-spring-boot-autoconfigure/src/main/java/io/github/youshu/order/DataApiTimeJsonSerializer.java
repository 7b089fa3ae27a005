package io.github.youshu.order;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.ZoneId;

/** Writes a {@link DataApiTime} as a string of epoch milliseconds, local times taken in the merchant's zone. */
final class DataApiTimeJsonSerializer extends StdSerializer<DataApiTime> {

    private final ZoneId zone;

    DataApiTimeJsonSerializer(ZoneId zone) {
        super(DataApiTime.class);
        this.zone = zone;
    }

    @Override
    public void serialize(DataApiTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(Long.toString(value.toEpochMilli(zone)));
    }
}
