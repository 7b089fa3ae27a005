package io.github.youshu.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The app secret must not appear anywhere in what the library, WireMock (forwarded to SLF4J) or
 * the JDK (java.util.logging / System.Logger, bridged to SLF4J) log at any level, nor in
 * results, exception messages and toString.
 */
class HttpYoushuTransportSecretLeakTest {

    private static final String SECRET = "S3cr3t-Never-Logged-9f2c1e";
    private static final String PATH = "/api/v1/safe-report";

    static {
        // Best effort: the JDK HttpClient reads this once per JVM; when it is read after this point it logs
        // the request lines and headers of every exchange. (Its internal debug logger is enabled
        // regardless, by the java.util.logging level set below.)
        System.setProperty("jdk.httpclient.HttpClient.log", "requests,headers,errors");
    }

    @RegisterExtension
    static WireMockExtension youshu = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new Slf4jForwardingNotifier()))
            .build();

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<Logger, Level> savedLevels = new HashMap<>();
    private final Map<Logger, Boolean> savedAdditivity = new HashMap<>();
    private java.util.logging.Level savedJulLevel;
    private boolean bridgeInstalledHere;

    @BeforeEach
    void captureEverythingAtTrace() {
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Logger logger : logging.getLoggerList()) {
            savedLevels.put(logger, logger.getLevel());
            savedAdditivity.put(logger, logger.isAdditive());
            if (logger != root) {
                logger.setLevel(null); // inherit TRACE from the root
                logger.setAdditive(true);
            }
        }
        root.setLevel(Level.TRACE);
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);

        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        savedJulLevel = julRoot.getLevel();
        julRoot.setLevel(java.util.logging.Level.ALL);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.install();
            bridgeInstalledHere = true;
        }
    }

    @AfterEach
    void restoreLogging() {
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        captured.stop();
        savedLevels.forEach(Logger::setLevel);
        savedAdditivity.forEach(Logger::setAdditive);
        java.util.logging.LogManager.getLogManager().getLogger("").setLevel(savedJulLevel);
        if (bridgeInstalledHere) {
            SLF4JBridgeHandler.uninstall();
        }
    }

    private static HttpYoushuTransport transport(String baseUrl, Duration requestTimeout) {
        TransportSettings settings = TransportSettings.of(YoushuEnvironment.TEST, baseUrl, ReportEndpoint.SAFE_REPORT,
                Duration.ofSeconds(2), requestTimeout);
        return new HttpYoushuTransport(settings, YoushuCredentials.of("bi-leak-test", SECRET));
    }

    private static SendResult send(HttpYoushuTransport transport) {
        return transport.send("{\"type\":\"custom_order\",\"props\":{}}".getBytes(StandardCharsets.UTF_8), 1);
    }

    @Test
    void secretAppearsInNoLogEventAtAnyLevelNorInResults() throws Exception {
        HttpYoushuTransport transport = transport(youshu.baseUrl(), Duration.ofSeconds(5));
        List<SendResult> results = new ArrayList<>();

        youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        results.add(send(transport));
        youshu.resetAll(); // unmatched: WireMock logs the request and its near misses
        results.add(send(transport));
        youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\":1,\"msg\":\"bad\"}")));
        results.add(send(transport));
        youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\":0}").withFixedDelay(3_000)));
        results.add(send(transport(youshu.baseUrl(), Duration.ofMillis(200))));
        results.add(send(transport(closedLoopbackUrl(), Duration.ofSeconds(5))));
        youshu.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\":0}")));
        results.add(send(transport));

        assertThat(results).extracting(SendResult::outcome).containsExactly(SendOutcome.TRANSIENT,
                SendOutcome.REQUEST_REJECTED, SendOutcome.REJECTED, SendOutcome.TRANSIENT, SendOutcome.TRANSIENT,
                SendOutcome.ACCEPTED);
        // A snapshot: other threads (HttpClient, WireMock) may still be logging. ListAppender appends under its own lock.
        List<ILoggingEvent> logged;
        synchronized (captured) {
            logged = List.copyOf(captured.list);
        }
        // The capture works: the transport's DEBUG lines and WireMock's request logs are in it.
        assertThat(logged).anySatisfy(event -> {
            assertThat(event.getLoggerName()).isEqualTo(HttpYoushuTransport.class.getName());
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).contains(PATH).contains("connection failed");
            assertThat(event.getThrowableProxy()).isNotNull();
        });
        assertThat(logged).anySatisfy(event ->
                assertThat(event.getLoggerName()).isEqualTo(Slf4jForwardingNotifier.class.getName()));
        assertThat(logged).allSatisfy(event -> assertThat(everyTextOf(event)).doesNotContain(SECRET));
        // Per-request logging stays at DEBUG: nothing at INFO or above from the transport.
        assertThat(logged)
                .filteredOn(event -> event.getLoggerName().equals(HttpYoushuTransport.class.getName()))
                .allSatisfy(event -> assertThat(event.getLevel().isGreaterOrEqual(Level.INFO)).isFalse());
        // Nor in what was sent, nor in the results.
        for (ServeEvent served : youshu.getAllServeEvents()) {
            assertThat(served.getRequest().getAbsoluteUrl()).doesNotContain(SECRET);
            assertThat(served.getRequest().getHeaders().toString()).doesNotContain(SECRET);
            assertThat(served.getRequest().getBodyAsString()).doesNotContain(SECRET);
        }
        assertThat(results).allSatisfy(result -> assertThat(result.toString()).doesNotContain(SECRET));
        // The query string is never logged.
        assertThat(logged)
                .filteredOn(event -> event.getLoggerName().equals(HttpYoushuTransport.class.getName()))
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain("signature="));
    }

    @Test
    void secretAppearsInNoToStringNorExceptionMessage() {
        YoushuCredentials credentials = YoushuCredentials.of("bi-leak-test", SECRET);
        TransportSettings settings = TransportSettings.of(YoushuEnvironment.TEST, null, ReportEndpoint.SAFE_REPORT,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        HttpYoushuTransport transport = new HttpYoushuTransport(settings, credentials);

        assertThat(Stream.of(credentials, settings, transport, new RequestSigner(credentials, java.time.Clock.systemUTC())))
                .allSatisfy(o -> assertThat(o.toString()).doesNotContain(SECRET));
        assertThatIllegalArgumentException().isThrownBy(() -> YoushuCredentials.of(" ", SECRET))
                .withMessageNotContaining(SECRET);
        assertThatIllegalArgumentException().isThrownBy(() -> transport.send(new byte[0], 0))
                .withMessageNotContaining(SECRET);
    }

    private static String everyTextOf(ILoggingEvent event) {
        StringBuilder text = new StringBuilder()
                .append(event.getMessage()).append('\n')
                .append(event.getFormattedMessage()).append('\n')
                .append(event.getMDCPropertyMap()).append('\n');
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(argument).append('\n');
            }
        }
        if (event.getThrowableProxy() != null) {
            text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }

    private static String closedLoopbackUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /** WireMock's SLF4J is shaded in the standalone jar; this sends its (verbose) notifications to the real one. */
    static final class Slf4jForwardingNotifier implements Notifier {

        private final org.slf4j.Logger log = LoggerFactory.getLogger(Slf4jForwardingNotifier.class);

        @Override
        public void info(String message) {
            log.debug(message);
        }

        @Override
        public void error(String message) {
            log.error(message);
        }

        @Override
        public void error(String message, Throwable t) {
            log.error(message, t);
        }
    }
}
