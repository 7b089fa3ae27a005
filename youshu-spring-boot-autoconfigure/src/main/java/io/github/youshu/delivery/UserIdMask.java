package io.github.youshu.delivery;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * How a user id is shown outside the event itself (actuator, drop lists): at most its first
 * quarter, and at most 7 characters, followed by {@code ***}, e.g. {@code ogN6X0T***}.
 */
public final class UserIdMask {

    private static final int MAX_SHOWN = 7;

    private static final JsonFactory JSON = new JsonFactory();

    private UserIdMask() {
    }

    /** The masked id; {@code null} for {@code null}. */
    public static String mask(String userId) {
        if (userId == null) {
            return null;
        }
        int shown = Math.min(MAX_SHOWN, userId.length() / 4);
        return userId.substring(0, shown) + "***";
    }

    /**
     * The masked {@code open_id} of an event's JSON (else its {@code user_id}), read with a streaming
     * parser that stops at the first open id.
     *
     * @return {@code null} when the event names no user or is not readable JSON
     */
    public static String maskedUserOf(byte[] json) {
        String userId = null;
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (("open_id".equals(name) || "user_id".equals(name)) && parser.nextToken().isScalarValue()) {
                        if ("open_id".equals(name)) {
                            return mask(parser.getText());
                        }
                        userId = userId == null ? parser.getText() : userId;
                    }
                }
            }
        }
        catch (IOException | RuntimeException unreadable) {
            // fall through to what was found so far
        }
        return mask(userId);
    }
}
