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
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with Youshu over a shared {@link HttpClient} (HTTP/1.1, no redirects): the
 * whole exchange, response body included, is bounded by the request timeout, at most
 * {@value #MAX_RESPONSE_BYTES} bytes of the body are kept, and every failure to get an answer
 * (timeout, connection failure, interruption) is an {@link Answer} without a status, never an
 * exception. Failure descriptions name the kind of failure only, never the request URI (whose
 * query carries the signature). Thread-safe.
 * <p>
 * Used by {@link HttpYoushuTransport} (behaviour events) and {@link DataApiTransport} (the data-api).
 */
final class HttpExchange {

    /** The most response body bytes read; a Youshu reply is a few dozen bytes. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    static final String USER_AGENT = userAgent();

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient client;

    /**
     * @param connectTimeout how long to wait for a TCP/TLS connection; positive
     * @param requestTimeout how long to wait for the whole answer; positive
     */
    HttpExchange(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request builder for the URI with the request timeout and the starter's User-Agent. */
    HttpRequest.Builder newRequest(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    /** Sends the request and waits at most the request timeout for the whole answer. */
    Answer exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, boundedBody());
        try {
            HttpResponse<byte[]> response = exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), null, null);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Answer.failed("timed out after " + requestTimeout, null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted", null);
        } catch (ExecutionException e) {
            Throwable failure = unwrap(e.getCause());
            return Answer.failed(describe(failure), failure);
        }
    }

    /**
     * What came back: a status with headers and the (possibly cut) body, or no status and why.
     *
     * @param status      the HTTP status, or 0 when no answer arrived
     * @param retryAfter  the {@code Retry-After} header, or {@code null}
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param body        at most {@value #MAX_RESPONSE_BYTES} bytes of the body; empty when no answer arrived
     * @param failure     why no answer arrived (a short phrase), or {@code null}
     * @param cause       the exception behind {@code failure}, for a DEBUG log line, or {@code null}
     */
    record Answer(int status, String retryAfter, String contentType, byte[] body, String failure, Throwable cause) {

        static Answer failed(String failure, Throwable cause) {
            return new Answer(0, null, null, new byte[0], failure, cause);
        }

        boolean arrived() {
            return status != 0;
        }
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
            return "connect timed out after " + connectTimeout;
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out after " + requestTimeout;
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
        String version = HttpExchange.class.getPackage().getImplementationVersion();
        return "youshu-spring-boot-starter" + (version == null ? "" : "/" + version)
                + " (Java " + Runtime.version().feature() + ")";
    }
}
