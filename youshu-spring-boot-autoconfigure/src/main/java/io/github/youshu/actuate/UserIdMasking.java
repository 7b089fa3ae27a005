package io.github.youshu.actuate;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.youshu.delivery.UserIdMask;

/**
 * Turns an event's JSON into plain maps and lists for the actuator endpoint, with the values of
 * every {@code open_id}, {@code union_id} and {@code user_id} masked: at most their first quarter
 * (and at most 7 characters) is shown, followed by {@code ***}, e.g. {@code ogN6X0T***}.
 */
final class UserIdMasking {

    private static final Set<String> MASKED = Set.of("open_id", "union_id", "user_id");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /**
     * @return the masked event, or a map holding only {@code "unreadable"} when the JSON cannot be parsed
     */
    Map<String, Object> masked(byte[] json) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (!(tree instanceof ObjectNode)) {
                return Map.of("unreadable", "not a JSON object");
            }
            mask(tree);
            return mapper.convertValue(tree, MAP);
        }
        catch (IOException | IllegalArgumentException ex) {
            return Map.of("unreadable", "invalid JSON");
        }
    }

    static String mask(String value) {
        return UserIdMask.mask(value);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (MASKED.contains(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()) {
                    object.put(field.getKey(), mask(field.getValue().asText()));
                }
                else {
                    mask(field.getValue());
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(UserIdMasking::mask);
        }
    }
}
