package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.simulator.ReceivedEvent;
import io.github.youshu.simulator.YoushuSimulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The minimal {@code application.yml} of each README, taken out of the README itself (the block after
 * the {@code <!-- youshu:minimal-config -->} marker), starts a Spring Boot application exactly as
 * written — plus only the environment variables it asks for, {@code youshu.base-url} pointing at an
 * embedded simulator, and a DataSource — and a payment confirmed outside any mini-program request
 * (like a WeChat Pay callback: no context headers) arrives at the simulator as a valid, signed event.
 * So the README's first steps cannot drift from what works.
 */
class ReadmeMinimalConfigurationTest {

    static final String MARKER = "<!-- youshu:minimal-config -->";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    /** What the README's environment variables are set to: the simulator's credentials. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "YOUSHU_APP_ID", YoushuSimulator.DEFAULT_APP_ID, "YOUSHU_APP_SECRET", YoushuSimulator.DEFAULT_APP_SECRET);

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "README.zh-CN.md"})
    void theMinimalConfigurationAsCopiedDeliversValidSignedEvents(String readme, @TempDir Path directory) throws Exception {
        String yaml = minimalConfiguration(Path.of("..", readme));
        Path applicationYml = Files.writeString(directory.resolve("application.yml"), yaml, StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.config.location=" + applicationYml.toUri());
        for (String variable : placeholders(yaml)) {
            assertThat(ENVIRONMENT).as("the environment variables %s asks for", readme).containsKey(variable);
            arguments.add("--" + variable + "=" + ENVIRONMENT.get(variable));
        }
        try (YoushuSimulator simulator = YoushuSimulator.builder().build().start()) {
            arguments.add("--youshu.base-url=" + simulator.baseUrl());
            try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(Shop.class)
                    .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new))) {

                shop.getBean(Checkout.class).confirmPayment(new PayCommand("SO-README-1", "oUser-readme"));

                await().atMost(Duration.ofSeconds(20)).until(() -> !simulator.received().isEmpty());
                ReceivedEvent event = simulator.received().get(0);
                assertThat(event.violations()).as("violations the simulator found in %s", event.json()).isEmpty();
                assertThat(event.valid()).isTrue();
                assertThat(event.signatureOk()).isTrue();
                assertThat(event.accepted()).isTrue();
                assertThat(event.endpoint()).isEqualTo(YoushuSimulator.SAFE_REPORT_PATH);
                assertThat(event.type()).isEqualTo("custom_order");
                assertThat(event.orderId()).isEqualTo("SO-README-1");
                assertThat(event.orderStatus()).isEqualTo("payed");
                assertThat(event.json()).contains("\"open_id\":\"oUser-readme\"");
                // The starter took the answer: stopping now leaves nothing in flight.
                DeliveryStatistics statistics = shop.getBean(DeliveryStatistics.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> statistics.snapshot().of("custom_order").sent() == 1);
                assertThat(statistics.snapshot().of("custom_order").invalid()).isZero();
            }
        }
    }

    /** The YAML block right after the marker. */
    static String minimalConfiguration(Path readme) throws Exception {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int marker = text.indexOf(MARKER);
        assertThat(marker).as("%s has the marker %s before its minimal application.yml", readme, MARKER).isNotNegative();
        int start = text.indexOf("```yaml\n", marker);
        assertThat(start).as("a ```yaml block after the marker in %s", readme).isNotNegative();
        assertThat(text.substring(marker + MARKER.length(), start)).as("only blank lines between marker and block").isBlank();
        start += "```yaml\n".length();
        int end = text.indexOf("\n```", start);
        return text.substring(start, end + 1);
    }

    private static Set<String> placeholders(String yaml) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A shop application: Boot's auto-configuration, one annotated service (as in the README) and a database. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Shop {

        @Bean
        Checkout checkout() {
            return new Checkout();
        }

        @Bean
        DataSource dataSource() {
            return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        }
    }

    public record PayCommand(String orderId, String openId) {
    }

    public record Order(String id, Instant createdAt, BigDecimal total, BigDecimal payable) {
    }

    /** The README's custom_order example, called the way a WeChat Pay notification handler would call it. */
    public static class Checkout {

        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.payable",
                openId = "#cmd.openId")
        public Order confirmPayment(PayCommand cmd) {
            return new Order(cmd.orderId(), Instant.parse("2026-11-23T10:00:00Z"), new BigDecimal("128.00"),
                    new BigDecimal("99.90"));
        }
    }
}
