package io.github.youshu.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends report batches to Youshu over one shared {@link HttpClient} (HTTP/1.1, no redirects).
 * <p>
 * Every request gets a fresh {@code timestamp}, {@code nonce} and, for the signed endpoint, a
 * {@code signature} (see {@link RequestSigner}); the body is sent as
 * {@code application/json; charset=utf-8}. The whole exchange, response body included, is bounded
 * by the request timeout, and at most {@value #MAX_RESPONSE_BYTES} bytes of the response body are
 * kept. The outcome is classified as described in {@link SendOutcome}; {@link #send} never throws
 * for an outcome of the exchange (timeouts, connection failures and interruption are
 * {@link SendOutcome#TRANSIENT}).
 * <p>
 * Logs one DEBUG line per request (path, status or failure, event count, elapsed time), never the
 * query string and never the app secret; nothing above DEBUG, as the relay summarises failures.
 * Thread-safe.
 */
public final class HttpYoushuTransport implements YoushuTransport {

    /** The most response body bytes read; a Youshu reply is a few dozen bytes. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpYoushuTransport.class);
    private static final String USER_AGENT = userAgent();

    private final TransportSettings settings;
    private final String appId;
    private final RequestSigner signer;
    private final ResponseClassifier classifier;
    private final HttpClient client;

    /** A transport with the system clock. */
    public HttpYoushuTransport(TransportSettings settings, YoushuCredentials credentials) {
        this(settings, credentials, Clock.systemUTC());
    }

    /**
     * @param settings    where to send and the timeouts
     * @param credentials the app id and secret
     * @param clock       the source of the request {@code timestamp} and of Retry-After dates
     */
    public HttpYoushuTransport(TransportSettings settings, YoushuCredentials credentials, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.appId = credentials.appId();
        this.signer = new RequestSigner(credentials, clock);
        this.classifier = new ResponseClassifier(clock);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SendResult send(byte[] jsonBody, int eventCount) {
        if (jsonBody == null || jsonBody.length == 0) {
            throw new IllegalArgumentException("jsonBody must not be empty");
        }
        String path = settings.endpoint().path();
        URI uri = settings.requestUri(signer.newQuery(settings.endpoint()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody))
                .build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, boundedBody());
        SendResult result;
        Throwable failure = null;
        try {
            HttpResponse<byte[]> response =
                    exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            result = classifier.classify(response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            result = SendResult.transientFailure(0, "timed out after " + settings.requestTimeout(), null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            result = SendResult.transientFailure(0, "interrupted", null);
        } catch (ExecutionException e) {
            failure = unwrap(e.getCause());
            result = SendResult.transientFailure(0, describe(failure), null);
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (log.isDebugEnabled()) {
            if (result.httpStatus() == 0) {
                log.debug("Youshu POST {} -> {} ({}; {} events, {} ms)", path, result.outcome(), result.message(),
                        eventCount, elapsedMillis, failure);
            } else {
                log.debug("Youshu POST {} -> HTTP {} {} ({}; {} events, {} ms)", path, result.httpStatus(),
                        result.outcome(), result.message(), eventCount, elapsedMillis);
            }
        }
        return result;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A short reason naming the kind of failure; the request URI is not part of it. */
    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + settings.connectTimeout();
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out after " + settings.requestTimeout();
        }
        if (failure instanceof ConnectException) {
            return "connection failed";
        }
        if (failure instanceof IOException) {
            return "I/O error (" + failure.getClass().getSimpleName() + ")";
        }
        return "unexpected failure (" + failure.getClass().getSimpleName() + ")";
    }

    /** Keeps at most {@link #MAX_RESPONSE_BYTES} of the body and discards the rest. */
    private static BodyHandler<byte[]> boundedBody() {
        return responseInfo -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            return BodySubscribers.mapping(
                    BodySubscribers.ofByteArrayConsumer((Optional<byte[]> chunk) -> chunk.ifPresent(bytes ->
                            kept.write(bytes, 0, Math.min(bytes.length, MAX_RESPONSE_BYTES - kept.size())))),
                    done -> kept.toByteArray());
        };
    }

    private static String userAgent() {
        String version = HttpYoushuTransport.class.getPackage().getImplementationVersion();
        return "youshu-spring-boot-starter" + (version == null ? "" : "/" + version)
                + " (Java " + Runtime.version().feature() + ")";
    }

    /** Names the endpoint, base URL and app id; never the secret. */
    @Override
    public String toString() {
        return "HttpYoushuTransport[" + settings.endpoint() + " " + settings.baseUri() + ", appId=" + appId + "]";
    }
}
