package io.github.youshu.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventDispatcher} that keeps what it is given. */
class RecordingEventDispatcher implements EventDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<OutboundEvent> events = new CopyOnWriteArrayList<>();
    final List<String> invalid = new CopyOnWriteArrayList<>();

    @Override
    public boolean dispatch(OutboundEvent event) {
        events.add(event);
        return true;
    }

    @Override
    public void countInvalid(String type) {
        invalid.add(type);
    }

    /** The dispatched events as JSON trees. */
    List<JsonNode> json() {
        return events.stream().map(event -> {
            try {
                return JSON.readTree(event.json());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }).toList();
    }

    /** The only dispatched event as a JSON tree. */
    JsonNode single() {
        List<JsonNode> json = json();
        if (json.size() != 1) {
            throw new AssertionError("expected one event but got " + json);
        }
        return json.get(0);
    }
}
