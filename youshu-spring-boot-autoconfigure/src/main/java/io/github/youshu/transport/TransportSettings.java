package io.github.youshu.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how {@link HttpYoushuTransport} sends: the base URL, the endpoint and the timeouts.
 * Validated on construction, so that a wrong setting is a startup error naming what is wrong.
 * <p>
 * The base URL is {@code https}, or plain {@code http} to a loopback host only ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}) so that a local mock server can be used; it may carry a path
 * prefix but no user info, query or fragment.
 *
 * @param baseUri        the scheme, host, port and optional path prefix, without a trailing slash
 * @param endpoint       the report API
 * @param connectTimeout how long to wait for a TCP/TLS connection; positive
 * @param requestTimeout how long to wait for the whole response of one request; positive
 */
public record TransportSettings(URI baseUri, ReportEndpoint endpoint, Duration connectTimeout, Duration requestTimeout) {

    /** Default of {@code youshu.http.connect-timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Default of {@code youshu.http.request-timeout}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * @throws IllegalArgumentException when the base URL is not allowed or a timeout is not positive
     */
    public TransportSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(endpoint, "endpoint");
        baseUri = checkBaseUri(baseUri);
        requirePositive(connectTimeout, "youshu.http.connect-timeout");
        requirePositive(requestTimeout, "youshu.http.request-timeout");
    }

    /**
     * Resolves the settings from configuration: the environment's host unless a base URL override
     * is given.
     *
     * @param environment    the Youshu environment ({@code youshu.environment})
     * @param baseUrl        the override ({@code youshu.base-url}); {@code null} or blank for the environment's host
     * @param endpoint       the report API ({@code youshu.endpoint})
     * @param connectTimeout {@code youshu.http.connect-timeout}
     * @param requestTimeout {@code youshu.http.request-timeout}
     * @throws IllegalArgumentException naming the URL and the reason when the override is not allowed
     *                                  (e.g. plain http to a non-loopback host), or a timeout is not positive
     */
    public static TransportSettings of(YoushuEnvironment environment, String baseUrl, ReportEndpoint endpoint,
            Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(environment, "environment");
        URI base = (baseUrl == null || baseUrl.isBlank()) ? environment.baseUri() : parse(baseUrl.strip());
        return new TransportSettings(base, endpoint, connectTimeout, requestTimeout);
    }

    /** The full request URI for the endpoint with the given query string (without {@code ?}). */
    public URI requestUri(String query) {
        return URI.create(baseUri + endpoint.path() + "?" + query);
    }

    private static URI parse(String baseUrl) {
        try {
            return new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Youshu base URL (youshu.base-url) '" + baseUrl + "' is not a valid URL: " + e.getReason(), e);
        }
    }

    private static URI checkBaseUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw refused(uri, "it must be an absolute http(s) URL with a host, such as https://zhls.qq.com");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused(uri, "the scheme must be https (or http to a loopback host)");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(uri, "it must not contain user info; credentials are youshu.app-id and youshu.app-secret");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(uri, "it must not contain a query or fragment");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw refused(uri, "plain http is allowed only to a loopback host (localhost, 127.0.0.0/8, [::1]); use https");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int port = uri.getPort();
        return URI.create(scheme + "://" + uri.getHost() + (port == -1 ? "" : ":" + port) + path);
    }

    /** Loopback by literal only: a name other than {@code localhost} is never resolved. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(h).matches()) {
            String[] octets = h.split("\\.");
            return octets[0].equals("127") && Arrays.stream(octets).allMatch(o -> Integer.parseInt(o) <= 255);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // An IPv6 literal (already checked by URI) is parsed, not looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Names the URL without user info, query or fragment, which may hold something private. */
    private static IllegalArgumentException refused(URI uri, String reason) {
        String shown = uri.getHost() == null
                ? uri.toString().replaceAll("[?#].*", "")
                : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                        + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return new IllegalArgumentException("Youshu base URL (youshu.base-url) '" + shown + "' is refused: " + reason);
    }

    private static void requirePositive(Duration timeout, String property) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, but was " + timeout);
        }
    }
}
