package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link YoushuSimulator#requests()} lists every request to the report endpoints, refused and faulted ones
 * included, with the app id that arrived and what the signature check found: an unknown app id is never
 * reported as a bad signature.
 */
class ReceivedRequestsTest {

    private static final String SECRET = "s3cr3t-requests";
    private static final String APP_ID = "bi-test-app";

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    private YoushuSimulator simulator;
    private ReportClient client;

    @BeforeEach
    void start() {
        simulator = YoushuSimulator.builder().appId(APP_ID).appSecret(SECRET).clock(clock).build().start();
        client = new ReportClient(simulator.baseUrl(), APP_ID, SECRET, clock);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private ReceivedRequest last() {
        return simulator.requests().get(simulator.requests().size() - 1);
    }

    @Test
    void anAcceptedRequest() {
        ReportClient.Answer answer = client.safeReport(Golden.load("custom_order.json"));

        assertThat(last()).isEqualTo(new ReceivedRequest(
                answer.response().headers().firstValue("X-Request-Id").orElseThrow(), clock.instant(), "POST",
                "/api/v1/safe-report", APP_ID, SignatureCheck.VALID, 200, 0, "ok", 1));
        assertThat(last().accepted()).isTrue();
    }

    @Test
    void aBadSignatureIsInvalid() {
        Map<String, String> query = client.signedQuery();
        query.put("signature", "0".repeat(64));
        client.post(YoushuSimulator.SAFE_REPORT_PATH, query, ReportClient.JSON,
                Golden.json(Golden.load("custom_order.json")), null);

        assertThat(last().signature()).isEqualTo(SignatureCheck.INVALID);
        assertThat(last().code()).isEqualTo(40001);
        assertThat(last().accepted()).isFalse();
    }

    @Test
    void anUnknownAppIdKeepsTheAppIdThatArrivedAndIsNotCalledABadSignature() {
        new ReportClient(simulator.baseUrl(), "bi-stranger", SECRET, clock).safeReport(Golden.load("custom_order.json"));

        assertThat(last().appId()).isEqualTo("bi-stranger");
        assertThat(last().signature()).isEqualTo(SignatureCheck.NOT_CHECKED);
        assertThat(last().code()).isEqualTo(40002);
        assertThat(last().message()).isEqualTo("unknown app_id 'bi-stranger'");
        assertThat(simulator.received()).singleElement().satisfies(event ->
                assertThat(event.signatureOk()).isFalse());
    }

    @Test
    void aMissingAppIdIsRecordedAsNone() {
        Map<String, String> query = client.signedQuery();
        query.remove("app_id");
        client.post(YoushuSimulator.SAFE_REPORT_PATH, query, ReportClient.JSON,
                Golden.json(Golden.load("custom_order.json")), null);

        assertThat(last().appId()).isNull();
        assertThat(last().signature()).isEqualTo(SignatureCheck.NOT_CHECKED);
        assertThat(last().message()).isEqualTo("app_id is required");
    }

    @Test
    void theUnsignedEndpointIsUnsigned() {
        Map<String, String> query = client.signedQuery();
        query.remove("sign");
        query.remove("signature");
        client.post(YoushuSimulator.REPORT_PATH, query, ReportClient.JSON,
                Golden.json(Golden.load("custom_order.json")), null);

        assertThat(last().signature()).isEqualTo(SignatureCheck.UNSIGNED);
        assertThat(last().accepted()).isTrue();
    }

    @Test
    void injectedFaultsAreRecorded() {
        simulator.failNext(1, 503);
        simulator.rejectNext(1);
        client.safeReport(Golden.load("custom_order.json"));
        client.safeReport(Golden.load("custom_order.json"));

        assertThat(simulator.requests()).satisfiesExactly(
                failed -> {
                    assertThat(failed.httpStatus()).isEqualTo(503);
                    assertThat(failed.code()).isNull();
                    assertThat(failed.message()).isEqualTo("simulated failure (HTTP 503)");
                    assertThat(failed.appId()).isEqualTo(APP_ID);
                    assertThat(failed.signature()).isEqualTo(SignatureCheck.NOT_CHECKED);
                },
                rejected -> {
                    assertThat(rejected.httpStatus()).isEqualTo(200);
                    assertThat(rejected.code()).isEqualTo(40099);
                    assertThat(rejected.message()).isEqualTo("simulated rejection");
                });
        assertThat(simulator.received()).isEmpty();
    }

    @Test
    void aTooLargeBodyIsRecorded() {
        try (YoushuSimulator small = YoushuSimulator.builder().clock(clock).maxBodyBytes(100).build().start()) {
            new ReportClient(small.baseUrl(), YoushuSimulator.DEFAULT_APP_ID, YoushuSimulator.DEFAULT_APP_SECRET,
                    clock).safeReport(Golden.load("custom_order.json"));

            assertThat(small.requests()).singleElement().satisfies(request -> {
                assertThat(request.httpStatus()).isEqualTo(413);
                assertThat(request.message()).isEqualTo("body larger than 100 bytes");
            });
        }
    }

    @Test
    void keepsTheLatestMaxRequests() {
        try (YoushuSimulator small = YoushuSimulator.builder().appId(APP_ID).appSecret(SECRET).clock(clock)
                .maxRequests(2).build().start()) {
            ReportClient smallClient = new ReportClient(small.baseUrl(), APP_ID, SECRET, clock);
            for (int i = 0; i < 3; i++) {
                smallClient.safeReport(Golden.load("custom_order.json"));
            }

            assertThat(small.requests()).extracting(ReceivedRequest::requestId).containsExactly("req-2", "req-3");
        }
    }
}
