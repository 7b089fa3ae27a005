package io.github.youshu.transport;

import io.github.youshu.order.DataApiEndpoint;
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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The data-api transport against WireMock: envelope, signature and every answer class of data-api.md §1. */
class DataApiTransportTest {

    private static final String APP_ID = "bi-data-api-test";
    private static final String SECRET = "data-api-test-secret";
    private static final String ADD_ORDER = "/data-api/v1/order/add_order";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ITEM_1 = "{\"external_order_id\":\"ORD-1\",\"order_status\":\"1150\"}";
    private static final String ITEM_2 = "{\"external_order_id\":\"ORD-2\",\"order_status\":\"1110\"}";

    @RegisterExtension
    static WireMockExtension youshu = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static DataApiTransport transport(String baseUrl, Duration requestTimeout, int maxItems, Clock clock) {
        TransportSettings settings = TransportSettings.of(YoushuEnvironment.PRODUCTION, baseUrl,
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(2), requestTimeout);
        return new DataApiTransport(settings, YoushuCredentials.of(APP_ID, SECRET), maxItems, clock);
    }

    private static DataApiTransport transport() {
        return transport(youshu.baseUrl(), Duration.ofSeconds(5), 50, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<byte[]> items(String... json) {
        List<byte[]> items = new ArrayList<>();
        for (String item : json) {
            items.add(item.getBytes(StandardCharsets.UTF_8));
        }
        return items;
    }

    private static DataApiSendResult sendTwo() {
        return transport().send(DataApiEndpoint.ADD_ORDER, "10001", items(ITEM_1, ITEM_2));
    }

    private static DataApiSendResult answeredWith(ResponseDefinitionBuilder response) {
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(response));
        return sendTwo();
    }

    private static DataApiSendResult answeredRetcode(int retcode, String errmsg) {
        return answeredWith(okJson("{\"retcode\":" + retcode + ",\"errmsg\":\"" + errmsg + "\",\"data\":{}}"));
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    // --- envelope and signature ---

    @ParameterizedTest
    @EnumSource(DataApiEndpoint.class)
    void itemsGoInTheEnvelopeOfTheirEndpoint(DataApiEndpoint endpoint) {
        youshu.stubFor(post(urlPathEqualTo(endpoint.urlPath())).willReturn(okJson("{\"retcode\":0,\"errmsg\":\"\",\"data\":{}}")));

        DataApiSendResult result = transport().send(endpoint, "10001", items(ITEM_1, ITEM_2));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.DELIVERED);
        assertThat(endpoint.urlPath()).isEqualTo("/data-api/v1/" + endpoint.path());
        youshu.verify(1, postRequestedFor(urlPathEqualTo(endpoint.urlPath()))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(
                        "{\"dataSourceId\":\"10001\",\"orders\":[" + ITEM_1 + "," + ITEM_2 + "]}")));
    }

    @Test
    void theRoutesAreThoseOfTheSpec() {
        assertThat(DataApiEndpoint.values()).extracting(DataApiEndpoint::path).containsExactly(
                "order/add_order", "order/update", "return_order/add", "order/add_order_sum");
        assertThat(DataApiEndpoint.ofPath("order/update")).isEqualTo(DataApiEndpoint.UPDATE_ORDER);
        assertThat(DataApiEndpoint.ofPath("/data-api/v1/return_order/add")).isEqualTo(DataApiEndpoint.ADD_RETURN_ORDER);
        assertThatIllegalArgumentException().isThrownBy(() -> DataApiEndpoint.ofPath("order/delete"))
                .withMessageContaining("order/delete").withMessageContaining("order/add_order");
    }

    @Test
    void itemsAreCopiedByteForByteAndTheDataSourceIdIsEscaped() {
        String item = "{\"sku_name_chinese\":\"T恤 红 M\",\"goods_amount\":59.00}";
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(okJson("{\"retcode\":0}")));

        transport().send(DataApiEndpoint.ADD_ORDER, "id\"with\\quote", items(item));

        LoggedRequest request = youshu.findAll(postRequestedFor(urlPathEqualTo(ADD_ORDER))).get(0);
        assertThat(request.getBodyAsString())
                .isEqualTo("{\"dataSourceId\":\"id\\\"with\\\\quote\",\"orders\":[" + item + "]}");
    }

    @Test
    void everyRequestCarriesTheSignedQueryWithAFreshNonce() throws Exception {
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(okJson("{\"retcode\":0}")));

        sendTwo();
        sendTwo();

        List<LoggedRequest> requests = youshu.findAll(postRequestedFor(urlPathEqualTo(ADD_ORDER)));
        assertThat(requests).hasSize(2);
        for (LoggedRequest request : requests) {
            assertThat(request.getQueryParams()).containsOnlyKeys("app_id", "nonce", "sign", "timestamp", "signature");
            assertThat(request.queryParameter("app_id").firstValue()).isEqualTo(APP_ID);
            assertThat(request.queryParameter("sign").firstValue()).isEqualTo("sha256");
            assertThat(request.queryParameter("timestamp").firstValue()).isEqualTo(String.valueOf(NOW.getEpochSecond()));
            String nonce = request.queryParameter("nonce").firstValue();
            assertThat(nonce).matches("[0-9a-f]{1,32}");
            String stringToSign = "app_id=" + APP_ID + "&nonce=" + nonce + "&sign=sha256&timestamp=" + NOW.getEpochSecond();
            assertThat(request.queryParameter("signature").firstValue()).isEqualTo(hmacSha256Hex(SECRET, stringToSign));
            assertThat(request.getHeader("User-Agent")).startsWith("youshu-spring-boot-starter");
        }
        assertThat(requests.get(0).queryParameter("nonce").firstValue())
                .isNotEqualTo(requests.get(1).queryParameter("nonce").firstValue());
    }

    // --- the answer classes of §1 ---

    @Test
    void retcodeZeroIsDelivered() {
        DataApiSendResult result = answeredRetcode(0, "");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.DELIVERED);
        assertThat(result.isDelivered()).isTrue();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.retcode()).isZero();
    }

    @Test
    void retcode13IsTheItemsFaultAndKeepsYoushusMessage() {
        DataApiSendResult result = answeredRetcode(13, "orders[1].goods_info[0].goods_num: must be >= 1");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.ITEMS_REJECTED);
        assertThat(result.retcode()).isEqualTo(13);
        assertThat(result.message()).isEqualTo("retcode 13: orders[1].goods_info[0].goods_num: must be >= 1");
        assertThat(result.property()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 100})
    void storageSideRetcodesAreTransient(int retcode) {
        DataApiSendResult result = answeredRetcode(retcode, "write failed");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.retcode()).isEqualTo(retcode);
        assertThat(result.message()).isEqualTo("retcode " + retcode + ": write failed");
    }

    @Test
    void retcode15IsRequestLevelNamingTheCredentials() {
        DataApiSendResult result = answeredRetcode(15, "merchant verify failed");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.retcode()).isEqualTo(15);
        assertThat(result.message()).startsWith("retcode 15: merchant verify failed");
        assertThat(result.property()).contains("youshu.app-id", "youshu.app-secret");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 14})
    void dataSourceRetcodesAreRequestLevelNamingTheDataSourceId(int retcode) {
        DataApiSendResult result = answeredRetcode(retcode, "data source");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.property()).contains("youshu.orders.data-source-id");
    }

    @Test
    void merchantNotFoundIsRequestLevelNamingTheMerchantId() {
        DataApiSendResult result = answeredRetcode(12, "merchant not found");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.property()).isEqualTo("youshu.merchant-id");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 42, -1})
    void aCodeTheContractDoesNotListIsRequestLevel(int retcode) {
        DataApiSendResult result = answeredRetcode(retcode, "what");

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.retcode()).isEqualTo(retcode);
        assertThat(result.message()).contains("does not list");
        assertThat(result.property()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverErrorsTimeoutsAndThrottlingAreTransient(int status) {
        DataApiSendResult result = answeredWith(aResponse().withStatus(status));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.retryAfter()).isNull();
    }

    @Test
    void retryAfterInSecondsIsKept() {
        DataApiSendResult result = answeredWith(aResponse().withStatus(503).withHeader("Retry-After", "120"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheWaitFromNow() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));

        DataApiSendResult result = answeredWith(aResponse().withStatus(429).withHeader("Retry-After", date));

        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void retryAfterIsKeptForATransientRetcodeToo() {
        DataApiSendResult result = answeredWith(okJson("{\"retcode\":5,\"errmsg\":\"busy\"}").withHeader("Retry-After", "30"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreRequestLevel(int status) {
        DataApiSendResult result = answeredWith(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Forbidden</body></html>"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.property()).contains("youshu.app-secret");
        assertThat(result.message()).doesNotContain("<html>");
    }

    @Test
    void noDataApiAtTheAddressIsRequestLevelNamingTheBaseUrl() {
        DataApiSendResult result = answeredWith(aResponse().withStatus(404));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.property()).contains("youshu.base-url");
    }

    @Test
    void aTooLargeBodyIsTheItemsFault() {
        assertThat(answeredWith(aResponse().withStatus(413)).outcome()).isEqualTo(DataApiOutcome.ITEMS_REJECTED);
    }

    @Test
    void anotherClientErrorIsClassifiedByItsRetcodeWhenItHasOne() {
        assertThat(answeredWith(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"retcode\":13,\"errmsg\":\"bad json\"}")).outcome()).isEqualTo(DataApiOutcome.ITEMS_REJECTED);
        assertThat(answeredWith(aResponse().withStatus(400)).outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
    }

    @Test
    void anHtmlPageWithStatus200IsAnUnknownOutcome() {
        DataApiSendResult result = answeredWith(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body>Maintenance</body></html>"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.message()).isEqualTo("HTTP 200 with a body that is no data-api answer (text/html)");
    }

    @Test
    void anHtmlErrorPageFromAGatewayIsTransient() {
        DataApiSendResult result = answeredWith(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.message()).isEqualTo("HTTP 502");
    }

    @Test
    void jsonWithoutARetcodeOrAnEmptyBodyIsAnUnknownOutcome() {
        assertThat(answeredWith(okJson("{\"data\":{}}")).outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(answeredWith(okJson("[0]")).outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        DataApiSendResult empty = answeredWith(aResponse().withStatus(200));
        assertThat(empty.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(empty.message()).contains("(empty)");
    }

    @Test
    void theReportApisCodeShapeIsReadToo() {
        DataApiSendResult result = answeredWith(okJson("{\"code\":15,\"msg\":\"sign error\"}"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.retcode()).isEqualTo(15);
    }

    @Test
    void aRetcodeAsAStringIsRead() {
        assertThat(answeredWith(okJson("{\"retcode\":\"13\",\"errmsg\":\"x\"}")).outcome())
                .isEqualTo(DataApiOutcome.ITEMS_REJECTED);
    }

    @Test
    void aRedirectIsAnUnknownOutcome() {
        DataApiSendResult result = answeredWith(aResponse().withStatus(302).withHeader("Location", "https://example.com/"));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isEqualTo(302);
    }

    @Test
    void youshusMessageIsCutAndKeptOnOneLine() {
        String longMessage = "line1\\nline2 " + "x".repeat(500);

        DataApiSendResult result = answeredRetcode(13, longMessage);

        assertThat(result.message()).doesNotContain("\n").startsWith("retcode 13: line1 line2 x")
                .hasSize("retcode 13: ".length() + DataApiResponseClassifier.MAX_SERVER_MESSAGE + "...".length());
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsTransient() {
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(okJson("{\"retcode\":0}").withFixedDelay(3_000)));

        DataApiSendResult result = transport(youshu.baseUrl(), Duration.ofMillis(200), 50, Clock.systemUTC())
                .send(DataApiEndpoint.ADD_ORDER, "10001", items(ITEM_1));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).contains("timed out");
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DataApiSendResult result = transport("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5), 50, Clock.systemUTC())
                .send(DataApiEndpoint.ADD_ORDER, "10001", items(ITEM_1));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).isEqualTo("connection failed");
    }

    @Test
    void aConnectionResetMidAnswerIsTransient() {
        DataApiSendResult result = answeredWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.TRANSIENT);
        assertThat(result.httpStatus()).isZero();
    }

    // --- limits and arguments ---

    @Test
    void fiftyItemsGoInOneRequestAndFiftyOneAreRefused() {
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(okJson("{\"retcode\":0}")));
        List<byte[]> fifty = items(IntStream.range(0, 50).mapToObj(i -> "{\"i\":" + i + "}").toArray(String[]::new));

        assertThat(transport().send(DataApiEndpoint.ADD_ORDER, "10001", fifty).isDelivered()).isTrue();

        List<byte[]> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("{}".getBytes(StandardCharsets.UTF_8));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> transport().send(DataApiEndpoint.ADD_ORDER, "10001", fiftyOne))
                .withMessage("At most 50 items go in one data-api request (youshu.orders.max-items-per-request), "
                        + "but 51 were given: split the batch");
    }

    @Test
    void aLowerLimitIsHonoured() {
        DataApiTransport transport = transport(youshu.baseUrl(), Duration.ofSeconds(5), 2, Clock.systemUTC());

        assertThat(transport.maxItemsPerRequest()).isEqualTo(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> transport.send(DataApiEndpoint.ADD_ORDER, "1", items("{}", "{}", "{}")))
                .withMessageContaining("At most 2 items");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 51})
    void aLimitOutsideOneToFiftyIsRefusedNamingTheProperty(int limit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> transport(youshu.baseUrl(), Duration.ofSeconds(5), limit, Clock.systemUTC()))
                .withMessage("youshu.orders.max-items-per-request must be between 1 and 50 (Youshu's data-api takes "
                        + "at most 50 items a request), but was " + limit);
    }

    @Test
    void wrongArgumentsAreRefusedBeforeAnythingIsSent() {
        DataApiTransport transport = transport();

        assertThatIllegalArgumentException().isThrownBy(() -> transport.send(DataApiEndpoint.ADD_ORDER, " ", items(ITEM_1)))
                .withMessageContaining("youshu.orders.data-source-id");
        assertThatIllegalArgumentException().isThrownBy(() -> transport.send(DataApiEndpoint.ADD_ORDER, "1", List.of()))
                .withMessage("items must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> transport.send(DataApiEndpoint.ADD_ORDER, "1", items(ITEM_1, "[1,2]")))
                .withMessage("items[1] is not a serialized JSON object");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> transport.send(DataApiEndpoint.ADD_ORDER, "1", items(ITEM_1, "")))
                .withMessage("items[1] is not a serialized JSON object");
        youshu.verify(0, postRequestedFor(urlPathEqualTo(ADD_ORDER)));
    }
}
