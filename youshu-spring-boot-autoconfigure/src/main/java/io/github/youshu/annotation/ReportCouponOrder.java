package io.github.youshu.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports a {@code coupon_order} event (the user buys coupons) when the annotated method returns
 * (or, with {@link #on} {@code = AFTER_THROWING}, when it throws). Attributes other than
 * {@link #status} are SpEL, evaluated as for {@link ReportOrderStatus}.
 *
 * <pre>{@code
 * @ReportCouponOrder(status = "payed", orderId = "#result.orderNo", orderTime = "#result.createdAt",
 *                    couponBatchId = "#batchId", payAmount = "#result.price", couponIds = "#result.couponIds")
 * public CouponPurchase buy(String batchId, int count) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ReportCouponOrders.class)
public @interface ReportCouponOrder {

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

    /** SpEL giving the merchant's order id ({@code coupon.order_id}); required. */
    String orderId();

    /** SpEL giving when the order was placed ({@code coupon.order_time}); required. Same types as {@link ReportOrderStatus#orderTime}. */
    String orderTime();

    /** SpEL giving the coupon batch id ({@code coupon.coupon_batch_id}); required. */
    String couponBatchId();

    /** SpEL giving the amount to pay in yuan ({@code coupon.pay_amt}); required. */
    String payAmount();

    /**
     * SpEL giving the coupons bought ({@code coupon_info[].coupon_id}); required: a collection (or
     * array) of ids, or of objects with a {@code couponId} property or a {@code coupon_id}/{@code couponId} key.
     */
    String couponIds();

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
