package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.List;

/**
 * The props of a {@code coupon_order} event: the coupon order (under the key {@code coupon}), the
 * coupons bought and the common props.
 *
 * <pre>{@code
 * CouponOrderProps props = CouponOrderProps.builder()
 *         .coupon(CouponOrder.builder().orderId("c-1").orderTime(placedAt).orderStatus(OrderStatus.PAYED)
 *                 .couponBatchId("batch-7").payAmt(new BigDecimal("9.00")).build())
 *         .couponId("coupon-1")
 *         .build();
 * }</pre>
 *
 * @param coupon     {@code coupon}: the order; required
 * @param couponInfo {@code coupon_info}: at least one coupon; unmodifiable, never {@code null}
 * @param common     the common props, written beside {@code coupon}; never {@code null}
 */
public record CouponOrderProps(CouponOrder coupon, List<CouponInfo> couponInfo, @JsonUnwrapped CommonProps common)
        implements EventProps {

    /** Copies {@code couponInfo}; {@code null} lists and common props become empty ones. */
    public CouponOrderProps {
        couponInfo = ModelSupport.copyOrEmpty(couponInfo, "coupon_info");
        common = common == null ? CommonProps.EMPTY : common;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these props. */
    public Builder toBuilder() {
        return new Builder().coupon(coupon).couponInfo(couponInfo).common(common);
    }

    /** The {@code order_id} of the coupon order, or {@code null} when there is none. */
    @Override
    public String orderId() {
        return coupon == null ? null : coupon.orderId();
    }

    @Override
    public CouponOrderProps withCommon(CommonProps common) {
        return new CouponOrderProps(coupon, couponInfo, common);
    }

    /** Builds {@link CouponOrderProps}. */
    public static final class Builder {
        private CouponOrder coupon;
        private final List<CouponInfo> couponInfo = new ArrayList<>();
        private CommonProps common;

        private Builder() {
        }

        public Builder coupon(CouponOrder coupon) {
            this.coupon = coupon;
            return this;
        }

        /** Adds a coupon to {@code coupon_info}. */
        public Builder couponId(String couponId) {
            couponInfo.add(new CouponInfo(couponId));
            return this;
        }

        /** Replaces {@code coupon_info}. */
        public Builder couponInfo(List<CouponInfo> couponInfo) {
            this.couponInfo.clear();
            if (couponInfo != null) {
                this.couponInfo.addAll(couponInfo);
            }
            return this;
        }

        public Builder common(CommonProps common) {
            this.common = common;
            return this;
        }

        public CouponOrderProps build() {
            return new CouponOrderProps(coupon, couponInfo, common);
        }
    }
}
