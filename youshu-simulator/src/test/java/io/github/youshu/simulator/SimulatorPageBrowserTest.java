package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@code GET /simulator} in headless Chromium and fails on a broken page: a script error, a missing
 * section, an empty chart while payments are present, an unmasked open id, a refused app id shown as a bad
 * signature. Skipped (with the reason) when Chromium is not installed, unless {@code CI=true}: then it fails.
 * Leaves screenshots in {@code target/simulator-page.png} and {@code target/simulator-page-details.png}.
 */
class SimulatorPageBrowserTest {

    private static final String SECRET = "s3cr3t-page";
    private static final String APP_ID = "bi-test-app";
    private static final String OPEN_ID = "ogN6X0T-ilsH-XmIdzXtuR1f1r3Q";
    private static final String UNION_ID = "o6_bmlsdaXds8d6_sgVt7hM3OPfL";

    @TempDir
    static Path browserDir;
    private static HeadlessChromium chromium;

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:10Z"));
    private YoushuSimulator simulator;
    private ReportClient client;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.require(browserDir, HeadlessChromium.candidates(System.getenv("PATH")),
                System.getenv());
    }

    @BeforeEach
    void start() {
        simulator = YoushuSimulator.builder().appId(APP_ID).appSecret(SECRET).clock(clock).dataSourceId("10001")
                .build().start();
        client = new ReportClient(simulator.baseUrl(), APP_ID, SECRET, clock);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static ObjectNode payed(String orderId, String... payAmounts) {
        ObjectNode event = Golden.load("custom_order.json");
        Golden.set(event, "props.order.order_id", "\"" + orderId + "\"");
        Golden.set(event, "props.order.order_status", "\"payed\"");
        List<String> subOrders = new ArrayList<>();
        for (int i = 0; i < payAmounts.length; i++) {
            subOrders.add("{\"sub_order_id\":\"" + orderId + "-" + i + "\",\"order_amt\":" + payAmounts[i]
                    + ",\"pay_amt\":" + payAmounts[i] + "}");
        }
        Golden.set(event, "props.sub_orders", "[" + String.join(",", subOrders) + "]");
        return event;
    }

    /** Events, refused requests and data-api data over three minutes. */
    private void receiveADayOfShopping() {
        client.safeReport(payed("P-1", "30.30"));
        clock.advance(Duration.ofMinutes(2));
        client.safeReport(payed("P-2", "100.00", "20.50"));
        ObjectNode coupon = Golden.load("coupon_order.json");
        Golden.set(coupon, "props.coupon.order_status", "\"payed\"");
        client.safeReport(coupon);
        client.safeReport(Golden.with("custom_order.json", "props.page", "\"/pages/index\""));

        Map<String, String> forged = client.signedQuery();
        forged.put("signature", "f".repeat(64));
        client.post(YoushuSimulator.SAFE_REPORT_PATH, forged, ReportClient.JSON,
                Golden.json(Golden.load("custom_order.json")), null);
        new ReportClient(simulator.baseUrl(), "bi-stranger", SECRET, clock).safeReport(payed("X-1", "1.00"));
        simulator.failNext(1, 503);
        client.safeReport(payed("F-1", "2.00"));

        clock.advance(Duration.ofMinutes(1));
        client.dataApi("order/add_order", Golden.load("data-api/add_order.json"));
        client.dataApi("order/update", Golden.load("data-api/order_update.json"));
        client.dataApi("return_order/add", Golden.load("data-api/return_order.json"));
        client.dataApi("order/add_order_sum", Golden.load("data-api/add_order_sum.json"));
        client.dataApi("order/update", Golden.with("data-api/order_update.json", "orders[0].order_status", "\"9\""));
    }

    @Test
    void thePageRendersWithoutScriptErrorsAndShowsWhatArrived() throws Exception {
        receiveADayOfShopping();

        HeadlessChromium.Rendered page = chromium.dumpDom(simulator.baseUrl() + "/simulator");
        String dom = page.dom();

        assertThat(HeadlessChromium.scriptErrors(page.log())).as("script errors in the console").isEmpty();
        assertThat(dom).as("the page script ran to its end").contains("data-ready=\"true\"");
        assertThat(text(dom, "pre", "js-errors")).as("errors caught by the page").isEmpty();
        for (String id : List.of("paid-chart", "requests", "events", "orders", "return-orders", "daily-totals",
                "data-sources", "zone", "auto-refresh", "summary")) {
            assertThat(dom).as("element #" + id).contains("id=\"" + id + "\"");
        }
        assertThat(dom).as("labels in both languages").contains("有数模拟器", "Youshu simulator", "完成支付", "paid",
                "行为事件", "Behaviour events", "订单数据", "Backend orders");
        assertThat(dom).as("times with the zone").contains("Asia/Shanghai (UTC+08:00)", "2025-06-01 18:03:10 +08:00");

        // the chart: 30.30 at 18:00, 120.50 + 9.00 at 18:02 (Asia/Shanghai); the other events were refused
        assertThat(bars(dom)).containsExactly(Map.entry("18:00", "30.30"), Map.entry("18:02", "129.50"));
        assertThat(text(dom, "b", "paid-total")).isEqualTo("¥159.80");

        // personal data: open ids and union ids masked everywhere, payloads included
        assertThat(dom).contains("ogN6****1r3Q", "oOPE****0001").doesNotContain(OPEN_ID, UNION_ID, "oOPENID0001");

        // every request, refused ones with the app id that arrived and the reason
        assertThat(row(dom, "bi-stranger")).contains("unknown app_id", "未校验", "not checked")
                .doesNotContain("bad signature");
        assertThat(row(dom, "signature does not match")).contains("无效", "bad signature");
        assertThat(row(dom, "simulated failure (HTTP 503)")).contains("注入的故障", "injected fault", ">503<");
        assertThat(row(dom, "orders[0].order_status: must be one of")).contains(">13<");

        // events: amounts, statuses, validation errors and payload behind a click
        assertThat(row(dom, ">P-2<")).contains("¥120.50", "完成支付", "ogN6****1r3Q");
        assertThat(row(dom, "props.page: must not start with '/'</li>")).contains("class=\"payload\"", "无效", "invalid");

        // data-api orders with their history
        assertThat(row(dom, ">ORD-0001<")).contains("¥145.90", "已发货", "1150 → 1160", "oOPE****0001");
        assertThat(row(dom, "RET-0001")).contains("¥34.85");
        assertThat(row(dom, "2023-11-15 00:00:00 +08:00")).contains("¥145.90");
    }

    @Test
    void aLinkToAnEventOrAnOrderOpensItsDetails() throws Exception {
        receiveADayOfShopping();

        String event = chromium.dumpDom(simulator.baseUrl() + "/simulator#event-req-4-0").dom();
        assertThat(event).contains("<details id=\"event-req-4-0\" open=\"\">")
                .doesNotContain("<details id=\"event-req-3-0\" open");

        String order = chromium.dumpDom(simulator.baseUrl() + "/simulator#order-ORD-0001").dom();
        assertThat(order).contains("<details id=\"order-ORD-0001\" open=\"\">");
    }

    @Test
    void anEmptySimulatorRendersAnEmptyChartWithoutErrors() throws Exception {
        HeadlessChromium.Rendered page = chromium.dumpDom(simulator.baseUrl() + "/simulator");

        assertThat(HeadlessChromium.scriptErrors(page.log())).isEmpty();
        assertThat(page.dom()).contains("data-ready=\"true\"", "no payments in the last 30 minutes", "尚无请求");
        assertThat(bars(page.dom())).isEmpty();
    }

    @Test
    void screenshot() throws Exception {
        receiveADayOfShopping();
        Path png = Path.of("target", "simulator-page.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);

        Path details = Path.of("target", "simulator-page-details.png");
        Files.deleteIfExists(details);

        chromium.screenshot(simulator.baseUrl() + "/simulator", png, 1400, 2200);
        chromium.screenshot(simulator.baseUrl() + "/simulator#event-req-4-0", details, 1400, 3000);

        for (Path file : List.of(png, details)) {
            assertThat(Arrays.copyOf(Files.readAllBytes(file), 8)).as("a PNG file " + file)
                    .containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        }
    }

    /** The chart's bars as minute → amount, in order. */
    private static List<Map.Entry<String, String>> bars(String dom) {
        Matcher bar = Pattern.compile("<rect class=\"bar\" data-minute=\"([^\"]+)\" data-amount=\"([^\"]+)\"[^>]*"
                + "height=\"([0-9.]+)\"").matcher(dom);
        List<Map.Entry<String, String>> bars = new ArrayList<>();
        while (bar.find()) {
            assertThat(Double.parseDouble(bar.group(3))).as("bar height at " + bar.group(1)).isPositive();
            bars.add(Map.entry(bar.group(1), bar.group(2)));
        }
        return bars;
    }

    /** The text of {@code <tag id="id" ...>text</tag>}. */
    private static String text(String dom, String tag, String id) {
        Matcher element = Pattern.compile("<" + tag + " id=\"" + id + "\"[^>]*>(.*?)</" + tag + ">", Pattern.DOTALL)
                .matcher(dom);
        assertThat(element.find()).as("element " + tag + "#" + id).isTrue();
        return element.group(1);
    }

    /** The first table row containing {@code marker}. */
    private static String row(String dom, String marker) {
        int at = dom.indexOf(marker);
        assertThat(at).as("a row containing " + marker).isNotNegative();
        int start = dom.lastIndexOf("<tr", at);
        int end = dom.indexOf("</tr>", at);
        assertThat(start).isNotNegative();
        return dom.substring(start, end);
    }
}
