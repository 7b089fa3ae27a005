package io.github.youshu.event;

/**
 * One coupon bought with a {@code coupon_order} ({@code props.coupon_info[]}).
 *
 * @param couponId {@code coupon_id}: the coupon's unique id; required
 */
public record CouponInfo(String couponId) {
}
