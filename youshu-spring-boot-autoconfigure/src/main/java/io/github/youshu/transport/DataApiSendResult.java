package io.github.youshu.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The classified answer to one data-api request (data-api.md §1).
 *
 * @param outcome    the class of the answer, which decides what the sender does
 * @param httpStatus the HTTP status, or 0 when no answer arrived (timeout, connection failure)
 * @param retcode    the {@code retcode} of the answer body, or {@code null} when none was read
 * @param message    a short single-line reason: the code with at most 200 characters of Youshu's
 *                   {@code errmsg}, or the HTTP status, or the kind of network failure; never the
 *                   app secret nor the request's query
 * @param retryAfter for {@link DataApiOutcome#TRANSIENT}: the server's {@code Retry-After}, or {@code null}
 * @param property   for {@link DataApiOutcome#REQUEST_LEVEL}: the setting(s) to check, e.g.
 *                   {@code youshu.app-id, youshu.app-secret}; otherwise {@code null}
 */
public record DataApiSendResult(DataApiOutcome outcome, int httpStatus, Integer retcode, String message,
        Duration retryAfter, String property) {

    public DataApiSendResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** Youshu stored the items. */
    public static DataApiSendResult delivered(int httpStatus) {
        return new DataApiSendResult(DataApiOutcome.DELIVERED, httpStatus, 0, "delivered", null, null);
    }

    /** The request holds a bad item (split to find it). */
    public static DataApiSendResult itemsRejected(int httpStatus, Integer retcode, String message) {
        return new DataApiSendResult(DataApiOutcome.ITEMS_REJECTED, httpStatus, retcode, message, null, null);
    }

    /** Retry later, no sooner than {@code retryAfter} when it is given. */
    public static DataApiSendResult transientFailure(int httpStatus, Integer retcode, String message,
            Duration retryAfter) {
        return new DataApiSendResult(DataApiOutcome.TRANSIENT, httpStatus, retcode, message, retryAfter, null);
    }

    /** The request's fault: keep the items, show the cause and the property to check. */
    public static DataApiSendResult requestLevel(int httpStatus, Integer retcode, String message, String property) {
        return new DataApiSendResult(DataApiOutcome.REQUEST_LEVEL, httpStatus, retcode, message, null,
                Objects.requireNonNull(property, "property"));
    }

    /** Whether Youshu stored the items. */
    public boolean isDelivered() {
        return outcome == DataApiOutcome.DELIVERED;
    }
}
