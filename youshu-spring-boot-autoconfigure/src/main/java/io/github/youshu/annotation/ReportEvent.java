package io.github.youshu.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reports an event of any other Youshu behaviour type when the annotated method returns (or, with
 * {@link #on} {@code = AFTER_THROWING}, when it throws). Attributes other than {@link #type} are
 * SpEL, evaluated as for {@link ReportOrderStatus}.
 *
 * <pre>{@code
 * @ReportEvent(type = "add_to_cart", props = "{sku_id: #skuId, sku_num: #count}", openId = "#openId")
 * public Cart addToCart(String openId, String skuId, int count) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ReportEvents.class)
public @interface ReportEvent {

    /** The Youshu event type, e.g. {@code add_to_cart}; required. */
    String type();

    /**
     * SpEL giving the type's own props: a {@code Map} of wire names to values, or a bean whose
     * properties are written with the library's JSON mapper. Empty for none.
     */
    String props() default "";

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
