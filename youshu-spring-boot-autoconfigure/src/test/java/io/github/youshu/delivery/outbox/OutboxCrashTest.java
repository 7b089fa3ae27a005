package io.github.youshu.delivery.outbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills an application with SIGKILL while its relay is sending from the outbox, starts it again,
 * and checks that every event reaches Youshu. The fake Youshu holds its answers to the requests
 * that arrive after the first quarter of the events until the kill, so batches are in flight at
 * the crash: their outcome is unknown to the application, and they are the only duplicates.
 * Writes the counts to {@code target/outbox-crash-report.txt}.
 */
class OutboxCrashTest {

    private static final Logger log = LoggerFactory.getLogger(OutboxCrashTest.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EVENTS = 2000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger heldRequests = new AtomicInteger();
    private final CountDownLatch killed = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer youshu;
    private Path directory;
    private Process child;

    @BeforeEach
    void startYoushu() throws IOException {
        youshu = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        youshu.createContext("/api/v1/safe-report", this::report);
        youshu.setExecutor(handlers);
        youshu.start();
        directory = Path.of("target", "outbox-crash", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(directory);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        killed.countDown();
        youshu.stop(0);
        handlers.shutdownNow();
    }

    /** Counts the events of the request by order id on arrival; holds the answer once a quarter arrived. */
    private void report(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode events = MAPPER.readTree(body);
            requests.incrementAndGet();
            events.forEach(event -> arrivals.computeIfAbsent(event.path("props").path("order").path("order_id").asText(),
                    id -> new AtomicInteger()).incrementAndGet());
            if (arrivals.size() >= EVENTS / 4 && killed.getCount() > 0) {
                heldRequests.incrementAndGet();
                killed.await();
            }
            byte[] answer = "{\"code\":0,\"msg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException ex) {
            log.debug("The killed application is gone: {}", ex.toString());
        }
    }

    @Test
    void everyEventArrivesAfterTheApplicationIsKilledMidStream() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("shop") + ";WRITE_DELAY=0";
        String table = TestDatabase.randomTableName();

        child = startChild(url, table);
        // Kill once every sender waits for an answer: each sender records an answer before it sends
        // again, so then exactly the held batches are unanswered (none answered and not yet recorded).
        int senders = OutboxRelays.deliverySettings(OutboxSettings.defaults()).concurrency();
        await().atMost(WAIT).until(() -> heldRequests.get() >= senders);
        child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        int arrivedBeforeKill = arrivals.size();
        killed.countDown();
        assertThat(arrivedBeforeKill).as("killed mid-stream").isLessThan(EVENTS);

        child = startChild(url, table);
        await().atMost(WAIT).until(() -> arrivals.size() == EVENTS);
        child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);

        assertThat(arrivals.keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, EVENTS).mapToObj(seq -> "o-" + seq).toList());
        int duplicates = arrivals.values().stream().mapToInt(count -> count.get() - 1).sum();
        String report = String.format("Outbox crash test: %d events, %d distinct arrived before SIGKILL with %d"
                        + " request(s) unanswered; after the restart all %d arrived, %d duplicate(s) in %d requests%n",
                EVENTS, arrivedBeforeKill, heldRequests.get(), EVENTS, duplicates, requests.get());
        log.info(report.strip());
        Files.writeString(Path.of("target", "outbox-crash-report.txt"), report);
        assertThat(duplicates).as("only the events of unanswered batches may arrive twice")
                .isLessThanOrEqualTo(heldRequests.get() * OutboxRelays.deliverySettings(OutboxSettings.defaults()).maxBatchSize());
    }

    private Process startChild(String url, String table) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                OutboxCrashChild.class.getName(), url, table,
                "http://127.0.0.1:" + youshu.getAddress().getPort() + "/api/v1/safe-report", Integer.toString(EVENTS)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(directory.toFile(), "application.log")))
                .start();
    }
}
