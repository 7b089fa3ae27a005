package io.github.youshu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A test client for the simulator, on java.net.http.HttpClient; signs requests itself. */
final class ReportClient {

    static final String JSON = "application/json; charset=utf-8";

    /** An answer: HTTP status, and {@code code}/{@code msg} when the body is the JSON answer. */
    record Answer(int status, Integer code, String msg, String body, HttpResponse<String> response) {

        /** The body as JSON. */
        JsonNode json() {
            return Golden.parse(body);
        }

        /** The data-api {@code retcode}. */
        int retcode() {
            return json().get("retcode").intValue();
        }

        /** The data-api {@code errmsg}. */
        String errmsg() {
            return json().get("errmsg").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String appId;
    private final String appSecret;
    private final Clock clock;

    ReportClient(String baseUrl, String appId, String appSecret, Clock clock) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /** The query of a correctly signed safe-report request with a fresh nonce. */
    Map<String, String> signedQuery() {
        return signedQuery(UUID.randomUUID().toString().replace("-", ""));
    }

    Map<String, String> signedQuery(String nonce) {
        return signedQuery(nonce, clock.instant().getEpochSecond());
    }

    /** A signed query with the given {@code timestamp} (seconds) and a fresh nonce. */
    Map<String, String> signedQueryAt(long epochSecond) {
        return signedQuery(UUID.randomUUID().toString().replace("-", ""), epochSecond);
    }

    private Map<String, String> signedQuery(String nonce, long epochSecond) {
        String timestamp = Long.toString(epochSecond);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_id", appId);
        query.put("nonce", nonce);
        query.put("sign", "sha256");
        query.put("timestamp", timestamp);
        query.put("signature", RequestSignature.sign(appSecret, appId, nonce, timestamp));
        return query;
    }

    Answer safeReport(JsonNode body) {
        return post(YoushuSimulator.SAFE_REPORT_PATH, signedQuery(), JSON, Golden.json(body), null);
    }

    Answer post(String path, Map<String, String> query, String contentType, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (timeout != null) {
            request.timeout(timeout);
        }
        return send(request.build());
    }

    Answer get(String path) {
        return get(path, Map.of());
    }

    Answer get(String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET().build());
    }

    /** A signed POST to {@code /data-api/v1/<endpoint>}, e.g. {@code order/add_order}. */
    Answer dataApi(String endpoint, JsonNode body) {
        return post(YoushuSimulator.DATA_API_PATH + endpoint, signedQuery(), JSON, Golden.json(body), null);
    }

    /** A signed {@code GET /data-api/v1/data_source/get?merchantId=..}. */
    Answer dataSourceGet(String merchantId) {
        Map<String, String> query = signedQuery();
        query.put("merchantId", merchantId);
        return get(YoushuSimulator.DATA_API_PATH + "data_source/get", query);
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path, Map.of())).DELETE().build());
    }

    Answer postJson(String path, String body) {
        return post(path, Map.of(), JSON, body, null);
    }

    /** Like {@link #post} but lets an {@link java.net.http.HttpTimeoutException} through. */
    HttpResponse<String> postExpectingTimeout(String path, Map<String, String> query, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path, query))
                .header("Content-Type", JSON)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Integer code = null;
            String msg = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    && response.body().startsWith("{")) {
                JsonNode json = Golden.parse(response.body());
                code = json.has("code") ? json.get("code").intValue() : null;
                msg = json.has("msg") ? json.get("msg").asText() : null;
            }
            return new Answer(response.statusCode(), code, msg, response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (queryString.isEmpty() ? "" : "?" + queryString));
    }
}
