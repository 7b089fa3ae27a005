package io.github.youshu.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends the whole order to Youshu's data-api ({@code order/add_order}, an upsert by
 * {@code external_order_id}; data-api.md §2, §4) when the annotated method returns (or, with
 * {@link #on} {@code = AFTER_THROWING}, when it throws).
 *
 * <p>{@link #order} is a SpEL expression, evaluated as for {@link ReportOrderStatus}, whose value is
 * either an {@code io.github.youshu.order.YoushuOrder} already, or an object of the application's
 * own type that a {@code io.github.youshu.order.YoushuOrderMapper<T>} bean turns into one (the
 * mapper whose {@code T} is the value's class or its closest supertype). The order is handed to
 * {@code io.github.youshu.YoushuOrders#addOrder}: validated on the calling thread and delivered
 * like behaviour events (with the outbox, inside the caller's transaction; in memory, after it commits).
 *
 * <pre>{@code
 * @SyncOrder(order = "#result")
 * @Transactional
 * public ShopOrder pay(String orderId) { ... }
 * }</pre>
 *
 * <p>Startup checks the expression (syntax, variables, the properties on its declared type) and that
 * its declared type is a {@code YoushuOrder} or has a {@code YoushuOrderMapper} bean; a problem stops
 * the application naming the method, the type and the fix.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(SyncOrders.class)
public @interface SyncOrder {

    /**
     * SpEL giving the order: a {@code YoushuOrder}, or a value a {@code YoushuOrderMapper} bean maps.
     * Defaults to the method's return value.
     */
    String order() default "#result";

    /** SpEL that must be {@code true} for the order to be sent; empty means always. */
    String condition() default "";

    /** When to send: after the method returned (default) or after it threw. */
    ReportOn on() default ReportOn.AFTER_RETURNING;
}
