package io.github.youshu.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Writing complete responses to an {@link HttpExchange}. */
final class HttpResponses {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    private HttpResponses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends the answer after {@code delay} (an injected fault); when interrupted while waiting (the simulator
     * stops) sends nothing, as a server going down would.
     */
    static void sendAfter(Duration delay, HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        send(exchange, status, contentType, body);
    }

    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, TEXT, "method " + exchange.getRequestMethod() + " not allowed; use " + allowed + "\n");
    }

    static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, TEXT, "no such resource: " + exchange.getRequestURI().getPath() + "\n");
    }
}
