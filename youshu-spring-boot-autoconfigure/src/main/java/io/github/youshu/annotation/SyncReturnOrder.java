package io.github.youshu.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a completed return and refund to Youshu's data-api ({@code return_order/add}; data-api.md
 * §7, status {@code 1290}) when the annotated method returns (or, with {@link #on}
 * {@code = AFTER_THROWING}, when it throws).
 *
 * <p>{@link #returnOrder} is a SpEL expression, evaluated as for {@link ReportOrderStatus}, whose
 * value is an {@code io.github.youshu.order.ReturnOrder} already, or an object of the application's
 * own type that a {@code io.github.youshu.order.YoushuReturnOrderMapper<T>} bean turns into one.
 * The return order is handed to {@code io.github.youshu.YoushuOrders#addReturnOrder}.
 *
 * <pre>{@code
 * @SyncReturnOrder(returnOrder = "#result")
 * public ShopReturn completeReturn(String returnId) { ... }
 * }</pre>
 *
 * <p>Startup checks the expression and that its declared type is a {@code ReturnOrder} or has a
 * {@code YoushuReturnOrderMapper} bean, as for {@link SyncOrder}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(SyncReturnOrders.class)
public @interface SyncReturnOrder {

    /**
     * SpEL giving the return order: a {@code ReturnOrder}, or a value a
     * {@code YoushuReturnOrderMapper} bean maps. Defaults to the method's return value.
     */
    String returnOrder() default "#result";

    /** SpEL that must be {@code true} for the return order to be sent; empty means always. */
    String condition() default "";

    /** When to send: after the method returned (default) or after it threw. */
    ReportOn on() default ReportOn.AFTER_RETURNING;
}
