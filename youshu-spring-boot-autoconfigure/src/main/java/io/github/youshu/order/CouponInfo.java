package io.github.youshu.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * The coupons of one type used on an order, {@code coupon_info[]} (data-api.md §4).
 *
 * @param couponType        {@code coupon_type}: merchant or WeChat Pay; required
 * @param couponAmountTotal {@code coupon_amount_total}: yuan taken off by the coupons of this type;
 *                          required; should equal the sum of the details' {@code coupon_amount} (§6,
 *                          a warning unless configured as an error)
 * @param couponDetail      {@code coupon_detail}: the coupons; {@code null} (left out) or unmodifiable
 */
public record CouponInfo(CouponType couponType, @Money BigDecimal couponAmountTotal, List<CouponDetail> couponDetail) {

    /** @throws NullPointerException when {@code couponDetail} holds a {@code null} */
    public CouponInfo {
        couponDetail = couponDetail == null ? null : List.copyOf(couponDetail);
    }

    /** The coupons of one type with their total, e.g. {@code CouponInfo.of(CouponType.MERCHANT, total, detail)}. */
    public static CouponInfo of(CouponType couponType, BigDecimal couponAmountTotal, CouponDetail... couponDetail) {
        return new CouponInfo(couponType, couponAmountTotal, couponDetail.length == 0 ? null : List.of(couponDetail));
    }
}
