package io.github.youshu.order;

import java.math.BigDecimal;

/**
 * One promotion applied to an order, {@code promotion_info[].promotion_detail[]} (data-api.md §4).
 *
 * @param externalPromotionId {@code external_promotion_id}; optional
 * @param promotionName       {@code promotion_name}; optional
 * @param promotionAmount     {@code promotion_amount}: yuan taken off; optional, at most 2 decimals, not negative
 */
public record PromotionDetail(String externalPromotionId, String promotionName, @Money BigDecimal promotionAmount) {

    public static PromotionDetail of(String externalPromotionId, String promotionName, BigDecimal promotionAmount) {
        return new PromotionDetail(externalPromotionId, promotionName, promotionAmount);
    }
}
