package io.github.youshu.validation;

import java.io.Serializable;

/**
 * One violated validation rule of an event.
 *
 * @param path    the JSON path of the offending value in the event, e.g. {@code props.sub_orders[0].pay_amt}
 * @param message what is wrong, e.g. {@code must be >= 0}; never contains the value itself
 */
public record Violation(String path, String message) implements Serializable {

    /** {@code path: message}. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
