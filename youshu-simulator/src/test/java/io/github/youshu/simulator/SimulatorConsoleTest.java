package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's own endpoints: the HTML page, events as JSON, reset and fault planning over HTTP. */
class SimulatorConsoleTest {

    private static final String SECRET = "s3cr3t-never-shown";

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    private YoushuSimulator simulator;
    private ReportClient client;

    @BeforeEach
    void start() {
        simulator = YoushuSimulator.builder().appId("bi-test-app").appSecret(SECRET).clock(clock).build().start();
        client = new ReportClient(simulator.baseUrl(), "bi-test-app", SECRET, clock);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static ObjectNode customOrder(String orderId) {
        ObjectNode event = Golden.load("custom_order.json");
        ((ObjectNode) event.at("/props/order")).put("order_id", orderId);
        return event;
    }

    @Test
    void pageListsTheEventsHtmlEscaped() {
        client.safeReport(customOrder("<b>&\"x'"));
        ObjectNode invalid = customOrder("V2");
        Golden.set(invalid, "props.page", "\"/<i>\"");
        client.safeReport(invalid);

        ReportClient.Answer page = client.get("/simulator");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("id=\"auto-refresh\" checked")
                .contains("&lt;b&gt;&amp;&quot;x&#39;")
                .doesNotContain("<b>&")
                .contains("props.page: must not start with &#39;/&#39;")
                .contains("40010 INVALID_EVENT")
                .contains("cancel_pay")
                .doesNotContain(SECRET);
        assertThat(page.body().indexOf("V2")).isLessThan(page.body().indexOf("&lt;b&gt;"));
    }

    @Test
    void pageIsBilingualWithZoneAmountsAndMaskedUsers() {
        ObjectNode paid = customOrder("P1");
        Golden.set(paid, "props.order.order_status", "\"payed\"");
        client.safeReport(paid);

        String page = client.get("/simulator").body();

        assertThat(page).contains("有数模拟器", "Youshu simulator", "完成支付", "paid", "行为事件", "Behaviour events")
                .contains("Asia/Shanghai (UTC+08:00)", "2025-06-01 18:00:00 +08:00")
                .contains("¥30.30", "data-amount=\"30.30\"")
                .contains("ogN6****1r3Q").doesNotContain("ogN6X0T-ilsH-XmIdzXtuR1f1r3Q", "o6_bmlsdaXds8d6_sgVt7hM3OPfL");
    }

    @Test
    void pageListsRefusedRequestsWithTheAppIdThatArrivedAndNeverCallsAnUnknownAppIdABadSignature() {
        new ReportClient(simulator.baseUrl(), "bi-stranger", SECRET, clock).safeReport(customOrder("S1"));
        simulator.rejectNext(1);
        client.safeReport(customOrder("S2"));

        String page = client.get("/simulator").body();

        String strangerRow = page.substring(page.lastIndexOf("<tr", page.indexOf("<code>bi-stranger</code>")),
                page.indexOf("</tr>", page.indexOf("<code>bi-stranger</code>")));
        assertThat(strangerRow).contains("unknown app_id &#39;bi-stranger&#39;", "未校验", "not checked")
                .doesNotContain("bad signature");
        assertThat(page).contains("simulated rejection", "注入的故障");
    }

    @Test
    void pageShowsTheDataApiOrdersWithTheirHistory() {
        try (YoushuSimulator withSource = YoushuSimulator.builder().appId("bi-test-app").appSecret(SECRET)
                .clock(clock).dataSourceId("10001").build().start()) {
            ReportClient dataClient = new ReportClient(withSource.baseUrl(), "bi-test-app", SECRET, clock);
            dataClient.dataApi("order/add_order", Golden.load("data-api/add_order.json"));
            dataClient.dataApi("order/update", Golden.load("data-api/order_update.json"));

            String page = dataClient.get("/simulator").body();

            assertThat(page).contains("id=\"order-ORD-0001\"", "1150 → 1160", "已发货", "shipped", "¥145.90",
                    "oOPE****0001").doesNotContain("oOPENID0001");
        }
    }

    @Test
    void pageShowsThePendingFaults() {
        assertThat(client.get("/simulator").body()).contains("nothing received yet").contains("Pending faults: none.");

        simulator.failNext(2, 503);
        simulator.delayNext(1, Duration.ofMillis(1500));

        assertThat(client.get("/simulator").body())
                .contains("Pending faults: fail next 2 with HTTP 503, delay next 1 by 1500 ms.");
    }

    @Test
    void eventsAsJson() {
        client.safeReport(customOrder("J1"));

        ReportClient.Answer answer = client.get("/simulator/events");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode events = Golden.parse(answer.body());
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("type").asText()).isEqualTo("custom_order");
        assertThat(event.get("orderId").asText()).isEqualTo("J1");
        assertThat(event.get("orderStatus").asText()).isEqualTo("cancel_pay");
        assertThat(event.get("valid").asBoolean()).isTrue();
        assertThat(event.get("violations")).isEmpty();
        assertThat(event.get("signatureOk").asBoolean()).isTrue();
        assertThat(event.get("accepted").asBoolean()).isTrue();
        assertThat(event.get("responseCode").asInt()).isZero();
        assertThat(event.get("requestId").asText()).startsWith("req-");
        assertThat(event.get("receivedAt").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(event.at("/event/props/sub_orders/0/pay_amt").decimalValue()).isEqualByComparingTo("30.30");
    }

    @Test
    void deleteEventsResets() {
        client.safeReport(customOrder("Z1"));
        simulator.failNext(1, 503);

        assertThat(client.delete("/simulator/events").code()).isZero();

        assertThat(simulator.received()).isEmpty();
        assertThat(client.safeReport(customOrder("Z2")).code()).isZero();
    }

    @Test
    void faultsCanBePlannedOverHttp() {
        ReportClient.Answer planned = client.postJson("/simulator/faults", "{\"failNext\":1,\"status\":502}");
        assertThat(Golden.parse(planned.body()).get("failNext").asInt()).isEqualTo(1);
        assertThat(client.safeReport(customOrder("H1")).status()).isEqualTo(502);

        client.postJson("/simulator/faults", "{\"rejectNext\":1}");
        assertThat(client.safeReport(customOrder("H2")).code()).isEqualTo(40099);

        client.postJson("/simulator/faults", "{\"failNext\":1}");
        assertThat(client.safeReport(customOrder("H3")).status()).isEqualTo(503);

        ReportClient.Answer delay = client.postJson("/simulator/faults", "{\"delayNext\":2,\"delayMillis\":3000}");
        assertThat(Golden.parse(delay.body()).get("delayNext").asInt()).isEqualTo(2);
        assertThat(Golden.parse(client.get("/simulator/faults").body()).get("delayMillis").asInt()).isEqualTo(3000);
    }

    @Test
    void refusesBadFaultPlans() {
        assertThat(client.postJson("/simulator/faults", "{\"failNxt\":1}").status()).isEqualTo(400);
        assertThat(client.postJson("/simulator/faults", "{\"failNext\":\"1\"}").status()).isEqualTo(400);
        assertThat(client.postJson("/simulator/faults", "{\"failNext\":1,\"status\":200}").body())
                .contains("httpStatus must be 400..599");
        assertThat(client.postJson("/simulator/faults", "{\"delayNext\":1}").status()).isEqualTo(400);
        assertThat(client.postJson("/simulator/faults", "[]").status()).isEqualTo(400);
        assertThat(client.delete("/simulator/faults").status()).isEqualTo(405);
    }
}
