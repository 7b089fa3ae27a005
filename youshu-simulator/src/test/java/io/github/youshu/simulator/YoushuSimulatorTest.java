package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YoushuSimulatorTest {

    private static final String SECRET = "s3cr3t-never-logged";

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

    private static ArrayNode batch(JsonNode... events) {
        ArrayNode batch = Golden.MAPPER.createArrayNode();
        for (JsonNode event : events) {
            batch.add(event);
        }
        return batch;
    }

    private static ObjectNode customOrder(String orderId) {
        ObjectNode event = Golden.load("custom_order.json");
        ((ObjectNode) event.at("/props/order")).put("order_id", orderId);
        return event;
    }

    private ReportClient.Answer postSafeReport(Map<String, String> query) {
        return client.post(YoushuSimulator.SAFE_REPORT_PATH, query, ReportClient.JSON,
                Golden.json(Golden.load("custom_order.json")), null);
    }

    @Test
    void acceptsAndRecordsAValidSignedBatch() {
        ReportClient.Answer answer = client.safeReport(
                batch(Golden.load("custom_order.json"), Golden.load("coupon_order.json")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"ok\"}");
        String requestId = answer.response().headers().firstValue("X-Request-Id").orElseThrow();
        List<ReceivedEvent> received = simulator.received();
        assertThat(received).hasSize(2);
        assertThat(received).allSatisfy(event -> {
            assertThat(event.requestId()).isEqualTo(requestId);
            assertThat(event.endpoint()).isEqualTo("/api/v1/safe-report");
            assertThat(event.receivedAt()).isEqualTo(clock.instant());
            assertThat(event.valid()).isTrue();
            assertThat(event.violations()).isEmpty();
            assertThat(event.signatureOk()).isTrue();
            assertThat(event.accepted()).isTrue();
            assertThat(event.response()).isEqualTo(ResponseCode.OK);
            assertThat(event.orderId()).isEqualTo("xxxx");
            assertThat(event.orderStatus()).isEqualTo("cancel_pay");
        });
        assertThat(received).extracting(ReceivedEvent::type).containsExactly("custom_order", "coupon_order");
        assertThat(received.get(0).json()).contains("\"pay_amt\":30.30").contains("\"from\":\"youshu-sample-shop\"");
        assertThat(simulator.accepted()).isEqualTo(received);
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom_order.json", "custom_order.spec.json", "coupon_order.json", "coupon_order.spec.json"})
    void acceptsTheGoldenEventsAsASingleObjectBody(String golden) {
        ReportClient.Answer answer = client.safeReport(Golden.load(golden));

        assertThat(answer.code()).isZero();
        assertThat(simulator.accepted()).singleElement().satisfies(event -> {
            assertThat(event.orderId()).isEqualTo("xxxx");
            assertThat(event.valid()).isTrue();
        });
    }

    @Test
    void acceptsStringTimesNumericStringAmountsAndTheOrderAlias() {
        ObjectNode custom = Golden.load("custom_order.json");
        Golden.set(custom, "props.time", "\"1560409473714\"");
        Golden.set(custom, "props.order.order_time", "\"1560409473714\"");
        Golden.set(custom, "props.sub_orders[0].order_amt", "\"30.30\"");
        Golden.set(custom, "props.sub_orders[0].pay_amt", "\"9\"");
        ObjectNode coupon = Golden.load("coupon_order.json");
        ObjectNode props = (ObjectNode) coupon.get("props");
        props.set("order", props.remove("coupon"));
        Golden.set(coupon, "props.order.pay_amt", "\"9.00\"");

        assertThat(client.safeReport(batch(custom, coupon)).code()).isZero();
        assertThat(simulator.accepted()).extracting(ReceivedEvent::orderId).containsExactly("xxxx", "xxxx");
    }

    @Test
    void acceptsUnsignedRequestsOnThePlainEndpoint() {
        Map<String, String> query = Map.of("app_id", "bi-test-app", "nonce", "plain-1",
                "timestamp", Long.toString(clock.instant().getEpochSecond()));

        ReportClient.Answer answer = client.post(YoushuSimulator.REPORT_PATH, query, ReportClient.JSON,
                Golden.json(Golden.load("custom_order.json")), null);

        assertThat(answer.code()).isZero();
        assertThat(simulator.received()).singleElement().satisfies(event -> {
            assertThat(event.endpoint()).isEqualTo("/api/report");
            assertThat(event.signatureOk()).isFalse();
            assertThat(event.accepted()).isTrue();
        });
    }

    @Test
    void refusesABadSignatureButRecordsWhatCame() {
        Map<String, String> query = client.signedQuery();
        query.put("signature", RequestSignature.sign("other-secret", "bi-test-app", query.get("nonce"),
                query.get("timestamp")));

        ReportClient.Answer answer = postSafeReport(query);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo(40001);
        assertThat(answer.msg()).startsWith("signature does not match").doesNotContain(SECRET);
        assertThat(simulator.received()).singleElement().satisfies(event -> {
            assertThat(event.signatureOk()).isFalse();
            assertThat(event.valid()).isTrue();
            assertThat(event.accepted()).isFalse();
            assertThat(event.response()).isEqualTo(ResponseCode.BAD_SIGNATURE);
        });
        assertThat(simulator.accepted()).isEmpty();
    }

    @Test
    void refusesAMissingSignatureOrAnotherSignMethod() {
        Map<String, String> unsigned = client.signedQuery();
        unsigned.remove("signature");
        Map<String, String> md5 = client.signedQuery();
        md5.put("sign", "md5");

        assertThat(postSafeReport(unsigned).msg()).isEqualTo("signature is required");
        assertThat(postSafeReport(md5).msg()).isEqualTo("sign must be 'sha256'");
        assertThat(simulator.received()).extracting(ReceivedEvent::response)
                .containsExactly(ResponseCode.BAD_SIGNATURE, ResponseCode.BAD_SIGNATURE);
    }

    @Test
    void refusesAnotherAppId() {
        ReportClient other = new ReportClient(simulator.baseUrl(), "bi-other-app", SECRET, clock);

        ReportClient.Answer answer = other.safeReport(Golden.load("custom_order.json"));

        assertThat(answer.code()).isEqualTo(40002);
        assertThat(answer.msg()).isEqualTo("unknown app_id 'bi-other-app'");
        assertThat(simulator.received()).singleElement().satisfies(event -> {
            assertThat(event.signatureOk()).isFalse();
            assertThat(event.accepted()).isFalse();
        });
    }

    @Test
    void refusesATimestampOutsideFiveMinutesOfTheServerClock() {
        long now = clock.instant().getEpochSecond();
        Map<String, String> stale = client.signedQueryAt(now - 301);

        assertThat(postSafeReport(stale).msg()).isEqualTo(
                "timestamp " + stale.get("timestamp") + " is -301 s off the server clock (allowed ±300 s)");
        assertThat(postSafeReport(client.signedQueryAt(now + 301)).code()).isEqualTo(40003);
        assertThat(postSafeReport(client.signedQueryAt(now - 300)).code()).isZero();
        assertThat(postSafeReport(client.signedQueryAt(now + 300)).code()).isZero();
        assertThat(simulator.received()).extracting(ReceivedEvent::response).containsExactly(
                ResponseCode.BAD_TIMESTAMP, ResponseCode.BAD_TIMESTAMP, ResponseCode.OK, ResponseCode.OK);
    }

    @Test
    void refusesMillisecondTimestampsWithAHint() {
        String millis = Long.toString(clock.millis());
        Map<String, String> query = new LinkedHashMap<>(client.signedQuery());
        query.put("timestamp", millis);
        query.put("signature", RequestSignature.sign(SECRET, "bi-test-app", query.get("nonce"), millis));

        ReportClient.Answer answer = postSafeReport(query);

        assertThat(answer.code()).isEqualTo(40003);
        assertThat(answer.msg()).isEqualTo("timestamp must be Unix seconds, not milliseconds (got " + millis + ")");
    }

    @Test
    void refusesAReusedNonce() {
        Map<String, String> query = client.signedQuery("nonce-1");

        assertThat(postSafeReport(query).code()).isZero();
        ReportClient.Answer replay = postSafeReport(query);

        assertThat(replay.code()).isEqualTo(40004);
        assertThat(replay.msg()).isEqualTo("nonce 'nonce-1' was already used");
        assertThat(simulator.accepted()).hasSize(1);
    }

    @Test
    void refusesAMissingOrTooLongNonce() {
        Map<String, String> missing = client.signedQuery("");
        Map<String, String> tooLong = client.signedQuery("0123456789abcdef0123456789abcdef0");

        assertThat(postSafeReport(missing).msg()).isEqualTo("nonce is required");
        assertThat(postSafeReport(tooLong).msg()).isEqualTo("nonce must be at most 32 characters (got 33)");
        assertThat(postSafeReport(client.signedQuery("0123456789abcdef0123456789abcdef")).code()).isZero();
    }

    @Test
    void aNonceIsNotUsedUpByARefusedRequest() {
        Map<String, String> good = client.signedQuery("nonce-2");
        Map<String, String> forged = new LinkedHashMap<>(good);
        forged.put("signature", "0".repeat(64));

        assertThat(postSafeReport(forged).code()).isEqualTo(40001);
        assertThat(postSafeReport(good).code()).isZero();
    }

    @Test
    void remembersNoncesOnlyForTheTenMinuteWindow() {
        IntStream.range(0, 5).forEach(i -> assertThat(postSafeReport(client.signedQuery("n" + i)).code()).isZero());
        assertThat(simulator.rememberedNonces()).isEqualTo(5);

        clock.advance(Duration.ofMinutes(10));

        assertThat(simulator.rememberedNonces()).isZero();
    }

    @Test
    void capsTheRememberedNonces() {
        try (YoushuSimulator small = YoushuSimulator.builder().clock(clock).maxNonces(2).build().start()) {
            ReportClient smallClient = new ReportClient(small.baseUrl(), YoushuSimulator.DEFAULT_APP_ID,
                    YoushuSimulator.DEFAULT_APP_SECRET, clock);
            IntStream.range(0, 4).forEach(i -> assertThat(smallClient.safeReport(Golden.load("custom_order.json"))
                    .code()).isZero());

            assertThat(small.rememberedNonces()).isEqualTo(2);
        }
    }

    @Test
    void refusesTheWholeBatchWhenOneEventIsInvalidAndNamesEveryViolation() {
        ObjectNode invalid = customOrder("A2");
        Golden.set(invalid, "props.sub_orders[0].pay_amt", "-1");
        Golden.set(invalid, "props.page", "\"/pages/cart\"");

        ReportClient.Answer answer = client.safeReport(batch(customOrder("A1"), invalid));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo(40010);
        assertThat(answer.msg()).isEqualTo("1 of 2 event(s) invalid, request refused: [1] (custom_order, order_id=A2): "
                + "[1].props.page: must not start with '/'; [1].props.sub_orders[0].pay_amt: must be >= 0");
        List<ReceivedEvent> received = simulator.received();
        assertThat(received).extracting(ReceivedEvent::orderId).containsExactly("A1", "A2");
        assertThat(received).extracting(ReceivedEvent::valid).containsExactly(true, false);
        assertThat(received).allSatisfy(event -> {
            assertThat(event.accepted()).isFalse();
            assertThat(event.signatureOk()).isTrue();
        });
        assertThat(received.get(1).violations()).containsExactly("[1].props.page: must not start with '/'",
                "[1].props.sub_orders[0].pay_amt: must be >= 0");
    }

    @Test
    void namesViolationsOfALoneEventWithoutAnIndex() {
        ObjectNode invalid = Golden.with("coupon_order.json", "props.coupon_info", "[]");

        ReportClient.Answer answer = client.safeReport(invalid);

        assertThat(answer.msg()).isEqualTo("1 of 1 event(s) invalid, request refused: event (coupon_order,"
                + " order_id=xxxx): props.coupon_info: must not be empty");
    }

    @Test
    void refusesMalformedRequests() {
        String event = Golden.json(Golden.load("custom_order.json"));
        String path = YoushuSimulator.SAFE_REPORT_PATH;

        assertThat(client.post(path, client.signedQuery(), "text/plain", event, null).msg())
                .isEqualTo("Content-Type must be application/json (got 'text/plain')");
        assertThat(client.post(path, client.signedQuery(), "application/json; charset=gbk", event, null).msg())
                .isEqualTo("Content-Type charset must be utf-8 (got 'application/json; charset=gbk')");
        assertThat(client.post(path, client.signedQuery(), ReportClient.JSON, "{\"type\":", null).msg())
                .startsWith("body is not valid JSON");
        assertThat(client.post(path, client.signedQuery(), ReportClient.JSON, event + " {}", null).msg())
                .startsWith("body is not valid JSON");
        assertThat(client.post(path, client.signedQuery(), ReportClient.JSON, "{\"type\":1,\"type\":2}", null).msg())
                .startsWith("body is not valid JSON").contains("Duplicate field 'type'");
        assertThat(client.post(path, client.signedQuery(), ReportClient.JSON, "[]", null).msg())
                .isEqualTo("body is an empty array; send at least one event");
        assertThat(client.post(path, client.signedQuery(), ReportClient.JSON, "", null).msg())
                .isEqualTo("body is empty; send one JSON object or a JSON array");
        assertThat(client.post(path, client.signedQuery(), ReportClient.JSON, "42", null).msg())
                .isEqualTo("body must be one JSON object or a JSON array of them");
        // the two bodies that parsed (wrong Content-Type) are kept, refused
        assertThat(simulator.received()).extracting(ReceivedEvent::response)
                .containsExactly(ResponseCode.BAD_REQUEST, ResponseCode.BAD_REQUEST);
    }

    @Test
    void answersOnlyPostOnTheReportPathsAndNothingElse() {
        assertThat(client.get(YoushuSimulator.SAFE_REPORT_PATH).status()).isEqualTo(405);
        assertThat(client.get("/api/reports").status()).isEqualTo(404);
        assertThat(client.get("/").status()).isEqualTo(404);
        assertThat(client.get("/simulator/nothing").status()).isEqualTo(404);
    }

    @Test
    void refusesATooLargeBodyWithHttp413() {
        try (YoushuSimulator small = YoushuSimulator.builder().clock(clock).maxBodyBytes(100).build().start()) {
            ReportClient smallClient = new ReportClient(small.baseUrl(), YoushuSimulator.DEFAULT_APP_ID,
                    YoushuSimulator.DEFAULT_APP_SECRET, clock);

            assertThat(smallClient.safeReport(Golden.load("custom_order.json")).status()).isEqualTo(413);
            assertThat(small.received()).isEmpty();
        }
    }

    @Test
    void failsTheNextRequestsWithTheGivenStatusWithoutProcessingThem() {
        simulator.failNext(2, 503);

        assertThat(client.safeReport(customOrder("F1")).status()).isEqualTo(503);
        assertThat(client.safeReport(customOrder("F2")).status()).isEqualTo(503);
        ReportClient.Answer third = client.safeReport(customOrder("F3"));

        assertThat(third.status()).isEqualTo(200);
        assertThat(third.code()).isZero();
        assertThat(simulator.received()).extracting(ReceivedEvent::orderId).containsExactly("F3");
    }

    @Test
    void rejectsTheNextRequestsWithANonZeroCode() {
        simulator.rejectNext(1);

        ReportClient.Answer rejected = client.safeReport(customOrder("R1"));
        ReportClient.Answer accepted = client.safeReport(customOrder("R2"));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.code()).isEqualTo(40099);
        assertThat(accepted.code()).isZero();
        assertThat(simulator.received()).extracting(ReceivedEvent::orderId).containsExactly("R2");
    }

    @Test
    void delaysTheAnswerButProcessesTheRequest() throws Exception {
        simulator.delayNext(1, Duration.ofSeconds(30));

        assertThatThrownBy(() -> client.postExpectingTimeout(YoushuSimulator.SAFE_REPORT_PATH, client.signedQuery(),
                Golden.json(customOrder("D1")), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(simulator.accepted()).extracting(ReceivedEvent::orderId).containsExactly("D1"));

        ReportClient.Answer next = client.post(YoushuSimulator.SAFE_REPORT_PATH, client.signedQuery(),
                ReportClient.JSON, Golden.json(customOrder("D2")), Duration.ofSeconds(5));
        assertThat(next.code()).isZero();
    }

    @Test
    void rejectsImpossibleFaultPlans() {
        assertThatThrownBy(() -> simulator.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.rejectNext(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.delayNext(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsEventsAndPendingFaults() {
        client.safeReport(customOrder("X1"));
        simulator.failNext(5, 500);

        simulator.reset();

        assertThat(simulator.received()).isEmpty();
        assertThat(client.safeReport(customOrder("X2")).code()).isZero();
    }

    @Test
    void keepsOnlyTheLatestEvents() {
        try (YoushuSimulator small = YoushuSimulator.builder().clock(clock).maxEvents(3).build().start()) {
            ReportClient smallClient = new ReportClient(small.baseUrl(), YoushuSimulator.DEFAULT_APP_ID,
                    YoushuSimulator.DEFAULT_APP_SECRET, clock);
            smallClient.safeReport(batch(customOrder("K1"), customOrder("K2")));
            smallClient.safeReport(batch(customOrder("K3"), customOrder("K4"), customOrder("K5")));

            assertThat(small.received()).extracting(ReceivedEvent::orderId).containsExactly("K3", "K4", "K5");
        }
    }

    @Test
    void receivedIsAnImmutableSnapshot() {
        client.safeReport(customOrder("S1"));
        List<ReceivedEvent> snapshot = simulator.received();

        client.safeReport(customOrder("S2"));

        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.get(0).violations().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void servesConcurrentRequests() {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ReportClient.Answer>> answers = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.safeReport(customOrder("C" + i)), senders))
                    .toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.join().code()).isZero());
            assertThat(simulator.accepted()).hasSize(40);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void neverLogsTheSecret() throws Exception {
        Map<String, String> forged = client.signedQuery();
        forged.put("signature", "f".repeat(64));
        postSafeReport(forged);
        client.safeReport(customOrder("L1"));

        String logFileName = System.getProperty("org.slf4j.simpleLogger.logFile");
        assumeTrue(logFileName != null, "the build points slf4j-simple at a log file");
        Path logFile = Path.of(logFileName);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(Files.readString(logFile)).contains("code 40001").contains("code 0"));
        assertThat(Files.readString(logFile)).doesNotContain(SECRET);
    }

    @Test
    void lifecycle() {
        YoushuSimulator notStarted = YoushuSimulator.builder().build();
        assertThatThrownBy(notStarted::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);
        assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port());
        assertThat(simulator.appId()).isEqualTo("bi-test-app");

        simulator.stop();
        simulator.stop();
        assertThatThrownBy(simulator::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderRefusesNonsense() {
        YoushuSimulator.Builder builder = YoushuSimulator.builder();
        assertThatThrownBy(() -> builder.appSecret(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxEvents(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.timestampTolerance(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
