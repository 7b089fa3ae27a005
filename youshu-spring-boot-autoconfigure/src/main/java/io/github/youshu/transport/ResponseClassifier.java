package io.github.youshu.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns one HTTP response from Youshu into a {@link SendResult}. Both body shapes are read:
 * {@code {"code": 0, "msg": ".."}} (report endpoints) and {@code {"retcode": 0, "errmsg": ".."}}
 * (data-api endpoints); {@code code} wins when both are present.
 * <ul>
 * <li><b>ACCEPTED</b>: 2xx and a body whose code is 0.</li>
 * <li><b>REQUEST_REJECTED</b> (the request's fault, never the events'): code 15 "merchant verification
 * failed" (bad signature or credentials: check {@code youshu.app-id} and {@code youshu.app-secret});
 * codes 10, 12 and 14 (data source or merchant not found, wrong data source type: the account's
 * configuration); HTTP 401 and 403 (credentials); HTTP 404 and 405 (the URL: {@code youshu.base-url},
 * {@code youshu.endpoint}). The codes are the only ones Youshu documents (the data-api return codes,
 * data-api.md §1), taken to mean the same on the report endpoints (inferred).</li>
 * <li><b>REJECTED</b>: 2xx and any other non-zero code; or any other 4xx than those above, 408 and
 * 429 (sending the same body again cannot succeed). The relay treats a code that rejects both halves
 * of a split batch identically as request-level too.</li>
 * <li><b>TRANSIENT</b>: 5xx, 408 and 429 (with the {@code Retry-After}, in seconds or as an
 * HTTP-date, when given); a 3xx (this client follows no redirect; a gateway redirecting to a
 * maintenance page is an outage); and a 2xx whose body is not JSON or has no code. The last two
 * mean the outcome is unknown: the wire contract re-sends exactly when the outcome is unknown,
 * and never drops a batch Youshu may not have stored.</li>
 * </ul>
 * Messages are short, single-line, and quote at most {@value #MAX_SERVER_MESSAGE} characters of the
 * server's {@code msg}. Thread-safe.
 */
final class ResponseClassifier {

    static final int MAX_SERVER_MESSAGE = YoushuReply.MAX_SERVER_MESSAGE;

    /** The properties to check when Youshu refuses the credentials. */
    static final String CREDENTIALS = "youshu.app-id, youshu.app-secret";

    /** The properties to check when Youshu does not know the URL. */
    static final String URL = "youshu.base-url, youshu.endpoint";

    /** The properties to check when Youshu does not know the account's data source or merchant. */
    static final String ACCOUNT = "youshu.app-id (the Youshu account's data source and merchant)";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    ResponseClassifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param body       the (possibly truncated) response body
     */
    SendResult classify(int status, String retryAfter, byte[] body) {
        if (status >= 200 && status < 300) {
            YoushuReply reply = YoushuReply.parse(mapper, body, "code");
            if (reply == null) {
                return SendResult.transientFailure(status, "HTTP " + status + " without a code in the body", null);
            }
            if (reply.code() == 0) {
                return SendResult.accepted(status, 0, "accepted");
            }
            String property = requestLevelProperty(reply.code());
            return property != null ? SendResult.requestRejected(status, reply.code(), reply.describe(), property)
                    : SendResult.rejected(status, reply.code(), reply.describe());
        }
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.transientFailure(status, "HTTP " + status, parseRetryAfter(retryAfter));
        }
        if (status >= 400) {
            YoushuReply reply = YoushuReply.parse(mapper, body, "code");
            String property = switch (status) {
                case 401, 403 -> CREDENTIALS;
                case 404, 405 -> URL;
                default -> null;
            };
            if (property != null) {
                return SendResult.requestRejected(status, reply == null ? null : reply.code(),
                        reply == null ? "HTTP " + status : "HTTP " + status + ", " + reply.describe(), property);
            }
            return reply == null
                    ? SendResult.rejected(status, null, "HTTP " + status)
                    : SendResult.rejected(status, reply.code(), "HTTP " + status + ", " + reply.describe());
        }
        return SendResult.transientFailure(status, "unexpected HTTP " + status, null);
    }

    /** What to check when {@code code} is a request-level code, or {@code null} when it is not one. */
    private static String requestLevelProperty(int code) {
        return switch (code) {
            case 15 -> CREDENTIALS;
            case 10, 12, 14 -> ACCOUNT;
            default -> null;
        };
    }

    /** Seconds or an HTTP-date, as a non-negative duration from now; {@code null} when absent or malformed. */
    Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // more digits than a long holds
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
