package io.github.youshu.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.youshu.delivery.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.youshu.delivery.memory.DeadLetter;
import io.github.youshu.delivery.memory.MemoryDelivery;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.transport.DataApiSender;
import io.github.youshu.transport.DataApiTransport;
import io.github.youshu.transport.DataSourceIdResolver;
import io.github.youshu.transport.DataSourceState;
import io.github.youshu.transport.ReportEndpoint;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import io.github.youshu.transport.YoushuEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Data-api items through the relay, the memory queue and the real transports against a WireMock
 * Youshu (data-api.md §1: what each {@code retcode} class does to the items; §2: items wait for
 * the data source id; §9: one order's items keep their order across endpoints), beside behaviour
 * events on their own route.
 */
class WireMockDataApiRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OK = "{\"retcode\":0,\"errmsg\":\"\",\"data\":{}}";

    private final WireMockYoushu youshu = new WireMockYoushu();

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    private DataSourceIdResolver resolver;

    private MemoryDelivery delivery;

    WireMockDataApiRelayTest() {
        scheduler.initialize();
    }

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.close();
        }
        if (resolver != null) {
            resolver.stop();
        }
        scheduler.shutdown();
        youshu.close();
    }

    /**
     * Two bad items, first in the batch, answered alike: for behaviour events a code that rejects
     * both halves alike is taken for the request's fault; retcode 13 never is (§1).
     */
    @Test
    void retcode13SplitsDownToTheBadItemsAndDeadLettersThemAlone() {
        stubDataApi(OK, 10);
        youshu.server.stubFor(post(urlPathEqualTo(DataApiEndpoint.ADD_ORDER.urlPath())).atPriority(1)
                .withRequestBody(matching(".*\"seq\":[12]}.*"))
                .willReturn(okJson("{\"retcode\":13,\"errmsg\":\"orders[0].goods_info: is required\",\"data\":{}}")));
        start("10001");

        IntStream.rangeClosed(1, 8).forEach(seq -> delivery.dispatcher.dispatch(item(DataApiEndpoint.ADD_ORDER, "O-" + seq, seq)));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(delivery.deadLetters.list()).extracting(DeadLetter::event).extracting(OutboundEvent::orderId)
                .containsExactly("O-1", "O-2");
        assertThat(accepted()).containsOnlyKeys(3, 4, 5, 6, 7, 8).allSatisfy((seq, times) -> assertThat(times).isOne());
        assertThat(requests()).extracting(Request::seqs).contains(List.of(1), List.of(2));
        assertThat(delivery.relay.dataApiRequestFailureState().current()).as("13 is the item's fault, never the request's")
                .isEmpty();
    }

    /** 15 (credentials) and 10 (data source not found) are the request's fault: items wait, never dead-lettered. */
    @ParameterizedTest
    @ValueSource(ints = {15, 10})
    void requestLevelCodesNeverSplitNorDeadLetterTheItemsWaitThenGo(int retcode) {
        stubDataApi("{\"retcode\":" + retcode + ",\"errmsg\":\"refused\",\"data\":{}}", 10);
        start("10001");

        IntStream.rangeClosed(1, 5).forEach(seq -> delivery.dispatcher.dispatch(item(DataApiEndpoint.ADD_ORDER, "O-" + seq, seq)));
        await().until(() -> requests().size() >= 3);

        assertThat(delivery.deadLetters.list()).isEmpty();
        assertThat(delivery.relay.dataApiRequestFailureState().current()).hasValueSatisfying(failure -> {
            assertThat(failure.cause()).contains("retcode " + retcode);
            assertThat(failure.checkProperty()).startsWith("youshu.");
        });
        assertThat(delivery.relay.requestFailureState().current()).as("behaviour events' requests are not at fault")
                .isEmpty();
        youshu.server.resetMappings();
        stubDataApi(OK, 10);

        await().until(() -> delivery.unsettled() == 0);
        assertThat(requests()).as("never split").allSatisfy(request -> assertThat(request.seqs()).hasSize(5));
        assertThat(accepted()).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((seq, times) -> assertThat(times).isOne());
        assertThat(delivery.deadLetters.list()).isEmpty();
        assertThat(delivery.relay.dataApiRequestFailureState().current()).as("over once Youshu accepts").isEmpty();
    }

    @Test
    void retcode5IsRetried() {
        youshu.server.stubFor(post(urlPathEqualTo(DataApiEndpoint.UPDATE_ORDER.urlPath())).inScenario("write")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("written")
                .willReturn(okJson("{\"retcode\":5,\"errmsg\":\"write failed\",\"data\":{}}")));
        youshu.server.stubFor(post(urlPathEqualTo(DataApiEndpoint.UPDATE_ORDER.urlPath())).inScenario("write")
                .whenScenarioStateIs("written").willReturn(okJson(OK)));
        start("10001");

        IntStream.rangeClosed(1, 3).forEach(seq -> delivery.dispatcher.dispatch(item(DataApiEndpoint.UPDATE_ORDER, "O-" + seq, seq)));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(requests()).extracting(Request::seqs).containsExactly(List.of(1, 2, 3), List.of(1, 2, 3));
        assertThat(accepted()).containsOnlyKeys(1, 2, 3);
        assertThat(delivery.deadLetters.list()).isEmpty();
    }

    @Test
    void aBatchNeverMixesRoutesAndTheItemsOfOneOrderKeepTheirOrderAcrossEndpoints() {
        stubDataApi(OK, 10);
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        start("10001");
        Map<Integer, String> routeOf = new HashMap<>();

        int seq = 0;
        for (int order = 1; order <= 6; order++) {
            String orderId = "O-" + order;
            for (DataApiEndpoint endpoint : List.of(DataApiEndpoint.ADD_ORDER, DataApiEndpoint.UPDATE_ORDER,
                    DataApiEndpoint.ADD_ORDER, DataApiEndpoint.ADD_RETURN_ORDER)) {
                seq++;
                delivery.dispatcher.dispatch(orderEvent(seq, orderId));
                routeOf.put(seq, WireMockYoushu.PATH);
                seq++;
                delivery.dispatcher.dispatch(item(endpoint, orderId, seq));
                routeOf.put(seq, endpoint.urlPath());
            }
        }
        int dispatched = seq;

        await().until(() -> delivery.unsettled() == 0);
        List<Request> requests = requests();
        assertThat(requests).allSatisfy(request -> assertThat(request.seqs())
                .allSatisfy(s -> assertThat(routeOf.get(s)).as("seq %d in a request to %s", s, request.path())
                        .isEqualTo(request.path())));
        assertThat(accepted()).hasSize(dispatched).allSatisfy((s, times) -> assertThat(times).isOne());
        List<Integer> arrival = requests.stream().filter(request -> !request.path().equals(WireMockYoushu.PATH))
                .flatMap(request -> request.seqs().stream()).toList();
        for (int order = 0; order < 6; order++) {
            int first = order * 8;
            List<Integer> itemsOfOrder = List.of(first + 2, first + 4, first + 6, first + 8);
            assertThat(arrival.stream().filter(itemsOfOrder::contains).toList()).as("order O-%d", order + 1)
                    .isEqualTo(itemsOfOrder);
        }
    }

    @Test
    void dataApiItemsWaitWhileTheDataSourceIsUnknownAndBehaviourEventsStillGo() {
        youshu.server.stubFor(get(urlPathMatching("/data-api/v1/data_source/get")).willReturn(aResponse().withStatus(503)));
        stubDataApi(OK, 10);
        youshu.server.stubFor(post(urlPathEqualTo(WireMockYoushu.PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        start(null);

        IntStream.rangeClosed(1, 3).forEach(seq -> delivery.dispatcher.dispatch(item(DataApiEndpoint.ADD_ORDER, "O-" + seq, seq)));
        IntStream.rangeClosed(4, 6).forEach(seq -> delivery.dispatcher.dispatch(orderEvent(seq, "O-" + (seq - 3))));

        await().until(() -> accepted().keySet().containsAll(List.of(4, 5, 6)));
        await().until(() -> resolver.state().failedAttempts() >= 2);
        assertThat(resolver.state().status()).isEqualTo(DataSourceState.Status.UNREACHABLE);
        assertThat(requests()).extracting(Request::path).containsOnly(WireMockYoushu.PATH);
        assertThat(delivery.store.pendingCount()).as("the items wait in the queue").isEqualTo(3);

        youshu.server.stubFor(get(urlPathMatching("/data-api/v1/data_source/get")).atPriority(1)
                .willReturn(okJson("{\"retcode\":0,\"errmsg\":\"\",\"data\":{\"dataSources\":[{\"id\":\"DS-9\"}]}}")));

        await().until(() -> delivery.unsettled() == 0);
        assertThat(accepted()).containsOnlyKeys(1, 2, 3, 4, 5, 6).allSatisfy((seq, times) -> assertThat(times).isOne());
        assertThat(youshu.server.getAllServeEvents()).filteredOn(served -> served.getRequest().getUrl()
                        .startsWith(DataApiEndpoint.ADD_ORDER.urlPath()))
                .allSatisfy(served -> assertThat(served.getRequest().getBodyAsString()).contains("\"dataSourceId\":\"DS-9\""));
        assertThat(delivery.deadLetters.list()).isEmpty();
    }

    private void start(String configuredDataSourceId) {
        DataApiTransport dataApi = new DataApiTransport(TransportSettings.of(YoushuEnvironment.TEST, youshu.server.baseUrl(),
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                YoushuCredentials.of("bi-wiremock-test", "s3cr3t-value"), 50);
        resolver = new DataSourceIdResolver(configuredDataSourceId, "M-1", dataApi, scheduler,
                new FixedBackOff(50, FixedBackOff.UNLIMITED_ATTEMPTS), java.time.Clock.systemUTC());
        resolver.start();
        delivery = new MemoryDelivery(TestSettings.quick().batch(50, 500_000).flushInterval(Duration.ofMillis(300))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100)).maxRetryDuration(Duration.ofMinutes(5)).build(),
                new RoutedTransport(youshu.transport("s3cr3t-value"), new DataApiSender(dataApi, resolver), resolver))
                .start();
    }

    private void stubDataApi(String answer, int priority) {
        youshu.server.stubFor(post(urlPathMatching("/data-api/v1/(order|return_order)/.*")).atPriority(priority)
                .willReturn(okJson(answer)));
    }

    static OutboundEvent item(DataApiEndpoint endpoint, String orderId, int seq) {
        String json = "{\"external_order_id\":\"" + orderId + "\",\"seq\":" + seq + "}";
        return new OutboundEvent(DeliveryRoute.of(endpoint), endpoint.path(), orderId,
                json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    private static OutboundEvent orderEvent(int seq, String orderId) {
        return TestEvents.orderEvent(seq, orderId);
    }

    /** Every request with the seqs it carried, in arrival order (data source calls left out). */
    private List<Request> requests() {
        List<ServeEvent> served = new ArrayList<>(youshu.server.getAllServeEvents());
        served.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        List<Request> requests = new ArrayList<>();
        for (ServeEvent event : served) {
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
            if (path.contains("data_source")) {
                continue;
            }
            boolean ok = event.getResponse().getStatus() == 200
                    && event.getResponse().getBodyAsString().replace(" ", "").matches(".*\"(ret)?code\":0[,}].*");
            requests.add(new Request(path, seqs(event.getRequest().getBodyAsString()), ok));
        }
        return requests;
    }

    /** How often each seq arrived in a request Youshu accepted. */
    private Map<Integer, Integer> accepted() {
        Map<Integer, Integer> accepted = new HashMap<>();
        for (Request request : requests()) {
            if (request.accepted()) {
                request.seqs().forEach(seq -> accepted.merge(seq, 1, Integer::sum));
            }
        }
        return accepted;
    }

    private static List<Integer> seqs(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode list = json.isArray() ? json : json.path("orders");
            List<Integer> seqs = new ArrayList<>();
            list.forEach(node -> seqs.add(node.path("seq").asInt()));
            return seqs;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record Request(String path, List<Integer> seqs, boolean accepted) {
    }
}
