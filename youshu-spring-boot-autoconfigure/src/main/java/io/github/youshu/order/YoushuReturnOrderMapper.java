package io.github.youshu.order;

/**
 * Turns the application's own return type into the data-api return order
 * ({@code return_order/add}, data-api.md §7), for
 * {@link io.github.youshu.annotation.SyncReturnOrder @SyncReturnOrder} expressions whose value is
 * not a {@link ReturnOrder}. Found and called as {@link YoushuOrderMapper} is.
 *
 * @param <T> the application's return (refund) type
 */
@FunctionalInterface
public interface YoushuReturnOrderMapper<T> {

    /**
     * @param source the value of the {@code @SyncReturnOrder} expression, never {@code null}
     * @return the return order to send; {@code null} to send nothing for this value
     */
    ReturnOrder map(T source);
}
