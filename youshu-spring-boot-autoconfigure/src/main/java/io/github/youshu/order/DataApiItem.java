package io.github.youshu.order;

/**
 * One item of a data-api reporting request: it knows the endpoint it is posted to and the order it
 * concerns, so that delivery can route it and keep the changes of one order in the order they
 * happened (data-api.md §9).
 */
public sealed interface DataApiItem permits YoushuOrder, OrderStatusUpdate, ReturnOrder, OrderSum {

    /** The endpoint this item is posted to; never {@code null}. */
    DataApiEndpoint endpoint();

    /**
     * The merchant's order id ({@code external_order_id}) this item concerns, the ordering key of
     * delivery; for a {@link ReturnOrder} the id of the returned order; {@code null} for
     * {@link OrderSum}, which concerns no single order.
     */
    String orderId();
}
