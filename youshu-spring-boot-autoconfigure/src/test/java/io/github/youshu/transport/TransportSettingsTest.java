package io.github.youshu.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportSettingsTest {

    private static TransportSettings withBaseUrl(String baseUrl) {
        return TransportSettings.of(YoushuEnvironment.PRODUCTION, baseUrl, ReportEndpoint.SAFE_REPORT,
                TransportSettings.DEFAULT_CONNECT_TIMEOUT, TransportSettings.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void environmentsResolveToTheirHosts() {
        assertThat(TransportSettings.of(YoushuEnvironment.PRODUCTION, null, ReportEndpoint.SAFE_REPORT,
                Duration.ofSeconds(2), Duration.ofSeconds(5)).baseUri()).isEqualTo(URI.create("https://zhls.qq.com"));
        assertThat(TransportSettings.of(YoushuEnvironment.TEST, "  ", ReportEndpoint.SAFE_REPORT,
                Duration.ofSeconds(2), Duration.ofSeconds(5)).baseUri()).isEqualTo(URI.create("https://test.zhls.qq.com"));
    }

    @Test
    void defaultsAreTwoAndFiveSeconds() {
        assertThat(TransportSettings.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
        assertThat(TransportSettings.DEFAULT_REQUEST_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void requestUriJoinsBaseEndpointPathAndQuery() {
        assertThat(withBaseUrl(null).requestUri("a=1&b=2"))
                .isEqualTo(URI.create("https://zhls.qq.com/api/v1/safe-report?a=1&b=2"));
        TransportSettings plain = TransportSettings.of(YoushuEnvironment.TEST, null, ReportEndpoint.REPORT,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(plain.requestUri("x=1")).isEqualTo(URI.create("https://test.zhls.qq.com/api/report?x=1"));
    }

    @Test
    void overrideKeepsAPathPrefixWithoutTrailingSlash() {
        TransportSettings settings = withBaseUrl("https://proxy.example.com:8443/youshu/");

        assertThat(settings.baseUri()).isEqualTo(URI.create("https://proxy.example.com:8443/youshu"));
        assertThat(settings.requestUri("q=1"))
                .isEqualTo(URI.create("https://proxy.example.com:8443/youshu/api/v1/safe-report?q=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8089", "http://LOCALHOST", "http://127.0.0.1:1234",
        "http://127.1.2.3", "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]", "https://example.com"})
    void httpsAnywhereAndHttpToLoopbackAreAllowed(String url) {
        assertThat(withBaseUrl(url).baseUri().toString()).isEqualToIgnoringCase(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.1:8080", "http://127.0.0.1.nip.io",
        "http://localhost.example.com", "http://128.0.0.1", "http://[::2]"})
    void plainHttpToANonLoopbackHostIsRefusedNamingTheUrlAndWhy(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl(url))
                .withMessageContaining("'" + url + "'")
                .withMessageContaining("youshu.base-url")
                .withMessageContaining("plain http is allowed only to a loopback host");
    }

    @Test
    void otherSchemesRelativeUrlsAndGarbageAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("ftp://example.com"))
                .withMessageContaining("'ftp://example.com'").withMessageContaining("scheme must be https");
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("zhls.qq.com"))
                .withMessageContaining("absolute");
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("localhost:8080"))
                .withMessageContaining("absolute");
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("http://127.0.0.256"))
                .withMessageContaining("'http://127.0.0.256'");
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("https://exa mple.com"))
                .withMessageContaining("not a valid URL");
    }

    @Test
    void userInfoQueryAndFragmentAreRefusedWithoutEchoingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("https://user:hunter2@example.com"))
                .withMessageContaining("user info").withMessageNotContaining("hunter2");
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("https://example.com/?key=hunter2"))
                .withMessageContaining("query").withMessageNotContaining("hunter2");
        assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl("https://example.com/#hunter2"))
                .withMessageContaining("fragment").withMessageNotContaining("hunter2");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> TransportSettings.of(YoushuEnvironment.PRODUCTION, null,
                ReportEndpoint.SAFE_REPORT, Duration.ZERO, Duration.ofSeconds(5)))
                .withMessageContaining("youshu.http.connect-timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> TransportSettings.of(YoushuEnvironment.PRODUCTION, null,
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(2), Duration.ofSeconds(-1)))
                .withMessageContaining("youshu.http.request-timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> TransportSettings.of(YoushuEnvironment.PRODUCTION, null,
                ReportEndpoint.SAFE_REPORT, Duration.ofSeconds(2), null))
                .withMessageContaining("youshu.http.request-timeout");
    }

    @Test
    void canonicalConstructorValidatesToo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TransportSettings(URI.create("http://example.com"),
                ReportEndpoint.REPORT, Duration.ofSeconds(2), Duration.ofSeconds(5)))
                .withMessageContaining("loopback");
    }
}
