package io.github.youshu.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends an order's status change to Youshu's data-api ({@code order/update}; data-api.md §7, codes
 * of §8) when the annotated method returns (or, with {@link #on} {@code = AFTER_THROWING}, when it
 * throws). The change is handed to {@code io.github.youshu.YoushuOrders#updateStatus}.
 *
 * <pre>{@code
 * @SyncOrderStatus(orderId = "#orderId", status = "1160", time = "#result.shippedAt")
 * public Shipment ship(String orderId) { ... }
 * }</pre>
 *
 * <p>{@link #orderId}, {@link #time} and {@link #condition} are SpEL, evaluated as for
 * {@link ReportOrderStatus}; {@link #status} is a literal checked at startup.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(SyncOrderStatuses.class)
public @interface SyncOrderStatus {

    /** SpEL giving the merchant's order id ({@code external_order_id}); required. */
    String orderId();

    /**
     * The {@code order_status} (§8), required: one of the eight codes {@code 1110}, {@code 1130},
     * {@code 1140}, {@code 1150}, {@code 1160}, {@code 1180}, {@code 1280}, {@code 1290}, or the name
     * of its {@code io.github.youshu.order.OrderStatusCode} constant ({@code SHIPPED}, any case).
     * Anything else stops the application at startup with a "did you mean" hint.
     */
    String status();

    /**
     * SpEL giving when the order entered the status ({@code status_change_time}): epoch
     * milliseconds (a number), {@code Instant}, {@code Date}, {@code OffsetDateTime},
     * {@code ZonedDateTime} or {@code LocalDateTime} (in {@code youshu.zone}). Empty (the default)
     * means the moment the method returned (or threw).
     */
    String time() default "";

    /** SpEL that must be {@code true} for the change to be sent; empty means always. */
    String condition() default "";

    /** When to send: after the method returned (default) or after it threw. */
    ReportOn on() default ReportOn.AFTER_RETURNING;
}
