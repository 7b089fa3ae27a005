package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's data-api over HTTP (data-api.md §1–§2, §7, §9): signed query as for events (retcode 15),
 * unknown data source (10), bad envelope or item (13 naming the JSON path), data source get/add (12, 16),
 * orders stored by id with their status history, return orders, daily totals, fault injection, and the data
 * as JSON.
 */
class DataApiEndpointsTest {

    private static final String SECRET = "s3cr3t-data-api";
    private static final String APP_ID = "bi-test-app";

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    private YoushuSimulator simulator;
    private ReportClient client;

    @BeforeEach
    void start() {
        simulator = YoushuSimulator.builder().appId(APP_ID).appSecret(SECRET).clock(clock).merchantId("M-1")
                .dataSourceId("10001").build().start();
        client = new ReportClient(simulator.baseUrl(), APP_ID, SECRET, clock);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static ObjectNode addOrder() {
        return Golden.load("data-api/add_order.json");
    }

    /** An add_order body for {@code orderId} in {@code status} changed at {@code time} (epoch ms). */
    private static ObjectNode addOrder(String orderId, String status, long time) {
        ObjectNode body = addOrder();
        Golden.set(body, "orders[0].external_order_id", "\"" + orderId + "\"");
        Golden.set(body, "orders[0].order_status", "\"" + status + "\"");
        Golden.set(body, "orders[0].status_change_time", "\"" + time + "\"");
        return body;
    }

    private static ObjectNode update(String orderId, String status, long time) {
        ObjectNode body = Golden.load("data-api/order_update.json");
        Golden.set(body, "orders[0].external_order_id", "\"" + orderId + "\"");
        Golden.set(body, "orders[0].order_status", "\"" + status + "\"");
        Golden.set(body, "orders[0].status_change_time", "\"" + time + "\"");
        return body;
    }

    private ReceivedRequest lastRequest() {
        return simulator.requests().get(simulator.requests().size() - 1);
    }

    // ---- accepted data ----

    @Test
    void acceptsTheSpecExampleAndStoresTheOrder() {
        ReportClient.Answer answer = client.dataApi("order/add_order", addOrder());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"retcode\":0,\"errmsg\":\"\",\"data\":{}}");
        String requestId = answer.response().headers().firstValue("X-Request-Id").orElseThrow();
        ReceivedOrder order = simulator.order("ORD-0001").orElseThrow();
        assertThat(order.status()).isEqualTo("1150");
        assertThat(Golden.parse(order.json()).get("payment_amount").decimalValue()).isEqualByComparingTo("145.90");
        assertThat(order.history()).singleElement().satisfies(change -> {
            assertThat(change.orderStatus()).isEqualTo("1150");
            assertThat(change.statusChangeTime()).isEqualTo(1_700_000_065_000L);
            assertThat(change.endpoint()).isEqualTo("order/add_order");
            assertThat(change.requestId()).isEqualTo(requestId);
            assertThat(change.receivedAt()).isEqualTo(clock.instant());
            assertThat(change.outOfOrder()).isFalse();
        });
        assertThat(lastRequest()).satisfies(request -> {
            assertThat(request.accepted()).isTrue();
            assertThat(request.path()).isEqualTo("/data-api/v1/order/add_order");
            assertThat(request.appId()).isEqualTo(APP_ID);
            assertThat(request.signature()).isEqualTo(SignatureCheck.VALID);
            assertThat(request.code()).isZero();
            assertThat(request.items()).isEqualTo(1);
        });
    }

    @Test
    void addOrderUpsertsByExternalOrderId() {
        client.dataApi("order/add_order", addOrder("A-1", "1150", 1_700_000_065_000L));
        ObjectNode changed = addOrder("A-1", "1160", 1_700_000_900_000L);
        Golden.set(changed, "orders[0].brand_name", "\"新品牌\"");
        client.dataApi("order/add_order", changed);

        assertThat(simulator.orders()).singleElement().satisfies(order -> {
            assertThat(order.externalOrderId()).isEqualTo("A-1");
            assertThat(order.statuses()).containsExactly("1150", "1160");
            assertThat(Golden.parse(order.json()).get("brand_name").asText()).isEqualTo("新品牌");
        });
    }

    @Test
    void orderUpdateAppendsToTheHistoryInArrivalOrder() {
        ObjectNode created = addOrder("H-1", "1110", 1_700_000_000_000L);
        Golden.set(created, "orders[0].payment_info", Golden.REMOVE);
        assertThat(client.dataApi("order/add_order", created).retcode()).isZero();
        assertThat(client.dataApi("order/update", update("H-1", "1150", 1_700_000_060_000L)).retcode()).isZero();
        assertThat(client.dataApi("order/update", update("H-1", "1160", 1_700_000_900_000L)).retcode()).isZero();
        assertThat(client.dataApi("order/update", update("H-1", "1180", 1_700_100_000_000L)).retcode()).isZero();

        ReceivedOrder order = simulator.order("H-1").orElseThrow();
        assertThat(order.statuses()).containsExactly("1110", "1150", "1160", "1180");
        assertThat(order.status()).isEqualTo("1180");
        assertThat(order.history()).extracting(OrderStatusChange::endpoint)
                .containsExactly("order/add_order", "order/update", "order/update", "order/update");
        assertThat(order.history()).noneMatch(OrderStatusChange::outOfOrder);
        assertThat(Golden.parse(order.json()).get("order_status").asText()).as("the full order stays as added")
                .isEqualTo("1110");
    }

    @Test
    void aStaleChangeThatOvertakesANewerOneIsMarkedOutOfOrder() {
        client.dataApi("order/add_order", addOrder("S-1", "1150", 1_700_000_065_000L));
        client.dataApi("order/update", update("S-1", "1110", 1_700_000_000_000L));

        ReceivedOrder order = simulator.order("S-1").orElseThrow();
        assertThat(order.status()).as("Youshu keeps what it received last").isEqualTo("1110");
        assertThat(order.history()).extracting(OrderStatusChange::outOfOrder).containsExactly(false, true);
    }

    @Test
    void anUpdateOfAnOrderNeverAddedIsKeptWithoutAFullOrder() {
        client.dataApi("order/update", update("U-1", "1150", 1_700_000_065_000L));

        ReceivedOrder order = simulator.order("U-1").orElseThrow();
        assertThat(order.json()).isNull();
        assertThat(order.statuses()).containsExactly("1150");
    }

    @Test
    void itemsOfOneRequestAreStoredInListOrder() {
        ObjectNode body = update("L-1", "1150", 1_700_000_065_000L);
        ArrayNode orders = (ArrayNode) body.get("orders");
        orders.add(update("L-1", "1160", 1_700_000_900_000L).get("orders").get(0));
        orders.add(update("L-2", "1150", 1_700_000_065_000L).get("orders").get(0));

        assertThat(client.dataApi("order/update", body).retcode()).isZero();

        assertThat(simulator.orders()).extracting(ReceivedOrder::externalOrderId).containsExactly("L-1", "L-2");
        assertThat(simulator.order("L-1").orElseThrow().statuses()).containsExactly("1150", "1160");
        assertThat(lastRequest().items()).isEqualTo(3);
    }

    @Test
    void returnOrdersAndDailyTotalsAreStoredByTheirIds() {
        assertThat(client.dataApi("return_order/add", Golden.load("data-api/return_order.json")).retcode()).isZero();
        assertThat(client.dataApi("return_order/add", Golden.load("data-api/return_order.json")).retcode()).isZero();
        assertThat(client.dataApi("order/add_order_sum", Golden.load("data-api/add_order_sum.json")).retcode())
                .isZero();

        assertThat(simulator.returnOrders()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("RET-0001");
            assertThat(Golden.parse(item.json()).get("return_order_amount").decimalValue())
                    .isEqualByComparingTo("34.85");
        });
        assertThat(simulator.dailyTotals()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("1699977600000");
            assertThat(Golden.parse(item.json()).get("payed_num_sum").intValue()).isEqualTo(1);
        });
    }

    @Test
    void theSumRuleWarningsAreShownButDoNotRefuse() {
        ObjectNode body = addOrder();
        Golden.set(body, "orders[0].goods_num_total", "4");

        assertThat(client.dataApi("order/add_order", body).retcode()).isZero();
        assertThat(lastRequest().message())
                .isEqualTo("ok, 1 warning(s): orders[0].goods_num_total: should equal the sum of goods_info[]"
                        + ".goods_num (3), got 4");
    }

    // ---- refused requests ----

    @Test
    void aBadSignatureIsRetcode15AndNothingIsStored() {
        Map<String, String> query = client.signedQuery();
        query.put("signature", "0".repeat(64));

        ReportClient.Answer answer = client.post(YoushuSimulator.DATA_API_PATH + "order/add_order", query,
                ReportClient.JSON, Golden.json(addOrder()), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.retcode()).isEqualTo(15);
        assertThat(answer.errmsg()).startsWith("merchant verification failed: signature does not match");
        assertThat(simulator.orders()).isEmpty();
        assertThat(lastRequest().signature()).isEqualTo(SignatureCheck.INVALID);
        assertThat(lastRequest().code()).isEqualTo(15);
    }

    @Test
    void anUnknownAppIdIsRetcode15NamingItAndItsSignatureIsNotCalledBad() {
        ReportClient stranger = new ReportClient(simulator.baseUrl(), "bi-other-app", SECRET, clock);

        ReportClient.Answer answer = stranger.dataApi("order/add_order", addOrder());

        assertThat(answer.retcode()).isEqualTo(15);
        assertThat(answer.errmsg()).isEqualTo("merchant verification failed: unknown app_id 'bi-other-app'");
        assertThat(lastRequest().appId()).isEqualTo("bi-other-app");
        assertThat(lastRequest().signature()).isEqualTo(SignatureCheck.NOT_CHECKED);
    }

    @Test
    void timestampAndNonceAreCheckedAsForEvents() {
        Map<String, String> stale = client.signedQueryAt(clock.instant().getEpochSecond() - 301);
        ReportClient.Answer old = client.post(YoushuSimulator.DATA_API_PATH + "order/update", stale,
                ReportClient.JSON, Golden.json(Golden.load("data-api/order_update.json")), null);
        assertThat(old.retcode()).isEqualTo(15);
        assertThat(old.errmsg()).contains("timestamp").contains("off the server clock");

        Map<String, String> once = client.signedQuery("nonce-used-once");
        String body = Golden.json(Golden.load("data-api/order_update.json"));
        assertThat(client.post(YoushuSimulator.DATA_API_PATH + "order/update", once, ReportClient.JSON, body, null)
                .retcode()).isZero();
        ReportClient.Answer replay = client.post(YoushuSimulator.DATA_API_PATH + "order/update", once,
                ReportClient.JSON, body, null);
        assertThat(replay.retcode()).isEqualTo(15);
        assertThat(replay.errmsg()).contains("nonce 'nonce-used-once' was already used");
    }

    @Test
    void anUnknownDataSourceIsRetcode10() {
        ObjectNode body = addOrder();
        body.put("dataSourceId", "99999");

        ReportClient.Answer answer = client.dataApi("order/add_order", body);

        assertThat(answer.retcode()).isEqualTo(10);
        assertThat(answer.errmsg()).isEqualTo("data source not found: dataSourceId '99999'");
        assertThat(simulator.orders()).isEmpty();
    }

    @Test
    void aBadItemIsRetcode13NamingTheJsonPathAndTheWholeBatchIsRefused() {
        ObjectNode body = update("B-1", "1150", 1_700_000_065_000L);
        ObjectNode bad = (ObjectNode) update("B-2", "1150", 1_700_000_065_000L).get("orders").get(0);
        bad.put("order_status", "paid");
        ((ArrayNode) body.get("orders")).add(bad);

        ReportClient.Answer answer = client.dataApi("order/update", body);

        assertThat(answer.retcode()).isEqualTo(13);
        assertThat(answer.errmsg()).isEqualTo("data format wrong in 1 of 2 item(s) (external_order_id B-2): "
                + "orders[1].order_status: must be one of [1110, 1130, 1140, 1150, 1160, 1180, 1280, 1290] (got 'paid')");
        assertThat(simulator.orders()).isEmpty();
    }

    @Test
    void aBadGoodsLineIsNamedByItsPath() {
        ObjectNode body = addOrder();
        Golden.set(body, "orders[0].goods_info[1].goods_num", "0");

        ReportClient.Answer answer = client.dataApi("order/add_order", body);

        assertThat(answer.retcode()).isEqualTo(13);
        assertThat(answer.errmsg()).contains("(external_order_id ORD-0001)")
                .contains("orders[0].goods_info[1].goods_num: must be >= 1 (got 0)");
    }

    @Test
    void aBadEnvelopeIsRetcode13() {
        ObjectNode noSource = addOrder();
        noSource.remove("dataSourceId");
        assertThat(client.dataApi("order/add_order", noSource).errmsg())
                .isEqualTo("data format wrong: dataSourceId: is required");

        ObjectNode tooMany = Golden.load("data-api/order_update.json");
        ArrayNode orders = (ArrayNode) tooMany.get("orders");
        while (orders.size() < 51) {
            orders.add(orders.get(0).deepCopy());
        }
        ReportClient.Answer answer = client.dataApi("order/update", tooMany);
        assertThat(answer.retcode()).isEqualTo(13);
        assertThat(answer.errmsg()).contains("orders: must have at most 50 items (got 51)");
        assertThat(lastRequest().items()).isEqualTo(51);

        ReportClient.Answer notJson = client.post(YoushuSimulator.DATA_API_PATH + "order/update",
                client.signedQuery(), ReportClient.JSON, "{\"dataSourceId\":", null);
        assertThat(notJson.retcode()).isEqualTo(13);
        assertThat(notJson.errmsg()).startsWith("body is not valid JSON");

        ReportClient.Answer form = client.post(YoushuSimulator.DATA_API_PATH + "order/update",
                client.signedQuery(), "application/x-www-form-urlencoded", "a=b", null);
        assertThat(form.retcode()).isEqualTo(13);
        assertThat(form.errmsg()).startsWith("Content-Type must be application/json");
        assertThat(simulator.orders()).isEmpty();
    }

    @Test
    void onlyTheDataApiPathsAndTheirMethodsAreServed() {
        assertThat(client.get(YoushuSimulator.DATA_API_PATH + "order/add_order").status()).isEqualTo(405);
        assertThat(client.postJson(YoushuSimulator.DATA_API_PATH + "data_source/get", "{}").status()).isEqualTo(405);
        assertThat(client.postJson(YoushuSimulator.DATA_API_PATH + "order/delete", "{}").status()).isEqualTo(404);
        assertThat(simulator.requests()).isEmpty();
    }

    // ---- data source ----

    @Test
    void dataSourceGetThenAddThenSixteenOnASecondAdd() {
        try (YoushuSimulator fresh = YoushuSimulator.builder().appId(APP_ID).appSecret(SECRET).clock(clock)
                .merchantId("M-1").build().start()) {
            ReportClient freshClient = new ReportClient(fresh.baseUrl(), APP_ID, SECRET, clock);
            ReportClient.Answer none = freshClient.dataSourceGet("M-1");
            assertThat(none.retcode()).isZero();
            assertThat(none.json().at("/data/dataSources")).isEmpty();
            assertThat(freshClient.dataApi("order/add_order", addOrder()).retcode()).as("no data source yet")
                    .isEqualTo(10);

            ReportClient.Answer added = freshClient.dataApi("data_source/add", Golden.parse("{\"merchantId\":\"M-1\"}"));
            assertThat(added.retcode()).isZero();
            String id = added.json().at("/data/dataSource/id").asText();
            assertThat(id).isEqualTo("10001");

            ReportClient.Answer again = freshClient.dataApi("data_source/add", Golden.parse("{\"merchantId\":\"M-1\"}"));
            assertThat(again.retcode()).isEqualTo(16);
            assertThat(again.errmsg()).contains("already exists").contains("data_source/get");

            assertThat(freshClient.dataSourceGet("M-1").json().at("/data/dataSources/0/id").asText()).isEqualTo(id);
            assertThat(fresh.dataSources()).containsExactly(new DataSource("10001", "M-1"));
            assertThat(freshClient.dataApi("order/add_order", addOrder()).retcode()).isZero();
        }
    }

    @Test
    void theConfiguredDataSourceIsFoundAndAddIsSixteen() {
        assertThat(client.dataSourceGet("M-1").json().at("/data/dataSources/0/id").asText()).isEqualTo("10001");
        assertThat(client.dataApi("data_source/add", Golden.parse("{\"merchantId\":\"M-1\"}")).retcode())
                .isEqualTo(16);
    }

    @Test
    void anUnknownMerchantIsRetcode12AndAMissingOneIs13() {
        assertThat(client.dataSourceGet("M-2").retcode()).isEqualTo(12);
        assertThat(client.dataApi("data_source/add", Golden.parse("{\"merchantId\":\"M-2\"}")).errmsg())
                .isEqualTo("merchant not found: merchantId 'M-2'");
        assertThat(client.dataApi("data_source/add", Golden.parse("{}")).errmsg())
                .isEqualTo("merchantId: is required");
        ReportClient.Answer noMerchant = client.get(YoushuSimulator.DATA_API_PATH + "data_source/get",
                client.signedQuery());
        assertThat(noMerchant.retcode()).isEqualTo(13);
        assertThat(noMerchant.errmsg()).isEqualTo("merchantId: is required (query parameter)");
    }

    @Test
    void dataSourceCallsAreSignedToo() {
        ReportClient wrongSecret = new ReportClient(simulator.baseUrl(), APP_ID, "not-the-secret", clock);

        assertThat(wrongSecret.dataSourceGet("M-1").retcode()).isEqualTo(15);
        assertThat(wrongSecret.dataApi("data_source/add", Golden.parse("{\"merchantId\":\"M-1\"}")).retcode())
                .isEqualTo(15);
    }

    // ---- faults ----

    @Test
    void failsTheNextDataApiRequestsWithAnHttpStatusAndLeavesTheEventsAlone() {
        simulator.failNextDataApi(2, 503);

        assertThat(client.safeReport(Golden.load("custom_order.json")).code()).as("events unaffected").isZero();
        assertThat(client.dataApi("order/add_order", addOrder()).status()).isEqualTo(503);
        assertThat(client.dataSourceGet("M-1").status()).isEqualTo(503);
        assertThat(simulator.orders()).isEmpty();
        assertThat(lastRequest()).satisfies(request -> {
            assertThat(request.httpStatus()).isEqualTo(503);
            assertThat(request.code()).isNull();
            assertThat(request.message()).isEqualTo("simulated failure (HTTP 503)");
        });
        assertThat(client.dataApi("order/add_order", addOrder()).retcode()).isZero();
        assertThat(simulator.orders()).hasSize(1);
    }

    @Test
    void answersTheNextDataApiRequestsWithAnInjectedRetcode() {
        simulator.retcodeNextDataApi(2, 5);

        assertThat(client.dataApi("order/add_order", addOrder()).retcode()).isEqualTo(5);
        ReportClient.Answer second = client.dataApi("order/add_order", addOrder());
        assertThat(second.retcode()).isEqualTo(5);
        assertThat(second.errmsg()).isEqualTo("simulated retcode 5");
        assertThat(simulator.orders()).isEmpty();
        assertThat(client.dataApi("order/add_order", addOrder()).retcode()).isZero();

        simulator.retcodeNextDataApi(1, 15);
        assertThat(client.dataApi("order/update", Golden.load("data-api/order_update.json")).retcode()).isEqualTo(15);
        assertThat(simulator.order("ORD-0001").orElseThrow().statuses()).containsExactly("1150");
    }

    @Test
    void delaysTheAnswerButStoresTheOrder() throws Exception {
        simulator.delayNextDataApi(1, Duration.ofSeconds(30));

        assertThatThrownBy(() -> client.postExpectingTimeout(YoushuSimulator.DATA_API_PATH + "order/add_order",
                client.signedQuery(), Golden.json(addOrder()), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.order("ORD-0001").isPresent());
    }

    @Test
    void rejectsImpossibleDataApiFaultPlans() {
        assertThatThrownBy(() -> simulator.failNextDataApi(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.retcodeNextDataApi(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-zero");
        assertThatThrownBy(() -> simulator.delayNextDataApi(-1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataApiFaultsCanBePlannedOverHttp() {
        ReportClient.Answer planned = client.postJson("/simulator/data-api/faults", "{\"retcodeNext\":1,\"retcode\":15}");
        assertThat(planned.status()).isEqualTo(200);
        assertThat(planned.json().get("retcodeNext").intValue()).isEqualTo(1);
        assertThat(planned.json().get("retcode").intValue()).isEqualTo(15);
        assertThat(client.dataApi("order/add_order", addOrder()).retcode()).isEqualTo(15);

        client.postJson("/simulator/data-api/faults", "{\"failNext\":1,\"status\":502}");
        assertThat(client.dataApi("order/add_order", addOrder()).status()).isEqualTo(502);

        client.postJson("/simulator/data-api/faults", "{\"delayNext\":2,\"delayMillis\":1500}");
        assertThat(client.get("/simulator/data-api/faults").json().get("delayMillis").intValue()).isEqualTo(1500);
        assertThat(client.get("/simulator/faults").json().get("delayNext").intValue()).as("events' plan apart")
                .isZero();

        assertThat(client.postJson("/simulator/data-api/faults", "{\"retcodeNext\":1}").body())
                .contains("retcodeNext and retcode go together");
        assertThat(client.postJson("/simulator/data-api/faults", "{\"rejectNext\":1}").status()).isEqualTo(400);
        assertThat(client.postJson("/simulator/faults", "{\"retcodeNext\":1,\"retcode\":5}").status())
                .isEqualTo(400);
    }

    // ---- JSON and reset ----

    @Test
    void ordersAsJson() {
        client.dataApi("order/add_order", addOrder());
        client.dataApi("order/update", Golden.load("data-api/order_update.json"));
        client.dataApi("return_order/add", Golden.load("data-api/return_order.json"));
        client.dataApi("order/add_order_sum", Golden.load("data-api/add_order_sum.json"));

        JsonNode orders = client.get("/simulator/orders").json();
        assertThat(orders).hasSize(1);
        JsonNode order = client.get("/simulator/orders/ORD-0001").json();
        assertThat(order.get("externalOrderId").asText()).isEqualTo("ORD-0001");
        assertThat(order.get("status").asText()).isEqualTo("1160");
        assertThat(order.at("/history/0/orderStatus").asText()).isEqualTo("1150");
        assertThat(order.at("/history/0/statusChangeTime").asText()).isEqualTo("1700000065000");
        assertThat(order.at("/history/1/orderStatus").asText()).isEqualTo("1160");
        assertThat(order.at("/history/1/endpoint").asText()).isEqualTo("order/update");
        assertThat(order.at("/order/payment_amount").decimalValue()).isEqualByComparingTo("145.90");
        assertThat(client.get("/simulator/orders/NO-SUCH").status()).isEqualTo(404);

        assertThat(client.get("/simulator/return-orders").json().at("/0/externalReturnOrderId").asText())
                .isEqualTo("RET-0001");
        assertThat(client.get("/simulator/daily-totals").json().at("/0/refDate").asText()).isEqualTo("1699977600000");
        assertThat(client.get("/simulator/data-sources").json().at("/0/id").asText()).isEqualTo("10001");
        JsonNode requests = client.get("/simulator/requests").json();
        assertThat(requests).hasSize(4);
        assertThat(requests.at("/0/path").asText()).isEqualTo("/data-api/v1/order/add_order");
        assertThat(requests.at("/0/signature").asText()).isEqualTo("VALID");
    }

    @Test
    void resetForgetsTheDataButKeepsTheDataSources() {
        client.dataApi("order/add_order", addOrder());
        simulator.retcodeNextDataApi(1, 5);

        simulator.reset();

        assertThat(simulator.orders()).isEmpty();
        assertThat(simulator.requests()).isEmpty();
        assertThat(simulator.dataSources()).hasSize(1);
        assertThat(client.dataApi("order/add_order", addOrder()).retcode()).isZero();
    }

    @Test
    void keepsAtMostMaxOrdersAndMaxStatusHistory() {
        try (YoushuSimulator small = YoushuSimulator.builder().appId(APP_ID).appSecret(SECRET).clock(clock)
                .dataSourceId("10001").maxOrders(2).maxStatusHistory(2).build().start()) {
            ReportClient smallClient = new ReportClient(small.baseUrl(), APP_ID, SECRET, clock);
            smallClient.dataApi("order/update", update("O-1", "1150", 1_700_000_000_000L));
            smallClient.dataApi("order/update", update("O-2", "1150", 1_700_000_000_000L));
            smallClient.dataApi("order/update", update("O-2", "1160", 1_700_000_100_000L));
            smallClient.dataApi("order/update", update("O-2", "1180", 1_700_000_200_000L));
            smallClient.dataApi("order/update", update("O-3", "1150", 1_700_000_000_000L));

            assertThat(small.orders()).extracting(ReceivedOrder::externalOrderId).containsExactly("O-2", "O-3");
            assertThat(small.order("O-2").orElseThrow().statuses()).containsExactly("1160", "1180");
        }
    }
}
