package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the golden events of src/test/resources/golden and edits them by a simple JSON path. */
final class Golden {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Marks a field to remove in {@link #with}. */
    static final String REMOVE = "<remove>";

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private Golden() {
    }

    /** A fresh copy of {@code golden/<name>}. */
    static ObjectNode load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of {@code golden/<name>} with the value at {@code path} replaced by JSON {@code value} or removed. */
    static ObjectNode with(String name, String path, String value) {
        ObjectNode event = load(name);
        set(event, path, value);
        return event;
    }

    /**
     * Sets the value at {@code path} (e.g. {@code props.sub_orders[0].pay_amt}) to JSON {@code value}, or removes
     * it; missing objects on the way are created.
     */
    static void set(JsonNode root, String path, String value) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        JsonNode parent = root;
        for (Object segment : segments.subList(0, segments.size() - 1)) {
            JsonNode next = segment instanceof Integer i ? parent.path(i) : parent.path((String) segment);
            parent = next.isMissingNode() ? ((ObjectNode) parent).putObject((String) segment) : next;
        }
        Object last = segments.get(segments.size() - 1);
        if (REMOVE.equals(value)) {
            if (last instanceof Integer i) {
                ((ArrayNode) parent).remove(i);
            } else {
                ((ObjectNode) parent).remove((String) last);
            }
        } else if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, parse(value));
        } else {
            ((ObjectNode) parent).set((String) last, parse(value));
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
