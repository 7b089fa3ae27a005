package io.github.youshu.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoopbackYoushuServerTest {

    @Test
    void countsTheObjectsOfATopLevelArray() {
        assertThat(count("[{\"type\":\"a\",\"props\":{\"x\":[{\"y\":1}]}},{\"type\":\"b\"}]")).isEqualTo(2);
        assertThat(count("[]")).isZero();
    }

    @Test
    void countsOneObjectAsOneEvent() {
        assertThat(count("{\"type\":\"a\",\"props\":{\"list\":[{},{}]}}")).isEqualTo(1);
    }

    @Test
    void ignoresBracesAndQuotesInsideStrings() {
        assertThat(count("[{\"t\":\"{[\\\"}]\"},{\"t\":\"\\\\\"},{\"t\":\"}\"}]")).isEqualTo(3);
    }

    @Test
    void acceptsSignedRequestsAndRefusesUnsignedOnes() throws IOException, InterruptedException {
        try (LoopbackYoushuServer server = LoopbackYoushuServer.start()) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> signed = client.send(post(server, "?app_id=a&signature=s", "[{},{}]"),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unsigned = client.send(post(server, "?app_id=a", "{}"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(signed.body()).contains("\"code\":0");
            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(server.requests()).isEqualTo(1);
            assertThat(server.events()).isEqualTo(2);
            assertThat(server.unsignedRequests()).isEqualTo(1);
        }
    }

    private static HttpRequest post(LoopbackYoushuServer server, String query, String body) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/safe-report" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long count(String json) {
        return LoopbackYoushuServer.countEvents(json.getBytes(StandardCharsets.UTF_8));
    }
}
