package io.github.youshu.order;

import java.math.BigDecimal;

/**
 * One coupon used on an order, {@code coupon_info[].coupon_detail[]} (data-api.md §4).
 *
 * @param externalCouponId {@code external_coupon_id}: the coupon's id; optional
 * @param couponBatchId    {@code coupon_batch_id}: the coupon batch (stock) id; optional
 * @param couponName       {@code coupon_name}; optional
 * @param couponAmount     {@code coupon_amount}: yuan this coupon took off; required (inferred)
 */
public record CouponDetail(String externalCouponId, String couponBatchId, String couponName,
                           @Money BigDecimal couponAmount) {

    /** A coupon with its id, batch id, name and amount (each but the amount may be {@code null}). */
    public static CouponDetail of(String externalCouponId, String couponBatchId, String couponName,
                                  BigDecimal couponAmount) {
        return new CouponDetail(externalCouponId, couponBatchId, couponName, couponAmount);
    }
}
