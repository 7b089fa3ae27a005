package io.github.youshu.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.youshu.delivery.LogCapture;
import io.github.youshu.delivery.MutableClock;
import io.github.youshu.transport.DataSourceState.Status;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** Resolution of the data source id (data-api.md §2, "Decision") against WireMock. */
class DataSourceIdResolverTest {

    private static final String GET_PATH = "/data-api/v1/data_source/get";
    private static final String ADD_PATH = "/data-api/v1/data_source/add";
    private static final String MERCHANT = "M-1001";

    @RegisterExtension
    static WireMockExtension youshu = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler();

    private DataApiTransport transport(String baseUrl) {
        TransportSettings settings = TransportSettings.of(YoushuEnvironment.PRODUCTION, baseUrl,
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(1), Duration.ofSeconds(5));
        return new DataApiTransport(settings, YoushuCredentials.of("bi-resolver-test", "resolver-secret"), 50, clock);
    }

    /** 1 s doubling up to 8 s: the waits the manual scheduler is asked for. */
    private static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(8_000);
        return backOff;
    }

    private DataSourceIdResolver resolver(String configuredId, String merchantId) {
        return new DataSourceIdResolver(configuredId, merchantId, transport(youshu.baseUrl()), scheduler.scheduler,
                backOff(), clock);
    }

    private static void stubGet(String json) {
        youshu.stubFor(get(urlPathEqualTo(GET_PATH)).willReturn(okJson(json)));
    }

    private static void stubAdd(String json) {
        youshu.stubFor(post(urlPathEqualTo(ADD_PATH)).willReturn(okJson(json)));
    }

    @Test
    void aConfiguredIdIsKnownAtOnceAndNothingIsAsked() {
        DataSourceIdResolver resolver = resolver("10001", MERCHANT);

        resolver.start();

        assertThat(resolver.dataSourceId()).contains("10001");
        assertThat(resolver.state().status()).isEqualTo(Status.KNOWN);
        assertThat(resolver.state().origin()).isEqualTo("youshu.orders.data-source-id");
        assertThat(scheduler.tasks).isEmpty();
        assertThat(youshu.getAllServeEvents()).isEmpty();
    }

    @Test
    void resolvedByGet() {
        stubGet("{\"retcode\":0,\"errmsg\":\"\",\"data\":{\"dataSources\":[{\"id\":\"20002\",\"name\":\"shop\"}]}}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(resolver.dataSourceId()).contains("20002");
        assertThat(resolver.state().origin()).isEqualTo("data_source/get");
        LoggedRequest request = youshu.findAll(getRequestedFor(urlPathEqualTo(GET_PATH))).get(0);
        assertThat(request.queryParameter("merchantId").firstValue()).isEqualTo(MERCHANT);
        assertThat(request.getQueryParams()).containsKeys("app_id", "nonce", "sign", "timestamp", "signature");
        youshu.verify(0, postRequestedFor(urlPathEqualTo(ADD_PATH)));
        assertThat(scheduler.tasks).isEmpty();
    }

    @Test
    void aNumericIdIsReadAsItsDigits() {
        stubGet("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":20002}]}}");
        DataSourceIdResolver resolver = resolver(" ", MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(resolver.dataSourceId()).contains("20002");
    }

    @Test
    void resolvedByAddWhenTheMerchantHasNone() {
        stubGet("{\"retcode\":0,\"data\":{\"dataSources\":[]}}");
        stubAdd("{\"retcode\":0,\"data\":{\"dataSource\":{\"id\":\"30003\"}}}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(resolver.dataSourceId()).contains("30003");
        assertThat(resolver.state().origin()).isEqualTo("data_source/add");
        youshu.verify(1, postRequestedFor(urlPathEqualTo(ADD_PATH)).withRequestBody(equalToJson("{\"merchantId\":\"M-1001\"}")));
    }

    @Test
    void alreadyExistsOnAddIsLookedUpAgain() {
        youshu.stubFor(get(urlPathEqualTo(GET_PATH)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"retcode\":0,\"data\":{}}")).willSetStateTo("asked once"));
        youshu.stubFor(get(urlPathEqualTo(GET_PATH)).inScenario("race").whenScenarioStateIs("asked once")
                .willReturn(okJson("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"40004\"}]}}")));
        stubAdd("{\"retcode\":16,\"errmsg\":\"data source already exists\",\"data\":{}}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(resolver.dataSourceId()).contains("40004");
        youshu.verify(2, getRequestedFor(urlPathEqualTo(GET_PATH)).withQueryParam("merchantId", equalTo(MERCHANT)));
        youshu.verify(1, postRequestedFor(urlPathEqualTo(ADD_PATH)));
    }

    @Test
    void startNeverRunsAnAttemptOnTheCallersThread() {
        stubGet("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"20002\"}]}}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();

        assertThat(resolver.dataSourceId()).isEmpty();
        assertThat(resolver.state().status()).isEqualTo(Status.RESOLVING);
        assertThat(youshu.getAllServeEvents()).isEmpty();
        assertThat(scheduler.tasks).hasSize(1);
        assertThat(scheduler.tasks.get(0).at()).isEqualTo(clock.instant());
    }

    @Test
    void youshuUnreachableAtStartupKeepsTryingWithBackoffThenResolves() throws Exception {
        int port = freePort();
        DataSourceIdResolver resolver = new DataSourceIdResolver(null, MERCHANT, transport("http://127.0.0.1:" + port),
                scheduler.scheduler, backOff(), clock);

        resolver.start();
        scheduler.runNext();
        scheduler.runNext();
        scheduler.runNext();

        DataSourceState state = resolver.state();
        assertThat(state.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(state.cause()).isEqualTo("connection failed");
        assertThat(state.property()).contains("youshu.base-url");
        assertThat(state.failedAttempts()).isEqualTo(3);
        assertThat(resolver.dataSourceId()).isEmpty();
        // 1 s, 2 s, 4 s after each failure: the ExponentialBackOff's intervals.
        assertThat(scheduler.waits()).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));

        WireMockServer late = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
        late.start();
        try {
            late.stubFor(get(urlPathEqualTo(GET_PATH))
                    .willReturn(okJson("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"50005\"}]}}")));
            scheduler.runNext();
        } finally {
            late.stop();
        }

        assertThat(resolver.dataSourceId()).contains("50005");
        assertThat(resolver.state().failedAttempts()).isZero();
        assertThat(scheduler.tasks).isEmpty();
    }

    @Test
    void inTheBackgroundResolutionGoesOnUntilYoushuAnswers() throws Exception {
        int port = freePort();
        ThreadPoolTaskScheduler threads = new ThreadPoolTaskScheduler();
        threads.setThreadNamePrefix("resolver-test-");
        threads.initialize();
        WireMockServer late = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
        try {
            DataSourceIdResolver resolver = new DataSourceIdResolver(null, MERCHANT,
                    transport("http://127.0.0.1:" + port), threads, new FixedBackOff(20, FixedBackOff.UNLIMITED_ATTEMPTS),
                    java.time.Clock.systemUTC());

            resolver.start();
            assertThat(resolver.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> resolver.state().failedAttempts() >= 2);
            assertThat(resolver.state().status()).isEqualTo(Status.UNREACHABLE);

            late.start();
            late.stubFor(get(urlPathEqualTo(GET_PATH))
                    .willReturn(okJson("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"60006\"}]}}")));
            await().atMost(Duration.ofSeconds(10)).until(() -> resolver.dataSourceId().isPresent());
            assertThat(resolver.dataSourceId()).contains("60006");
            resolver.stop();
        } finally {
            late.stop();
            threads.shutdown();
        }
    }

    @Test
    void aRequestLevelRefusalIsShownWithThePropertyAndRetried() {
        stubGet("{\"retcode\":15,\"errmsg\":\"merchant verify failed\"}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        DataSourceState state = resolver.state();
        assertThat(state.status()).isEqualTo(Status.REJECTED);
        assertThat(state.cause()).startsWith("retcode 15: merchant verify failed");
        assertThat(state.property()).contains("youshu.app-id", "youshu.app-secret");
        assertThat(scheduler.tasks).hasSize(1);
    }

    @Test
    void anUnknownMerchantIsShownNamingTheMerchantId() {
        stubGet("{\"retcode\":12,\"errmsg\":\"merchant not found\"}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(resolver.state().status()).isEqualTo(Status.REJECTED);
        assertThat(resolver.state().property()).isEqualTo("youshu.merchant-id");
    }

    @Test
    void aFailedAddIsShownAndRetriedFromTheStart() {
        stubGet("{\"retcode\":0,\"data\":{\"dataSources\":[]}}");
        youshu.stubFor(post(urlPathEqualTo(ADD_PATH)).willReturn(aResponse().withStatus(503)));
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(resolver.state().status()).isEqualTo(Status.UNREACHABLE);
        assertThat(resolver.state().cause()).isEqualTo("HTTP 503");
        stubAdd("{\"retcode\":0,\"data\":{\"dataSource\":{\"id\":\"70007\"}}}");
        scheduler.runNext();
        assertThat(resolver.dataSourceId()).contains("70007");
    }

    @Test
    void retryAfterLongerThanTheBackoffIsHonoured() {
        youshu.stubFor(get(urlPathEqualTo(GET_PATH))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();

        assertThat(scheduler.waits()).containsExactly(Duration.ZERO, Duration.ofSeconds(120));
    }

    @Test
    void failuresAreLoggedOnceAMinuteAndWhenTheCauseChanges() {
        youshu.stubFor(get(urlPathEqualTo(GET_PATH)).willReturn(aResponse().withStatus(503)));
        DataSourceIdResolver resolver = resolver(null, MERCHANT);
        try (LogCapture log = LogCapture.of(DataSourceIdResolver.class)) {
            resolver.start();
            scheduler.runNext();
            clock.advance(Duration.ofSeconds(20));
            scheduler.runNext();
            clock.advance(Duration.ofSeconds(20));
            scheduler.runNext();
            assertThat(log.warnings()).hasSize(1);
            assertThat(log.warnings().get(0)).contains("M-1001", "HTTP 503", "youshu.base-url", "Data-api items wait");

            clock.advance(Duration.ofSeconds(21));
            scheduler.runNext();
            assertThat(log.warnings()).hasSize(2);

            youshu.stubFor(get(urlPathEqualTo(GET_PATH)).willReturn(okJson("{\"retcode\":15,\"errmsg\":\"sign\"}")));
            scheduler.runNext();
            assertThat(log.warnings()).hasSize(3);
            assertThat(log.warnings().get(2)).contains("rejected", "retcode 15", "youshu.app-secret");

            youshu.stubFor(get(urlPathEqualTo(GET_PATH))
                    .willReturn(okJson("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"1\"},{\"id\":\"2\"}]}}")));
            scheduler.runNext();
            assertThat(log.messages(Level.INFO)).last().asString()
                    .contains("Youshu data source id 1 resolved for merchant id M-1001 by data_source/get")
                    .contains("2 data sources");
        }
    }

    @Test
    void aResolvedIdYoushuNoLongerKnowsIsResolvedAgain() {
        stubGet("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"20002\"}]}}");
        DataSourceIdResolver resolver = resolver(null, MERCHANT);
        resolver.start();
        scheduler.runNext();

        resolver.dataSourceNotFound("19999");
        assertThat(resolver.dataSourceId()).as("an answer about another id changes nothing").contains("20002");

        resolver.dataSourceNotFound("20002");
        assertThat(resolver.dataSourceId()).isEmpty();
        assertThat(resolver.state().status()).isEqualTo(Status.RESOLVING);
        assertThat(resolver.state().cause()).contains("20002", "retcode 10");
        stubGet("{\"retcode\":0,\"data\":{\"dataSources\":[{\"id\":\"20003\"}]}}");
        scheduler.runNext();
        assertThat(resolver.dataSourceId()).contains("20003");
    }

    @Test
    void aConfiguredIdStaysWhenYoushuDoesNotKnowIt() {
        DataSourceIdResolver resolver = resolver("10001", MERCHANT);
        resolver.start();

        resolver.dataSourceNotFound("10001");

        assertThat(resolver.dataSourceId()).contains("10001");
        assertThat(scheduler.tasks).isEmpty();
    }

    @Test
    void stopCancelsThePendingAttempt() {
        youshu.stubFor(get(urlPathEqualTo(GET_PATH)).willReturn(aResponse().withStatus(503)));
        DataSourceIdResolver resolver = resolver(null, MERCHANT);

        resolver.start();
        scheduler.runNext();
        ScheduledFuture<?> pending = scheduler.tasks.get(0).future();
        resolver.stop();

        verify(pending).cancel(false);
        assertThat(resolver.isRunning()).isFalse();
    }

    @Test
    void withNeitherPropertyNothingIsAskedAndTheStateSaysWhatToSet() {
        DataSourceIdResolver resolver = resolver(null, "");

        resolver.start();

        DataSourceState state = resolver.state();
        assertThat(state.status()).isEqualTo(Status.NOT_CONFIGURED);
        assertThat(state.property()).contains("youshu.orders.data-source-id", "youshu.merchant-id");
        assertThat(resolver.dataSourceId()).isEmpty();
        assertThat(scheduler.tasks).isEmpty();
    }

    @Test
    void idsWithSurroundingWhitespaceAreRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> resolver("10001\n", null))
                .withMessage("youshu.orders.data-source-id '10001' has leading or trailing whitespace: remove it");
        assertThatIllegalArgumentException().isThrownBy(() -> resolver(null, " M-1"))
                .withMessageStartingWith("youshu.merchant-id 'M-1'");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A TaskScheduler whose tasks run only when the test says, on the test's thread. */
    private final class ManualScheduler {

        record Task(Runnable runnable, Instant at, ScheduledFuture<?> future) {
        }

        final TaskScheduler scheduler = mock(TaskScheduler.class);
        final List<Task> tasks = new ArrayList<>();
        private final List<Duration> waits = new ArrayList<>();

        ManualScheduler() {
            doAnswer(invocation -> {
                Instant at = invocation.getArgument(1);
                ScheduledFuture<?> future = mock(ScheduledFuture.class);
                tasks.add(new Task(invocation.getArgument(0), at, future));
                waits.add(Duration.between(clock.instant(), at));
                return future;
            }).when(scheduler).schedule(any(Runnable.class), any(Instant.class));
        }

        void runNext() {
            assertThat(tasks).as("scheduled attempts").isNotEmpty();
            tasks.remove(0).runnable().run();
        }

        /** The wait asked for at each scheduling, from the clock's time then. */
        List<Duration> waits() {
            return waits;
        }
    }
}
