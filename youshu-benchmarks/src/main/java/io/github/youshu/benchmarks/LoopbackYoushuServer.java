package io.github.youshu.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Youshu-compatible report endpoint on 127.0.0.1 (the JDK's HttpServer): it counts requests and
 * the events in their bodies, discards them, and answers {@code {"code":0}} after an optional delay.
 * A request without a {@code signature} in its query is answered 401 and counted as unsigned.
 */
public final class LoopbackYoushuServer implements AutoCloseable {

    private static final byte[] ACCEPTED = "{\"code\":0,\"msg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNSIGNED = "{\"code\":40001,\"msg\":\"signature missing\"}".getBytes(StandardCharsets.UTF_8);

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
        // on loopback and every exchange takes some 40 ms more than the handler does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final long delayNanos;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong unsigned = new AtomicLong();

    private LoopbackYoushuServer(Duration delay, int threads) throws IOException {
        this.delayNanos = delay.toNanos();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loopback-youshu");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server that answers at once. */
    public static LoopbackYoushuServer start() throws IOException {
        return new LoopbackYoushuServer(Duration.ZERO, 4);
    }

    /** A server that answers each request after {@code delay}. */
    public static LoopbackYoushuServer startAnsweringAfter(Duration delay) throws IOException {
        return new LoopbackYoushuServer(delay, 8);
    }

    /** The value for {@code youshu.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long requests() {
        return requests.get();
    }

    public long events() {
        return events.get();
    }

    public long unsignedRequests() {
        return unsigned.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null || !query.contains("signature=")) {
                unsigned.incrementAndGet();
                respond(exchange, 401, UNSIGNED);
                return;
            }
            if (delayNanos > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(delayNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.addAndGet(countEvents(body));
            requests.incrementAndGet();
            respond(exchange, 200, ACCEPTED);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * The number of events in a body: 1 for a JSON object, the number of top-level objects for a
     * JSON array. Scans the bytes once (strings and escapes respected) without building a tree.
     */
    static long countEvents(byte[] body) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean array = false;
        long count = 0;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '[', '{' -> {
                    if (depth == 0) {
                        array = b == '[';
                        if (!array) {
                            return 1;
                        }
                    } else if (depth == 1 && b == '{') {
                        count++;
                    }
                    depth++;
                }
                case ']', '}' -> depth--;
                default -> {
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
