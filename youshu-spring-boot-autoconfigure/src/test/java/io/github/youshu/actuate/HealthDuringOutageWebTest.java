package io.github.youshu.actuate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Issue 11 item 1 over real HTTP, on whichever Boot line the tests run: an application on an
 * embedded Tomcat whose Youshu (WireMock) answers every request with 503. The {@code youshu}
 * component shows the outage, yet {@code GET /actuator/health}, liveness and readiness answer 200
 * UP; only with {@code youshu.actuator.affects-aggregate-health=true} does the outage count.
 */
class HealthDuringOutageWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    private WireMockServer youshu;

    private ConfigurableApplicationContext application;

    @BeforeEach
    void youshuAnswersEveryRequestWith503() {
        youshu = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        youshu.start();
        youshu.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        youshu.stop();
    }

    @Test
    void anOutageShowsInTheYoushuComponentWhileTheApplicationAndItsProbesStayUp() throws Exception {
        start();
        failingRequestsUntilTheComponentIs("DEGRADED");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        JsonNode component = body.path("components").path("youshu");
        assertThat(component.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(component.path("details").path("problem").asText()).contains("requests to Youshu failed");
        assertThat(component.path("details").path("lastFailureMessage").asText()).contains("503");

        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("status").asText()).as(probe).isEqualTo("UP");
        }
        HttpResponse<String> own = get("/actuator/health/youshu");
        assertThat(own.statusCode()).as("the component itself is no outage of the application").isEqualTo(200);
        HttpResponse<String> group = get("/actuator/health/shop");
        assertThat(group.statusCode()).as("a group the operator put youshu in").isEqualTo(200);
        assertThat(JSON.readTree(group.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void withTheOptInTheOutageTurnsTheAggregateHealthDown() throws Exception {
        start("--youshu.actuator.affects-aggregate-health=true");
        failingRequestsUntilTheComponentIs("DOWN");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        assertThat(body.path("components").path("youshu").path("status").asText()).isEqualTo("DOWN");
        assertThat(get("/actuator/health/liveness").statusCode()).as("liveness holds only the liveness state").isEqualTo(200);
        assertThat(get("/actuator/health/shop").statusCode()).as("a group holding youshu").isEqualTo(503);
    }

    private void start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--youshu.app-id=bi123", "--youshu.app-secret=s3cr3t-value", "--youshu.wx-app-id=wx0000000000test0",
                "--youshu.from=test-shop", "--youshu.base-url=" + youshu.baseUrl(),
                "--youshu.delivery.flush-interval=20ms", "--youshu.delivery.backoff-initial=10ms",
                "--youshu.delivery.backoff-max=20ms",
                "--management.endpoints.web.exposure.include=health,youshu",
                "--management.endpoint.health.show-details=always", "--management.endpoint.health.probes.enabled=true",
                "--management.endpoint.health.group.shop.include=ping,youshu"));
        args.addAll(List.of(extra));
        SpringApplication spring = new SpringApplication(Application.class);
        spring.setWebApplicationType(WebApplicationType.SERVLET);
        application = spring.run(args.toArray(String[]::new));
    }

    private void failingRequestsUntilTheComponentIs(String status) throws Exception {
        application.getBean(EventDispatcher.class).dispatch(new OutboundEvent("custom_order", "SO1",
                UserIdMaskingTest.golden("custom_order"), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(get("/actuator/health/youshu").body())
                .path("status").asText().equals(status));
    }

    private HttpResponse<String> get(String path) throws Exception {
        String port = application.getBean(Environment.class).getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
