package io.github.youshu.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.sample.order.OrderRepository;
import io.github.youshu.sample.order.OrderService;
import io.github.youshu.sample.order.OrderService.LineRequest;
import io.github.youshu.simulator.ReceivedEvent;
import io.github.youshu.simulator.YoushuSimulator;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeEach;
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
 * port): the behaviour events of what the mini-program does arrive at Youshu signed, valid, once, with the
 * request's context. The backend order data of the same steps: {@code ShopOrderSyncEndToEndTest}.
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

    private static final String PAGE = ShopClient.PAGE;
    private static final int SCENE = ShopClient.SCENE;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = ShopClient.JSON;

    private final HttpClient http = HttpClient.newHttpClient();

    private ShopClient shop;

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

    @BeforeEach
    void shopClient() {
        shop = new ShopClient(port);
    }

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

        assertThat(shop.send("/orders/" + missing + "/payment/confirm", null, openId).statusCode()).isEqualTo(404);

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
                String id = orderService.placeOrder(openId, List.of(new LineRequest("SKU-CAP-NAVY", 1)), null).id();
                assertThat(outboxRows(id)).as("the event and the order are written in the order's transaction")
                        .isEqualTo(2);
                status.setRollbackOnly();
                return id;
            });
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(orderRepository.find(orderId)).isEmpty();
        assertNeverReported(orderId, openId);
    }

    /** The three order lives and the coupon purchase of scripts/demo.sh; returns the reports they must cause. */
    private Set<Report> runOrderLife(String openId) throws Exception {
        String delivered = shop.placeOrder(openId, ShopClient.TWO_LINES_WITH_COUPON);
        shop.steps(delivered, openId, "payment", "payment/confirm", "ship", "complete");

        String returned = shop.placeOrder(openId, ShopClient.TWO_LINES);
        shop.steps(returned, openId, "payment", "payment/confirm", "refund", "return");

        String cancelled = shop.placeOrder(openId, ShopClient.ONE_LINE);
        shop.steps(cancelled, openId, "payment", "payment/close", "cancel");

        HttpResponse<String> coupon = shop.send("/coupons",
                "{\"batchId\":\"BATCH-2026-11\",\"quantity\":2,\"price\":9.90}", openId);
        assertThat(coupon.statusCode()).as(coupon.body()).isEqualTo(201);
        String couponOrder = JSON.readTree(coupon.body()).get("orderId").asText();

        return Set.of(
                Report.order(delivered, "give_order"), Report.order(delivered, "pay"), Report.order(delivered, "payed"),
                Report.order(returned, "give_order"), Report.order(returned, "pay"), Report.order(returned, "payed"),
                Report.order(returned, "refund"),
                Report.order(cancelled, "give_order"), Report.order(cancelled, "pay"),
                Report.order(cancelled, "cancel_pay"), Report.order(cancelled, "cancel_give_order"),
                new Report("coupon_order", couponOrder, "payed"));
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
        String marker = shop.placeOrder(openId, ShopClient.ONE_LINE);
        awaitDelivered(Set.of(Report.order(marker, "give_order")));

        assertThat(outboxRows(orderId)).as("outbox rows of %s", orderId).isZero();
        assertThat(outboxRows(marker)).as("outbox rows (give_order, add_order) of the marker %s", marker).isEqualTo(2);
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
