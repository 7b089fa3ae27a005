package io.github.youshu;

import io.github.youshu.validation.Violation;

import java.util.List;

/**
 * A Youshu event could not be reported: it is invalid (with every violation and its JSON path), or
 * it could not be built (an expression failed), read (a getter, iterator or {@code toString()}
 * threw: {@link #getCause()} is that failure) or serialized. The message names the event type, the
 * order id and what failed; it never contains credentials.
 */
public class YoushuReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final String orderId;
    private final List<Violation> violations;

    /**
     * An event that failed validation.
     *
     * @param eventType  the event's type
     * @param orderId    the order id the event is about, or {@code null}
     * @param violations every rule the event violates
     */
    public YoushuReportException(String eventType, String orderId, List<Violation> violations) {
        super(describe(eventType, orderId) + " is invalid: " + join(violations));
        this.eventType = eventType;
        this.orderId = orderId;
        this.violations = List.copyOf(violations);
    }

    /**
     * An event that could not be built or serialized.
     *
     * @param eventType the event's type
     * @param orderId   the order id the event is about, or {@code null} when unknown
     * @param message   what went wrong
     * @param cause     the underlying failure, or {@code null}
     */
    public YoushuReportException(String eventType, String orderId, String message, Throwable cause) {
        super(describe(eventType, orderId) + ": " + message, cause);
        this.eventType = eventType;
        this.orderId = orderId;
        this.violations = List.of();
    }

    /** The type of the event, e.g. {@code custom_order}. */
    public String eventType() {
        return eventType;
    }

    /** The order id the event is about, or {@code null}. */
    public String orderId() {
        return orderId;
    }

    /** The validation failures; empty when the event failed for another reason. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(String eventType, String orderId) {
        String order = orderId == null ? "no order_id" : orderId.isBlank() ? "blank order_id" : "order_id " + orderId;
        return "Youshu event " + eventType + " (" + order + ")";
    }

    private static String join(List<Violation> violations) {
        StringBuilder message = new StringBuilder();
        for (Violation violation : violations) {
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(violation);
        }
        return message.toString();
    }
}
