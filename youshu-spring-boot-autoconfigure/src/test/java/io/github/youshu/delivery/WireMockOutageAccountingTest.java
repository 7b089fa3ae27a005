package io.github.youshu.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics.EventCounts;
import io.github.youshu.delivery.memory.MemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Several thousand events through the auto-configured memory delivery to a WireMock Youshu that
 * answers 503s, then times out, then accepts: every event is accounted for, and every event that
 * counts as sent arrived in a request Youshu accepted, exactly once.
 */
class WireMockOutageAccountingTest {

    private static final int EVENTS = 3_000;
    private static final String PATH = "/api/v1/safe-report";

    private final WireMockServer youshu = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").containerThreads(20));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        youshu.stop();
    }

    @Test
    void outageThenTimeoutsThenRecoveryLosesNothingUnaccounted() {
        youshu.start();
        youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value",
                        "youshu.wx-app-id=wx0000000000test0", "youshu.from=test-shop",
                        "youshu.base-url=http://127.0.0.1:" + youshu.port(), "youshu.http.request-timeout=300ms",
                        "youshu.delivery.flush-interval=20ms", "youshu.delivery.backoff-initial=20ms",
                        "youshu.delivery.backoff-max=200ms", "youshu.delivery.queue-capacity=2500")
                .run(context -> {
                    EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
                    DeliveryStatistics statistics = context.getBean(DeliveryStatistics.class);
                    MemoryEventStore store = context.getBean(MemoryEventStore.class);
                    for (int i = 0; i < EVENTS; i++) {
                        byte[] body = ("{\"type\":\"custom_order\",\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                        dispatcher.dispatch(new OutboundEvent("custom_order", "SO" + i, body, Instant.now()));
                    }

                    await().atMost(Duration.ofSeconds(20)).until(() -> youshu.getAllServeEvents().size() >= 5);
                    youshu.resetMappings();
                    youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\":0}").withFixedDelay(1_000)));
                    int beforeTimeouts = youshu.getAllServeEvents().size();
                    await().atMost(Duration.ofSeconds(20)).until(() -> youshu.getAllServeEvents().size() >= beforeTimeouts + 3);
                    youshu.resetMappings();
                    StubMapping accepting = youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));

                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        EventCounts total = statistics.snapshot().total();
                        assertThat(total.sent() + total.dropped() + total.deadLettered()).isEqualTo(total.accepted());
                        assertThat(store.pendingCount() + store.inFlightCount()).isZero();
                    });

                    EventCounts total = statistics.snapshot().total();
                    assertThat(total.accepted() + total.dropped()).as("every offered event is accepted or dropped")
                            .isGreaterThanOrEqualTo(EVENTS);
                    assertThat(total.dropped()).as("the 2,500-event queue overflowed during the outage").isPositive();
                    assertThat(total.sent()).isPositive();
                    Map<Integer, Integer> arrivals = new HashMap<>();
                    for (ServeEvent served : youshu.getAllServeEvents()) {
                        if (served.getStubMapping() != null && accepting.getId().equals(served.getStubMapping().getId())) {
                            for (JsonNode event : json.readTree(served.getRequest().getBodyAsString())) {
                                arrivals.merge(event.get("id").asInt(), 1, Integer::sum);
                            }
                        }
                    }
                    assertThat(arrivals).hasSize((int) total.sent());
                    assertThat(arrivals.values()).as("no accepted event sent twice").containsOnly(1);
                });
    }
}
