package io.github.youshu.transport;

import io.github.youshu.order.DataApiEndpoint;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The app secret appears in no log line of the data-api classes (at TRACE), no result, state,
 * {@code toString()} nor exception message; the signed query is never logged.
 */
class DataApiSecretLeakTest {

    private static final String SECRET = "S3cr3t-Data-Api-Never-Logged-7d1e";
    private static final String ADD_ORDER = "/data-api/v1/order/add_order";

    @RegisterExtension
    static WireMockExtension youshu = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Logger> traced = new ArrayList<>();
    private final List<Level> savedLevels = new ArrayList<>();

    @BeforeEach
    void captureAtTrace() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(logging);
        captured.start();
        for (Class<?> type : List.of(DataApiTransport.class, DataSourceIdResolver.class)) {
            Logger logger = logging.getLogger(type);
            traced.add(logger);
            savedLevels.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
            logger.addAppender(captured);
        }
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < traced.size(); i++) {
            traced.get(i).detachAppender(captured);
            traced.get(i).setLevel(savedLevels.get(i));
        }
        captured.stop();
    }

    private static DataApiTransport transport(Duration requestTimeout) {
        TransportSettings settings = TransportSettings.of(YoushuEnvironment.TEST, youshu.baseUrl(),
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(2), requestTimeout);
        return new DataApiTransport(settings, YoushuCredentials.of("bi-leak-test", SECRET), 50, Clock.systemUTC());
    }

    @Test
    void secretAppearsNowhere() throws Exception {
        DataApiTransport transport = transport(Duration.ofSeconds(5));
        List<byte[]> items = List.of("{\"external_order_id\":\"ORD-1\"}".getBytes(StandardCharsets.UTF_8));
        List<Object> results = new ArrayList<>();
        for (String answer : List.of("{\"retcode\":0}", "{\"retcode\":13,\"errmsg\":\"bad\"}",
                "{\"retcode\":15,\"errmsg\":\"sign\"}", "{\"retcode\":5}", "<html>oops</html>")) {
            youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(okJson(answer)));
            results.add(transport.send(DataApiEndpoint.ADD_ORDER, "10001", items));
        }
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(aResponse().withStatus(503)));
        results.add(transport.send(DataApiEndpoint.ADD_ORDER, "10001", items));
        youshu.stubFor(post(urlPathEqualTo(ADD_ORDER)).willReturn(okJson("{\"retcode\":0}").withFixedDelay(3_000)));
        results.add(transport(Duration.ofMillis(200)).send(DataApiEndpoint.ADD_ORDER, "10001", items));
        youshu.stubFor(get(urlPathEqualTo("/data-api/v1/data_source/get"))
                .willReturn(okJson("{\"retcode\":15,\"errmsg\":\"sign\"}")));
        results.add(transport.getDataSources("M-1"));
        youshu.stubFor(post(urlPathEqualTo("/data-api/v1/data_source/add")).willReturn(okJson("{\"retcode\":16}")));
        results.add(transport.addDataSource("M-1"));

        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        DataSourceIdResolver resolver = new DataSourceIdResolver(null, "M-1", transport, scheduler,
                new FixedBackOff(10, FixedBackOff.UNLIMITED_ATTEMPTS), Clock.systemUTC());
        try {
            resolver.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> resolver.state().failedAttempts() >= 2);
            resolver.stop();
        } finally {
            scheduler.shutdown();
        }
        results.add(resolver.state());
        results.add(resolver);
        results.add(transport);

        List<ILoggingEvent> logged;
        synchronized (captured) {
            logged = List.copyOf(captured.list);
        }
        // The capture works: the transport's DEBUG lines and the resolver's WARN are in it.
        assertThat(logged).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains(ADD_ORDER));
        assertThat(logged).anySatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        assertThat(logged).allSatisfy(event -> {
            assertThat(textOf(event)).doesNotContain(SECRET).doesNotContain("signature=");
        });
        assertThat(results).allSatisfy(result -> assertThat(String.valueOf(result)).doesNotContain(SECRET));
        for (ServeEvent served : youshu.getAllServeEvents()) {
            assertThat(served.getRequest().getAbsoluteUrl()).doesNotContain(SECRET);
            assertThat(served.getRequest().getBodyAsString()).doesNotContain(SECRET);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> transport.send(DataApiEndpoint.ADD_ORDER, "1", List.of()))
                .withMessageNotContaining(SECRET);
        assertThatIllegalArgumentException().isThrownBy(() -> transport.getDataSources(" "))
                .withMessageNotContaining(SECRET);
    }

    private static String textOf(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append('\n').append(argument);
            }
        }
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }
}
