package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 11 item 11 over real HTTP: in outbox mode {@code GET /actuator/youshu} shows the queue
 * without {@code "inFlight": null, "capacity": null} (the table has neither), and lists the
 * recent drops.
 */
class OutboxEndpointWebTest {

    @Test
    void theOutboxQueueShowsOnlyWhatTheTableKnows() throws Exception {
        SpringApplication spring = new SpringApplication(Application.class);
        spring.setWebApplicationType(WebApplicationType.SERVLET);
        try (ConfigurableApplicationContext application = spring.run("--server.port=0", "--spring.main.banner-mode=off",
"--youshu.app-id=bi123",
                "--youshu.app-secret=s3cr3t-value", "--youshu.wx-app-id=wx0000000000test0", "--youshu.from=test-shop",
                "--youshu.base-url=http://127.0.0.1:9", "--youshu.outbox.enabled=true",
                "--management.endpoints.web.exposure.include=youshu")) {
            String port = application.getBean(Environment.class).getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/youshu")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode report = new ObjectMapper().readTree(response.body());
            assertThat(report.path("queue").path("queued").asLong()).isZero();
            assertThat(report.path("queue").has("inFlight")).isFalse();
            assertThat(report.path("queue").has("capacity")).isFalse();
            assertThat(report.path("recentDrops").isArray()).isTrue();
            assertThat(report.path("deadLetters").path("count").asLong()).isZero();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:outbox-endpoint;DB_CLOSE_DELAY=-1");
        }
    }
}
