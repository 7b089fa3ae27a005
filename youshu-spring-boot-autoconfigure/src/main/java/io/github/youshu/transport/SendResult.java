package io.github.youshu.transport;

import java.time.Duration;

/**
 * The classified outcome of one request to Youshu.
 *
 * @param outcome      the failure class: accepted, rejected (an event's fault), request-rejected
 *                     (the request's fault) or transient
 * @param httpStatus   the HTTP status, or 0 when no response arrived (timeout, connection failure)
 * @param code         the {@code code}/{@code retcode} of the response body, or {@code null} if none was parsed
 * @param message      a short human-readable reason (never contains the app secret)
 * @param retryAfter   the server's Retry-After for a 429/503, or {@code null}
 * @param checkProperty for {@link SendOutcome#REQUEST_REJECTED}: the configuration to check, e.g.
 *                     {@code youshu.app-secret}; {@code null} otherwise
 */
public record SendResult(SendOutcome outcome, int httpStatus, Integer code, String message, Duration retryAfter,
        String checkProperty) {

    /** A result that names no property to check. */
    public SendResult(SendOutcome outcome, int httpStatus, Integer code, String message, Duration retryAfter) {
        this(outcome, httpStatus, code, message, retryAfter, null);
    }

    public static SendResult accepted(int httpStatus, Integer code, String message) {
        return new SendResult(SendOutcome.ACCEPTED, httpStatus, code, message, null);
    }

    public static SendResult rejected(int httpStatus, Integer code, String message) {
        return new SendResult(SendOutcome.REJECTED, httpStatus, code, message, null);
    }

    /**
     * The request itself was refused (see {@link SendOutcome#REQUEST_REJECTED}).
     *
     * @param checkProperty the configuration to check, e.g. {@code youshu.app-secret}
     */
    public static SendResult requestRejected(int httpStatus, Integer code, String message, String checkProperty) {
        return new SendResult(SendOutcome.REQUEST_REJECTED, httpStatus, code, message, null, checkProperty);
    }

    public static SendResult transientFailure(int httpStatus, String message, Duration retryAfter) {
        return new SendResult(SendOutcome.TRANSIENT, httpStatus, null, message, retryAfter);
    }

    public boolean isAccepted() {
        return outcome == SendOutcome.ACCEPTED;
    }
}
