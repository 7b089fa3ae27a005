package io.github.youshu.order.validation;

import io.github.youshu.YoushuReportException;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.validation.Violation;

import java.util.List;
import java.util.Objects;

/**
 * What {@link OrderValidator} found in one data-api item: the errors that refuse it and the
 * warnings that let it through (data-api.md §6). Every violation names its JSON path in a one-item
 * envelope, e.g. {@code orders[0].goods_info[1].goods_num: must be >= 1}; {@link #toString()} adds
 * the endpoint and the order id. No message holds a field's value.
 *
 * @param endpoint the item's endpoint
 * @param orderId  the item's order id, {@code null} for daily totals
 * @param errors   the rules the item breaks; it may not be sent when there is any; unmodifiable
 * @param warnings the §6 rules the item breaks that are only warnings by default; unmodifiable
 */
public record OrderValidationResult(DataApiEndpoint endpoint, String orderId, List<Violation> errors,
                                    List<Violation> warnings) {

    /** @throws NullPointerException when {@code endpoint} or a list is {@code null} */
    public OrderValidationResult {
        Objects.requireNonNull(endpoint, "endpoint");
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the item may be sent: it has no errors (it may have warnings). */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * The exception that refuses the item, naming the endpoint, the order id and every error.
     *
     * @throws IllegalStateException when the item is valid
     */
    public YoushuReportException toException() {
        if (isValid()) {
            throw new IllegalStateException("The " + endpoint + " item is valid");
        }
        return new YoushuReportException(endpoint.path(), orderId, errors);
    }

    /**
     * E.g. {@code order/add_order item of order ORD-0001: errors [orders[0].goods_num_total: must be >= 1];
     * warnings []}.
     */
    @Override
    public String toString() {
        return endpoint + " item " + (orderId == null ? "(no order id)" : "of order " + orderId)
                + ": errors " + errors + "; warnings " + warnings;
    }
}
