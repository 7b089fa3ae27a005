package io.github.youshu.transport;

import io.github.youshu.order.DataApiEndpoint;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.FixedBackOff;

/** The sender folds "data source id not known yet" into a request-level answer and feeds retcode 10 back. */
class DataApiSenderTest {

    private static final String UPDATE = "/data-api/v1/order/update";
    private static final List<byte[]> ITEMS = List.of(
            "{\"external_order_id\":\"ORD-1\",\"order_status\":\"1160\",\"status_change_time\":\"1700000000000\"}"
                    .getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static WireMockExtension youshu = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final DataApiTransport transport = new DataApiTransport(
            TransportSettings.of(YoushuEnvironment.TEST, youshu.baseUrl(), ReportEndpoint.SAFE_REPORT,
                    Duration.ofSeconds(1), Duration.ofSeconds(5)),
            YoushuCredentials.of("bi-sender-test", "sender-secret"), 50);

    private DataSourceIdResolver resolver(String configuredId, String merchantId) {
        return new DataSourceIdResolver(configuredId, merchantId, transport, mock(TaskScheduler.class),
                new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS), Clock.systemUTC());
    }

    @Test
    void itemsGoWithTheKnownId() {
        youshu.stubFor(post(urlPathEqualTo(UPDATE)).willReturn(okJson("{\"retcode\":0}")));
        DataApiSender sender = new DataApiSender(transport, resolver("10001", null));

        DataApiSendResult result = sender.send(DataApiEndpoint.UPDATE_ORDER, ITEMS);

        assertThat(result.isDelivered()).isTrue();
        youshu.verify(1, postRequestedFor(urlPathEqualTo(UPDATE)).withRequestBody(equalToJson(
                "{\"dataSourceId\":\"10001\",\"orders\":[" + new String(ITEMS.get(0), StandardCharsets.UTF_8) + "]}")));
        assertThat(sender.maxItemsPerRequest()).isEqualTo(50);
    }

    @Test
    void whileTheIdIsUnknownNothingIsSentAndTheItemsWait() {
        DataSourceIdResolver resolver = resolver(null, "M-1");
        resolver.start(); // the mocked scheduler never runs the attempt: resolution stays in progress
        DataApiSender sender = new DataApiSender(transport, resolver);

        DataApiSendResult result = sender.send(DataApiEndpoint.UPDATE_ORDER, ITEMS);

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).startsWith("data source id not known yet (resolving: ");
        assertThat(result.property()).isEqualTo("youshu.merchant-id");
        assertThat(youshu.getAllServeEvents()).isEmpty();
    }

    @Test
    void withNothingConfiguredTheAnswerNamesBothProperties() {
        DataApiSendResult result = new DataApiSender(transport, resolver(null, null)).send(DataApiEndpoint.ADD_ORDER, ITEMS);

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.property()).contains("youshu.orders.data-source-id", "youshu.merchant-id");
    }

    @Test
    void dataSourceNotFoundMakesAResolvedIdResolveAgain() {
        // A scheduler that runs every attempt at once, on the caller's thread.
        TaskScheduler atOnce = mock(TaskScheduler.class);
        doAnswer(invocation -> {
            invocation.<Runnable>getArgument(0).run();
            return mock(ScheduledFuture.class);
        }).when(atOnce).schedule(any(Runnable.class), any(Instant.class));
        DataSourceIdResolver resolver = new DataSourceIdResolver(null, "M-1", transport, atOnce,
                new FixedBackOff(0, 0), Clock.systemUTC());
        stubDataSource("20002");
        resolver.start();
        assertThat(resolver.dataSourceId()).contains("20002");
        youshu.stubFor(post(urlPathEqualTo(UPDATE)).willReturn(okJson("{\"retcode\":10,\"errmsg\":\"no data source\"}")));
        stubDataSource("20003");

        DataApiSendResult result = new DataApiSender(transport, resolver).send(DataApiEndpoint.UPDATE_ORDER, ITEMS);

        assertThat(result.outcome()).isEqualTo(DataApiOutcome.REQUEST_LEVEL);
        assertThat(result.retcode()).isEqualTo(10);
        assertThat(resolver.dataSourceId()).contains("20003");
    }

    private static void stubDataSource(String id) {
        youshu.stubFor(get(urlPathEqualTo("/data-api/v1/data_source/get"))
                .willReturn(okJson("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"" + id + "\"}]}}")));
    }
}
