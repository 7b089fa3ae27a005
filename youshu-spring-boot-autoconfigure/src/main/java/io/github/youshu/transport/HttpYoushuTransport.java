package io.github.youshu.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends report batches to Youshu over one shared {@link HttpClient} (HTTP/1.1, no redirects).
 * <p>
 * Every request gets a fresh {@code timestamp}, {@code nonce} and, for the signed endpoint, a
 * {@code signature} (see {@link RequestSigner}); the body is sent as
 * {@code application/json; charset=utf-8}. The whole exchange, response body included, is bounded
 * by the request timeout, and at most {@value HttpExchange#MAX_RESPONSE_BYTES} bytes of the response
 * body are kept (the exchange itself is {@link HttpExchange}'s, shared with the data-api). The outcome is classified as described in {@link SendOutcome}; {@link #send} never throws
 * for an outcome of the exchange (timeouts, connection failures and interruption are
 * {@link SendOutcome#TRANSIENT}).
 * <p>
 * Logs one DEBUG line per request (path, status or failure, event count, elapsed time), never the
 * query string and never the app secret; nothing above DEBUG, as the relay summarises failures.
 * Thread-safe.
 */
public final class HttpYoushuTransport implements YoushuTransport {

    /** The most response body bytes read; a Youshu reply is a few dozen bytes. */
    static final int MAX_RESPONSE_BYTES = HttpExchange.MAX_RESPONSE_BYTES;

    private static final Logger log = LoggerFactory.getLogger(HttpYoushuTransport.class);

    private final TransportSettings settings;
    private final String appId;
    private final RequestSigner signer;
    private final ResponseClassifier classifier;
    private final HttpExchange http;

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
        this.http = new HttpExchange(settings.connectTimeout(), settings.requestTimeout());
    }

    @Override
    public SendResult send(byte[] jsonBody, int eventCount) {
        if (jsonBody == null || jsonBody.length == 0) {
            throw new IllegalArgumentException("jsonBody must not be empty");
        }
        String path = settings.endpoint().path();
        URI uri = settings.requestUri(signer.newQuery(settings.endpoint()));
        HttpRequest request = http.newRequest(uri)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody))
                .build();
        long start = System.nanoTime();
        HttpExchange.Answer answer = http.exchange(request);
        SendResult result = answer.arrived()
                ? classifier.classify(answer.status(), answer.retryAfter(), answer.body())
                : SendResult.transientFailure(0, answer.failure(), null);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (log.isDebugEnabled()) {
            if (result.httpStatus() == 0) {
                log.debug("Youshu POST {} -> {} ({}; {} events, {} ms)", path, result.outcome(), result.message(),
                        eventCount, elapsedMillis, answer.cause());
            } else {
                log.debug("Youshu POST {} -> HTTP {} {} ({}; {} events, {} ms)", path, result.httpStatus(),
                        result.outcome(), result.message(), eventCount, elapsedMillis);
            }
        }
        return result;
    }

    /** Names the endpoint, base URL and app id; never the secret. */
    @Override
    public String toString() {
        return "HttpYoushuTransport[" + settings.endpoint() + " " + settings.baseUri() + ", appId=" + appId + "]";
    }
}
