package io.github.youshu.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpYoushuTransportTest {

    private static final String APP_ID = "bi-test-app";
    private static final String SECRET = "wire-test-secret";
    private static final String SAFE_PATH = "/api/v1/safe-report";
    private static final String BATCH =
            "[{\"type\":\"custom_order\",\"from\":\"shop\",\"props\":{\"page\":\"pages/a\"}},"
            + "{\"type\":\"coupon_order\",\"from\":\"shop\",\"props\":{\"page\":\"pages/b\"}}]";

    /** The transport's clock: the request timestamp is read from it. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:02:03Z"), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension youshu = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static HttpYoushuTransport transport(ReportEndpoint endpoint, String baseUrl, Duration requestTimeout) {
        TransportSettings settings = TransportSettings.of(YoushuEnvironment.PRODUCTION, baseUrl, endpoint,
                Duration.ofSeconds(2), requestTimeout);
        return new HttpYoushuTransport(settings, YoushuCredentials.of(APP_ID, SECRET), CLOCK);
    }

    private static HttpYoushuTransport safeReport() {
        return transport(ReportEndpoint.SAFE_REPORT, youshu.baseUrl(), Duration.ofSeconds(5));
    }

    private static SendResult sendBatch(HttpYoushuTransport transport) {
        return transport.send(BATCH.getBytes(StandardCharsets.UTF_8), 2);
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void batchArrivesSignedWithTheExpectedBodyAndContentType() throws Exception {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"success\"}")));

        SendResult result = sendBatch(safeReport());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.httpStatus()).isEqualTo(200);
        youshu.verify(1, postRequestedFor(urlPathEqualTo(SAFE_PATH))
                // Jetty normalises the charset's case on receipt; charset names are case-insensitive.
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(BATCH)));
        LoggedRequest request = youshu.findAll(postRequestedFor(urlPathEqualTo(SAFE_PATH))).get(0);
        assertThat(request.getBodyAsString()).isEqualTo(BATCH);
        assertThat(request.getHeader("User-Agent")).startsWith("youshu-spring-boot-starter");
        assertThat(request.getQueryParams()).containsOnlyKeys("app_id", "nonce", "sign", "timestamp", "signature");
        String appId = request.queryParameter("app_id").firstValue();
        String nonce = request.queryParameter("nonce").firstValue();
        String timestamp = request.queryParameter("timestamp").firstValue();
        assertThat(appId).isEqualTo(APP_ID);
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo("sha256");
        assertThat(nonce).matches("[0-9a-f]{1,32}");
        assertThat(Long.parseLong(timestamp)).isEqualTo(CLOCK.instant().getEpochSecond());
        String stringToSign = "app_id=" + appId + "&nonce=" + nonce + "&sign=sha256&timestamp=" + timestamp;
        assertThat(request.queryParameter("signature").firstValue()).isEqualTo(hmacSha256Hex(SECRET, stringToSign));
    }

    @Test
    void everyRequestHasAFreshNonce() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson("{\"code\":0}")));
        HttpYoushuTransport transport = safeReport();

        sendBatch(transport);
        sendBatch(transport);

        List<LoggedRequest> requests = youshu.findAll(postRequestedFor(urlPathEqualTo(SAFE_PATH)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).queryParameter("nonce").firstValue())
                .isNotEqualTo(requests.get(1).queryParameter("nonce").firstValue());
    }

    @Test
    void plainReportEndpointCarriesNoSignature() {
        youshu.stubFor(post(urlPathEqualTo("/api/report")).willReturn(okJson("{\"code\":0}")));

        SendResult result = sendBatch(transport(ReportEndpoint.REPORT, youshu.baseUrl(), Duration.ofSeconds(5)));

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        LoggedRequest request = youshu.findAll(postRequestedFor(urlPathEqualTo("/api/report"))).get(0);
        assertThat(request.getQueryParams()).containsOnlyKeys("app_id", "timestamp", "nonce");
        assertThat(request.queryParameter("app_id").firstValue()).isEqualTo(APP_ID);
    }

    @Test
    void nonZeroCodeIsRejected() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson("{\"code\":1,\"msg\":\"bad data\"}")));

        SendResult result = sendBatch(safeReport());

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.message()).isEqualTo("code 1: bad data");
    }

    @Test
    void retcodeZeroIsAccepted() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson("{\"retcode\":0,\"errmsg\":\"\"}")));

        assertThat(sendBatch(safeReport()).outcome()).isEqualTo(SendOutcome.ACCEPTED);
    }

    @Test
    void badRequestIsRejected() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(aResponse().withStatus(400)));

        SendResult result = sendBatch(safeReport());

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.httpStatus()).isEqualTo(400);
    }

    @Test
    void serviceUnavailableIsTransient() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(aResponse().withStatus(503)));

        SendResult result = sendBatch(safeReport());

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isEqualTo(503);
    }

    @Test
    void tooManyRequestsIsTransientWithRetryAfter() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        SendResult result = sendBatch(safeReport());

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void responseSlowerThanTheRequestTimeoutIsTransient() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson("{\"code\":0}").withFixedDelay(3_000)));

        SendResult result = sendBatch(transport(ReportEndpoint.SAFE_REPORT, youshu.baseUrl(), Duration.ofMillis(200)));

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).contains("timed out");
    }

    @Test
    void connectionRefusedIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        SendResult result = sendBatch(
                transport(ReportEndpoint.SAFE_REPORT, "http://127.0.0.1:" + closedPort, Duration.ofSeconds(5)));

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).isEqualTo("connection failed");
    }

    @Test
    void oversizedResponseBodyIsCutAndDoesNotBreakTheExchange() {
        String huge = "{\"code\":0,\"msg\":\"" + "x".repeat(HttpYoushuTransport.MAX_RESPONSE_BYTES) + "\"}";
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson(huge)));

        SendResult result = sendBatch(safeReport());

        // The cut body is not JSON any more: the outcome is unknown.
        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isEqualTo(200);
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> transport(ReportEndpoint.SAFE_REPORT, "http://zhls.qq.com", Duration.ofSeconds(5)))
                .withMessageContaining("'http://zhls.qq.com'")
                .withMessageContaining("plain http is allowed only to a loopback host");
    }

    @Test
    void emptyBodyIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> safeReport().send(new byte[0], 0))
                .withMessageContaining("jsonBody");
    }

    @Test
    void interruptedCallerGetsTransientAndKeepsItsInterruptFlag() {
        youshu.stubFor(post(urlPathEqualTo(SAFE_PATH)).willReturn(okJson("{\"code\":0}").withFixedDelay(3_000)));
        HttpYoushuTransport transport = safeReport();

        Thread.currentThread().interrupt();
        SendResult result;
        try {
            result = sendBatch(transport);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.message()).isEqualTo("interrupted");
    }
}
