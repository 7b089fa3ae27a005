package io.github.youshu.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reading what a request to the simulator carries: query, body, Content-Type. */
final class HttpRequests {

    private HttpRequests() {
    }

    /** Reads at most {@code maxBodyBytes}; {@code null} when the body is larger. */
    static byte[] readBody(InputStream in, int maxBodyBytes) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    /** What is wrong with the Content-Type for a JSON body, or {@code null} when it is JSON in UTF-8. */
    static String contentTypeProblem(String contentType) {
        if (contentType == null) {
            return "Content-Type is required: application/json; charset=utf-8";
        }
        String[] parts = contentType.split(";");
        if (!"application/json".equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
            return "Content-Type must be application/json (got '" + contentType + "')";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if ("charset".equalsIgnoreCase(parameter[0].trim()) && (parameter.length < 2
                    || !"utf-8".equalsIgnoreCase(parameter[1].trim().replace("\"", "")))) {
                return "Content-Type charset must be utf-8 (got '" + contentType + "')";
            }
        }
        return null;
    }

    /** The query parameters, url-decoded; the first value of a repeated parameter wins. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                parameters.putIfAbsent(name, value); // malformed %-escape: keep it raw, the checks will refuse it
            }
        }
        return parameters;
    }

    /** The first line of an exception's message, e.g. of a JSON parse error. */
    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** At most {@code max} characters of {@code message}, for a log line. */
    static String abbreviate(String message, int max) {
        return message.length() <= max ? message : message.substring(0, max) + "...";
    }
}
