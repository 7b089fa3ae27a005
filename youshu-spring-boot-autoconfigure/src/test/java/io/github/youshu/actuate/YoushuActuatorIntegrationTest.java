package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The whole application as Spring Boot assembles it on the Boot line under test: the health
 * endpoint finds the {@code youshu} indicator, the meter registry has the Youshu meters, and the
 * {@code youshu} endpoint works through actuator's own operation machinery (over JMX here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop", "youshu.delivery.flush-interval=20ms",
        "spring.jmx.enabled=true", "spring.jmx.unique-names=true", "management.endpoints.jmx.exposure.include=health,youshu"})
class YoushuActuatorIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MeterRegistry meterRegistry;

    @Autowired
    private EventDispatcher dispatcher;

    @Test
    void bootsHealthEndpointReportsTheYoushuIndicator() throws Exception {
        Object healthEndpoint = context.getBean("healthEndpoint");
        Object health = healthEndpoint.getClass().getMethod("healthForPath", String[].class)
                .invoke(healthEndpoint, (Object) new String[] {"youshu"});

        assertThat(health).isNotNull();
        assertThat(health.getClass().getMethod("getStatus").invoke(health)).hasToString("UP");
        Map<String, Object> details = map(health.getClass().getMethod("getDetails").invoke(health));
        assertThat(details).containsKeys("queued", "inFlight", "queueCapacity", "deadLetters", "consecutiveFailures");
    }

    @Test
    void bootBindsTheYoushuMeters() {
        assertThat(meterRegistry.find("youshu.queue.size").gauge()).isNotNull();
        assertThat(meterRegistry.find("youshu.http.requests").tag("outcome", "transient").timer()).isNotNull();
    }

    @Test
    void theYoushuEndpointListsResendsAndPurgesThroughActuator() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("*:type=Endpoint,name=Youshu,*"), null);
        assertThat(names).hasSize(1);
        ObjectName youshu = names.iterator().next();
        byte[] json = UserIdMaskingTest.golden("custom_order");
        dispatcher.dispatch(new OutboundEvent("custom_order", "xxxx", json, Instant.now()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLetterCount(server, youshu) == 1);

        Map<?, ?> report = report(server, youshu);

        assertThat(report.toString()).contains("open_id=ogN6X0T***").doesNotContain("ogN6X0T-ilsH")
                .doesNotContain("s3cr3t-value").contains("rejected by Youshu");
        assertThat(((Map<?, ?>) ((Map<?, ?>) report.get("events")).get("custom_order")).get("deadLettered"))
                .hasToString("1");
        assertThat(map(server.invoke(youshu, "resend", new Object[0], new String[0])).get("requeued")).hasToString("1");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLetterCount(server, youshu) == 1);
        assertThat(map(server.invoke(youshu, "purge", new Object[0], new String[0])).get("purged")).hasToString("1");
        assertThat(deadLetterCount(server, youshu)).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static long deadLetterCount(MBeanServer server, ObjectName youshu) throws Exception {
        return ((Number) ((Map<?, ?>) report(server, youshu).get("deadLetters")).get("count")).longValue();
    }

    private static Map<?, ?> report(MBeanServer server, ObjectName youshu) throws Exception {
        return (Map<?, ?>) server.invoke(youshu, "report", new Object[0], new String[0]);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        /** Youshu rejects everything: every event becomes a dead letter. */
        @Bean
        YoushuTransport rejectingYoushu() {
            return (body, count) -> SendResult.rejected(200, 40001, "invalid open_id");
        }
    }
}
