package io.github.youshu.order;

import java.util.List;

/**
 * The promotions of one type applied to an order, {@code promotion_info[]} in the newer nested shape
 * that data-api.md §4 decides on.
 *
 * @param promotionType   {@code promotion_type}: member price or other; required
 * @param promotionDetail {@code promotion_detail}: the promotions; {@code null} (left out) or unmodifiable
 */
public record PromotionInfo(PromotionType promotionType, List<PromotionDetail> promotionDetail) {

    /** @throws NullPointerException when {@code promotionDetail} holds a {@code null} */
    public PromotionInfo {
        promotionDetail = promotionDetail == null ? null : List.copyOf(promotionDetail);
    }

    public static PromotionInfo of(PromotionType promotionType, PromotionDetail... promotionDetail) {
        return new PromotionInfo(promotionType, promotionDetail.length == 0 ? null : List.of(promotionDetail));
    }
}
