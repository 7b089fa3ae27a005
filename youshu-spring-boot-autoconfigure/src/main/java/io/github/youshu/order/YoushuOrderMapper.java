package io.github.youshu.order;

/**
 * Turns the application's own order type into the data-api order ({@code order/add_order},
 * data-api.md §4), for {@link io.github.youshu.annotation.SyncOrder @SyncOrder} expressions whose
 * value is not a {@link YoushuOrder}. Declare it as a bean with its type argument, e.g.
 *
 * <pre>{@code
 * @Component
 * class ShopOrderMapper implements YoushuOrderMapper<ShopOrder> {
 *     public YoushuOrder map(ShopOrder order) { return YoushuOrder.builder()...build(); }
 * }
 * }</pre>
 *
 * <p>The mapper whose {@code T} is the value's class, or else its closest superclass or interface,
 * is used (resolved with Spring's {@code ResolvableType} from the bean's class or its
 * {@code @Bean} method's return type). Called on the thread of the annotated method, inside its
 * transaction; an exception it throws is a failure of that one order (logged, or thrown with
 * {@code youshu.failure-mode=throw}), never of the annotated method's own work.
 *
 * @param <T> the application's order type
 */
@FunctionalInterface
public interface YoushuOrderMapper<T> {

    /**
     * @param source the value of the {@code @SyncOrder} expression, never {@code null}
     * @return the order to send; {@code null} to send nothing for this value
     */
    YoushuOrder map(T source);
}
