package io.github.youshu.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.sample.order.OrderRepository;
import io.github.youshu.sample.order.OrderService;
import io.github.youshu.simulator.ReceivedEvent;
import io.github.youshu.simulator.YoushuSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sample shop over real HTTP, reporting through the JDBC outbox to the embedded simulator (on a random
 * port): what the mini-program does arrives at Youshu signed, valid, once, with the request's context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sample.simulator.port=0",
        "spring.datasource.url=jdbc:h2:mem:sample-e2e;DB_CLOSE_DELAY=-1",
        "youshu.outbox.poll-interval=50ms",
        // Delivered rows stay (as done) so a test can tell "never written" from "delivered and deleted".
        "youshu.outbox.retention=1h",
        "youshu.delivery.flush-interval=50ms",
        "youshu.delivery.backoff-initial=50ms",
        "youshu.delivery.backoff-max=200ms"})
class ShopReportingEndToEndTest {

    private static final String PAGE = "pages/order/confirm";
    private static final int SCENE = 1089;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private YoushuSimulator simulator;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private OrderService orderService;

    @Autowired
    private OrderRepository orderRepository;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    @Test
    void everyStepOfTheOrderLifeArrivesSignedValidAndOnceWithTheRequestContext() throws Exception {
        String openId = newOpenId();

        Set<Report> expected = runOrderLife(openId);

        List<ReceivedEvent> events = awaitDelivered(expected);
        assertAllAcceptedOnce(events, expected);
        for (ReceivedEvent event : events) {
            JsonNode props = JSON.readTree(event.json()).get("props");
            assertThat(props.get("page").asText()).as("page of %s", event.json()).isEqualTo(PAGE);
            assertThat(props.at("/chan/chan_wxapp_scene").asInt()).as("scene of %s", event.json()).isEqualTo(SCENE);
            assertThat(props.at("/wx_user/open_id").asText()).as("open id of %s", event.json()).isEqualTo(openId);
        }
    }

    @Test
    void everythingArrivesOnceWhenYoushuFailsTheFirstRequests() throws Exception {
        simulator.failNext(3, 503);

        Set<Report> expected = runOrderLife(newOpenId());

        List<ReceivedEvent> events = awaitDelivered(expected);
        assertAllAcceptedOnce(events, expected);
        assertThat(pendingSimulatorFaults().get("failNext").asInt()).as("requests the simulator still has to fail")
                .isZero();
    }

    @Test
    void aRequestForAMissingOrderReportsNothing() throws Exception {
        String openId = newOpenId();
        String missing = "SO-MISSING-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(send("/orders/" + missing + "/payment/confirm", null, openId).statusCode()).isEqualTo(404);

        assertNeverReported(missing, openId);
    }

    @Test
    void aReportIsRolledBackWithItsOrder() throws Exception {
        String openId = newOpenId();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Youshu-Open-Id", openId);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        String orderId;
        try {
            orderId = new TransactionTemplate(transactionManager).execute(status -> {
                String id = orderService.placeOrder(openId, new BigDecimal("10.00"), new BigDecimal("10.00")).id();
                assertThat(outboxRows(id)).as("the report is written in the order's transaction").isEqualTo(1);
                status.setRollbackOnly();
                return id;
            });
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(orderRepository.find(orderId)).isEmpty();
        assertNeverReported(orderId, openId);
    }

    /** The two order lives and the coupon purchase of scripts/demo.sh; returns the reports they must cause. */
    private Set<Report> runOrderLife(String openId) throws Exception {
        String first = placeOrder(openId, "{\"total\":128.00,\"payable\":99.90}");
        post("/orders/" + first + "/payment", openId);
        post("/orders/" + first + "/payment/confirm", openId);
        post("/orders/" + first + "/refund", openId);

        String second = placeOrder(openId, "{\"total\":45.50,\"payable\":45.50}");
        post("/orders/" + second + "/payment", openId);
        post("/orders/" + second + "/payment/close", openId);
        post("/orders/" + second + "/cancel", openId);

        HttpResponse<String> coupon = send("/coupons", "{\"batchId\":\"BATCH-2026-11\",\"quantity\":2,\"price\":9.90}",
                openId);
        assertThat(coupon.statusCode()).as(coupon.body()).isEqualTo(201);
        String couponOrder = JSON.readTree(coupon.body()).get("orderId").asText();

        return Set.of(
                Report.order(first, "give_order"), Report.order(first, "pay"), Report.order(first, "payed"),
                Report.order(first, "refund"),
                Report.order(second, "give_order"), Report.order(second, "pay"), Report.order(second, "cancel_pay"),
                Report.order(second, "cancel_give_order"),
                new Report("coupon_order", couponOrder, "payed"));
    }

    private String placeOrder(String openId, String body) throws Exception {
        HttpResponse<String> response = send("/orders", body, openId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private void post(String path, String openId) throws Exception {
        HttpResponse<String> response = send(path, null, openId);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
    }

    /** POSTs as the mini-program does: with the buyer's open id, page and scene in X-Youshu-* headers. */
    private HttpResponse<String> send(String path, String body, String openId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Youshu-Open-Id", openId)
                .header("X-Youshu-Page", PAGE)
                .header("X-Youshu-Scene", String.valueOf(SCENE))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the outbox has nothing left to send and the simulator holds at least the expected events;
     * returns every event it received for their orders. With nothing pending, no further (duplicate) send can come.
     */
    private List<ReceivedEvent> awaitDelivered(Set<Report> expected) {
        Set<String> orderIds = expected.stream().map(Report::orderId).collect(Collectors.toSet());
        await().atMost(DELIVERY_TIMEOUT).until(() -> pendingOutboxRows() == 0
                && receivedFor(orderIds).stream().filter(ReceivedEvent::accepted).count() >= expected.size());
        return receivedFor(orderIds);
    }

    private static void assertAllAcceptedOnce(List<ReceivedEvent> events, Set<Report> expected) {
        assertThat(events).allSatisfy(event -> {
            assertThat(event.endpoint()).isEqualTo(YoushuSimulator.SAFE_REPORT_PATH);
            assertThat(event.signatureOk()).as("signature of %s", event.json()).isTrue();
            assertThat(event.valid()).as("violations of %s: %s", event.json(), event.violations()).isTrue();
            assertThat(event.accepted()).as("answer to %s", event.json()).isTrue();
        });
        assertThat(events).map(Report::of).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Places a later order and waits for its report: by then, a report of {@code orderId} would have been sent. */
    private void assertNeverReported(String orderId, String openId) throws Exception {
        String marker = placeOrder(openId, "{\"total\":1.00,\"payable\":1.00}");
        awaitDelivered(Set.of(Report.order(marker, "give_order")));

        assertThat(outboxRows(orderId)).as("outbox rows of %s", orderId).isZero();
        assertThat(outboxRows(marker)).as("outbox rows of the marker %s", marker).isEqualTo(1);
        assertThat(simulator.received()).noneMatch(event -> orderId.equals(event.orderId()));
    }

    private List<ReceivedEvent> receivedFor(Set<String> orderIds) {
        return simulator.received().stream().filter(event -> orderIds.contains(event.orderId())).toList();
    }

    private long pendingOutboxRows() {
        return jdbc.sql("SELECT COUNT(*) FROM youshu_outbox WHERE status <> 'done'").query(Long.class).single();
    }

    private long outboxRows(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM youshu_outbox WHERE order_id = ?").param(orderId).query(Long.class)
                .single();
    }

    private JsonNode pendingSimulatorFaults() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/simulator/faults")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String newOpenId() {
        return "oTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** What identifies one report: the event type, the order and its status. */
    private record Report(String type, String orderId, String status) {

        static Report order(String orderId, String status) {
            return new Report("custom_order", orderId, status);
        }

        static Report of(ReceivedEvent event) {
            return new Report(event.type(), event.orderId(), event.orderStatus());
        }
    }
}
