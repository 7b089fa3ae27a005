package io.github.youshu.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports a {@code custom_order} event (an order's status change) when the annotated method
 * returns (or, with {@link #on} {@code = AFTER_THROWING}, when it throws).
 *
 * <p>Every attribute but {@link #status} and {@link #orderType} is a SpEL expression evaluated
 * against the call: method parameters by name ({@code #order}, needs {@code -parameters}) or
 * position ({@code #p0}, {@code #a0}), {@code #args}, {@code #result}, {@code #ex},
 * {@code #root.method}, {@code #root.target} and beans ({@code @pricing}). Expressions are parsed
 * and checked at startup; a broken one stops the application with the method and attribute named.
 *
 * <pre>{@code
 * @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
 *                    orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
 * public Order pay(String orderId) { ... }
 * }</pre>
 *
 * <p>Amounts are given either as {@link #orderAmount} and {@link #payAmount} (one sub-order that
 * repeats the order id) or as {@link #subOrders}. {@code wx_user}, {@code chan}, {@code page} and
 * {@code tracking_id} not given here come from the {@code YoushuContextResolver} beans, then from
 * the {@code youshu.defaults.*} properties.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ReportOrderStatuses.class)
public @interface ReportOrderStatus {

    /**
     * The {@code order_status} wire value: {@code give_order}, {@code cancel_pay},
     * {@code cancel_give_order}, {@code pay}, {@code payed} or {@code refund}. Exactly one of
     * {@code status} and {@link #statusExpression} is required.
     */
    String status() default "";

    /**
     * SpEL giving the {@code order_status}: a wire value string or an {@code OrderStatus}.
     * Exactly one of {@link #status} and {@code statusExpression} is required.
     */
    String statusExpression() default "";

    /** SpEL giving the merchant's order id ({@code order_id}); required. */
    String orderId();

    /**
     * SpEL giving when the order was placed ({@code order_time}); required. Epoch milliseconds
     * (a number), {@code Instant}, {@code Date}, {@code OffsetDateTime}, {@code ZonedDateTime} or
     * {@code LocalDateTime} (in the zone of {@code youshu.zone}).
     */
    String orderTime();

    /**
     * SpEL giving the order amount in yuan ({@code order_amt}) of the single sub-order that
     * repeats the order. Goes with {@link #payAmount}; not with {@link #subOrders}.
     */
    String orderAmount() default "";

    /**
     * SpEL giving the amount to pay in yuan ({@code pay_amt}) of the single sub-order that
     * repeats the order. Goes with {@link #orderAmount}; not with {@link #subOrders}.
     */
    String payAmount() default "";

    /**
     * SpEL giving the sub-orders: a collection (or array) whose elements are {@code SubOrder}s,
     * maps with {@code sub_order_id}/{@code order_amt}/{@code pay_amt} (or
     * {@code subOrderId}/{@code orderAmount}/{@code payAmount}) keys, or beans/records with
     * {@code subOrderId}, {@code orderAmount} and {@code payAmount} properties. Used instead of
     * {@link #orderAmount} and {@link #payAmount}.
     */
    String subOrders() default "";

    /** The {@code order_type} wire value: {@code normal}, {@code presale_deposit} or {@code presale_balance}; optional. */
    String orderType() default "";

    /** SpEL giving the user's {@code wx_user.open_id}. */
    String openId() default "";

    /** SpEL giving the user's {@code wx_user.union_id}. */
    String unionId() default "";

    /** SpEL giving the merchant's user id ({@code wx_user.user_id}). */
    String userId() default "";

    /** SpEL giving the mini-program page path ({@code page}), without a leading {@code /}. */
    String page() default "";

    /** SpEL giving the page title ({@code page_title}). */
    String pageTitle() default "";

    /** SpEL giving the mini-program scene value ({@code chan.chan_wxapp_scene}), a number. */
    String scene() default "";

    /** SpEL giving the WeChat store id ({@code chan.chan_shop_id}). */
    String shopId() default "";

    /** SpEL giving the store's name ({@code chan.chan_shop_name}). */
    String shopName() default "";

    /** SpEL giving the session id ({@code tracking_id}). */
    String trackingId() default "";

    /** SpEL that must be {@code true} for the event to be reported; empty means always. */
    String condition() default "";

    /** When to report: after the method returned (default) or after it threw. */
    ReportOn on() default ReportOn.AFTER_RETURNING;
}
