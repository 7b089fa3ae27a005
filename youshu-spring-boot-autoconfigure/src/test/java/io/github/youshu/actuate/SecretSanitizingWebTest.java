package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Issue 11 item 8 over real HTTP on the Boot line under test: with
 * {@code management.endpoint.env.show-values=always} and {@code configprops.show-values=always}
 * (which show every other value), and with an application sanitizing function of its own,
 * {@code /actuator/env} and {@code /actuator/configprops} never show {@code youshu.app-secret}.
 */
class SecretSanitizingWebTest {

    private static final String SECRET = "pl41n-s3cr3t-value";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        SpringApplication spring = new SpringApplication(Application.class);
        spring.setWebApplicationType(WebApplicationType.SERVLET);
        application = spring.run("--server.port=0", "--spring.main.banner-mode=off", "--youshu.app-id=bi123",
                "--youshu.app-secret=${TEST_YOUSHU_SECRET_SOURCE}", "--TEST_YOUSHU_SECRET_SOURCE=" + SECRET,
                "--youshu.wx-app-id=wx0000000000test0", "--youshu.from=test-shop", "--youshu.base-url=http://127.0.0.1:9",
                "--shop.visible=plain-value", "--shop.password=app-masked",
                "--management.endpoints.web.exposure.include=env,configprops",
                "--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always");
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theEnvEndpointMasksTheSecretUnderItsPropertyAndWhereverItsValueAppears() throws Exception {
        String all = get("/actuator/env");
        assertThat(all).doesNotContain(SECRET).contains("plain-value").as("show-values=always works").contains("youshu.app-secret");

        String entry = get("/actuator/env/youshu.app-secret");
        assertThat(entry).doesNotContain(SECRET).contains("******");
        assertThat(get("/actuator/env/TEST_YOUSHU_SECRET_SOURCE")).doesNotContain(SECRET);
    }

    @Test
    void theConfigpropsEndpointMasksTheSecret() throws Exception {
        String all = get("/actuator/configprops");
        assertThat(all).doesNotContain(SECRET).contains("bi123").contains("appSecret");
        // "properties" holds the value itself, "inputs" an object with the value and its origin
        assertThat(new ObjectMapper().readTree(all).findValues("appSecret")).isNotEmpty()
                .allSatisfy(value -> assertThat(value.isTextual() ? value.asText() : value.path("value").asText())
                        .isEqualTo("******"));
    }

    @Test
    void theApplicationsOwnSanitizingFunctionStillWorks() throws Exception {
        assertThat(get("/actuator/env/shop.password")).doesNotContain("app-masked").contains("******");
    }

    private static String get(String path) throws Exception {
        String port = application.getBean(Environment.class).getProperty("local.server.port");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        /** An application's own rule, as merchants have them; it must not disturb the starter's. */
        @Bean
        SanitizingFunction passwords() {
            return SanitizingFunction.sanitizeValue().ifKeyContains("password");
        }
    }
}
