package io.github.youshu.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/**
 * The JSON answer of a Youshu API in either of its shapes: {@code {"code", "msg"}} (the report API,
 * {@code wire-contract.md}) or {@code {"retcode", "errmsg", "data"}} (the data-api, {@code data-api.md} §1).
 * Shared by {@link ResponseClassifier} and {@link DataApiResponseClassifier}.
 *
 * @param label the code's name in messages: {@code code} or {@code retcode}, as the caller expects
 * @param code  the answer's code; 0 is success
 * @param msg   the server's message, {@code ""} when absent
 * @param data  the {@code data} object, or a missing node
 */
record YoushuReply(String label, int code, String msg, JsonNode data) {

    /** The most characters of a server message quoted in a description. */
    static final int MAX_SERVER_MESSAGE = 200;

    /**
     * @param expected {@code code} (report API) or {@code retcode} (data-api): the field looked for
     *                 first and the label of the description; the other shape is read too
     * @return the answer, or {@code null} when the body is not such an answer (empty, not JSON, no code)
     */
    static YoushuReply parse(ObjectMapper mapper, byte[] body, String expected) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        boolean dataApiShape = "retcode".equals(expected) ? root.has("retcode") : !root.has("code");
        Integer code = asInt(root.get(dataApiShape ? "retcode" : "code"));
        if (code == null) {
            return null;
        }
        JsonNode msg = root.get(dataApiShape ? "errmsg" : "msg");
        return new YoushuReply(expected, code, msg == null || msg.isNull() ? "" : msg.asText(),
                root.has("data") ? root.get("data") : MissingNode.getInstance());
    }

    /** {@code code 40099: message}: one line, at most {@value #MAX_SERVER_MESSAGE} characters of the message. */
    String describe() {
        String clean = msg.replaceAll("\\p{Cntrl}+", " ").strip();
        if (clean.length() > MAX_SERVER_MESSAGE) {
            clean = clean.substring(0, MAX_SERVER_MESSAGE) + "...";
        }
        return clean.isEmpty() ? label + " " + code : label + " " + code + ": " + clean;
    }

    private static Integer asInt(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.valueOf(node.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
