package io.github.youshu.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one data-api answer into a {@link DataApiSendResult} by the classes of data-api.md §1:
 * <ul>
 * <li>HTTP 2xx with {@code {"retcode": …, "errmsg": …, "data": …}}: 0 delivered; 13 items;
 * 1–9, 11, 100 transient; 15 request-level (credentials); 10, 14 request-level (data source);
 * 12 request-level (merchant); any other code request-level until proven otherwise.</li>
 * <li>HTTP 5xx, 408, 429: transient, with {@code Retry-After} (seconds or an HTTP-date).</li>
 * <li>HTTP 401, 403: request-level (credentials); 404, 405: request-level (host or path);
 * 413: items (the body is too large: split); another 4xx: by its {@code retcode} when the body
 * has one, else request-level.</li>
 * <li>A 3xx (no redirect is followed), a 2xx whose body is no data-api answer (HTML, cut, no
 * {@code retcode}), no answer at all: transient — the outcome is unknown, and the items may not
 * be stored.</li>
 * </ul>
 * A body with {@code code}/{@code msg} instead (a gateway speaking the report API's shape) is read
 * the same way. Thread-safe.
 */
final class DataApiResponseClassifier {

    static final int MAX_SERVER_MESSAGE = YoushuReply.MAX_SERVER_MESSAGE;

    static final String CREDENTIALS = "youshu.app-id, youshu.app-secret (and the server's clock: the signed timestamp)";
    static final String DATA_SOURCE = "youshu.orders.data-source-id (or youshu.merchant-id when it is resolved)";
    static final String MERCHANT = "youshu.merchant-id";
    static final String HOST = "youshu.base-url, youshu.environment";
    static final String UNKNOWN = "youshu.app-id, youshu.orders.data-source-id";

    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 100);

    private final ObjectMapper mapper = new ObjectMapper();
    private final ResponseClassifier retryAfterReader;

    DataApiResponseClassifier(Clock clock) {
        // The report API's classifier reads Retry-After (seconds or HTTP-date) the same way for both.
        this.retryAfterReader = new ResponseClassifier(clock);
    }

    /** The class of an answer, and its {@code data} object ({@link MissingNode} when there is none). */
    record Classified(DataApiSendResult result, JsonNode data) {
    }

    Classified classify(HttpExchange.Answer answer) {
        if (!answer.arrived()) {
            return new Classified(DataApiSendResult.transientFailure(0, null, answer.failure(), null),
                    MissingNode.getInstance());
        }
        int status = answer.status();
        YoushuReply reply = YoushuReply.parse(mapper, answer.body(), "retcode");
        JsonNode data = reply == null ? MissingNode.getInstance() : reply.data();
        return new Classified(classify(status, answer, reply), data);
    }

    private DataApiSendResult classify(int status, HttpExchange.Answer answer, YoushuReply reply) {
        Duration retryAfter = retryAfterReader.parseRetryAfter(answer.retryAfter());
        if (status >= 200 && status < 300) {
            if (reply == null) {
                return DataApiSendResult.transientFailure(status, null, "HTTP " + status
                        + " with a body that is no data-api answer (" + describeBody(answer) + ")", retryAfter);
            }
            return byRetcode(status, reply, "", retryAfter);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return DataApiSendResult.transientFailure(status, null, "HTTP " + status, retryAfter);
        }
        if (status == 401 || status == 403) {
            return DataApiSendResult.requestLevel(status, reply == null ? null : reply.code(),
                    "HTTP " + status + ": credentials or signature refused", CREDENTIALS);
        }
        if (status == 404 || status == 405) {
            return DataApiSendResult.requestLevel(status, null,
                    "HTTP " + status + ": no data-api at this address", HOST);
        }
        if (status == 413) {
            return DataApiSendResult.itemsRejected(status, null, "HTTP 413: request body too large");
        }
        if (status >= 400) {
            return reply == null
                    ? DataApiSendResult.requestLevel(status, null, "HTTP " + status, UNKNOWN)
                    : byRetcode(status, reply, "HTTP " + status + ", ", retryAfter);
        }
        return DataApiSendResult.transientFailure(status, null, "unexpected HTTP " + status, retryAfter);
    }

    private static DataApiSendResult byRetcode(int status, YoushuReply reply, String prefix, Duration retryAfter) {
        int code = reply.code();
        String message = prefix + reply.describe();
        if (code == 0) {
            return DataApiSendResult.delivered(status);
        }
        if (code == 13) {
            return DataApiSendResult.itemsRejected(status, code, message);
        }
        if (TRANSIENT_CODES.contains(code)) {
            return DataApiSendResult.transientFailure(status, code, message, retryAfter);
        }
        return switch (code) {
            case 15 -> DataApiSendResult.requestLevel(status, code,
                    message + " (merchant verification failed: signature or credentials)", CREDENTIALS);
            case 10 -> DataApiSendResult.requestLevel(status, code, message + " (data source not found)", DATA_SOURCE);
            case 14 -> DataApiSendResult.requestLevel(status, code, message + " (wrong data source type)", DATA_SOURCE);
            case 12 -> DataApiSendResult.requestLevel(status, code, message + " (merchant not found)", MERCHANT);
            default -> DataApiSendResult.requestLevel(status, code,
                    message + " (a code the data-api contract does not list: treated as the request's fault)", UNKNOWN);
        };
    }

    private static String describeBody(HttpExchange.Answer answer) {
        if (answer.body().length == 0) {
            return "empty";
        }
        String type = answer.contentType();
        return type == null ? "no content type" : type.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }
}
