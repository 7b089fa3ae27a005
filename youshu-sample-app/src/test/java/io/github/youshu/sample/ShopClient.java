package io.github.youshu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The sample shop's REST API over real HTTP, called as the mini-program does: with the buyer's open id,
 * page and scene in X-Youshu-* headers. The same steps as {@code scripts/demo.sh}.
 */
final class ShopClient {

    static final String PAGE = "pages/order/confirm";
    static final int SCENE = 1089;

    /** Two lines (1 × 59.00 + 2 × 19.90 = 98.80) and the 10.00 coupon: payable 88.80. */
    static final String TWO_LINES_WITH_COUPON = "{\"lines\":[{\"skuId\":\"SKU-TEE-WHITE-M\",\"quantity\":1},"
            + "{\"skuId\":\"SKU-SOCKS-GREY\",\"quantity\":2}],\"couponId\":\"CPN-10-OFF\"}";
    /** Two lines, no coupon: 59.00 + 39.00 = 98.00. */
    static final String TWO_LINES = "{\"lines\":[{\"skuId\":\"SKU-TEE-BLACK-L\",\"quantity\":1},"
            + "{\"skuId\":\"SKU-CAP-NAVY\",\"quantity\":1}]}";
    /** One line: 39.00. */
    static final String ONE_LINE = "{\"lines\":[{\"skuId\":\"SKU-CAP-NAVY\",\"quantity\":1}]}";

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ShopClient(int port) {
        this.port = port;
    }

    /** Places an order; returns its id. */
    String placeOrder(String openId, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("/orders", body, openId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** POSTs each step in turn, e.g. {@code steps(id, openId, "payment", "payment/confirm")}; each must answer 200. */
    void steps(String orderId, String openId, String... steps) throws IOException, InterruptedException {
        for (String step : steps) {
            post("/orders/" + orderId + "/" + step, openId);
        }
    }

    JsonNode post(String path, String openId) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, null, openId);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** POSTs as the mini-program does: with the buyer's open id, page and scene in X-Youshu-* headers. */
    HttpResponse<String> send(String path, String body, String openId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Youshu-Open-Id", openId)
                .header("X-Youshu-Page", PAGE)
                .header("X-Youshu-Scene", String.valueOf(SCENE))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
