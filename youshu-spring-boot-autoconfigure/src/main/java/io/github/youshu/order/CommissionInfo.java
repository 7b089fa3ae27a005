package io.github.youshu.order;

import java.math.BigDecimal;

/**
 * A commission of a goods line, {@code goods_info[].commission_info[]} (data-api.md §5).
 *
 * @param commissionType {@code commission_type}: percentage or fixed; required
 * @param commissionFee  {@code commission_fee}: yuan, at most 2 decimals, not negative; required
 */
public record CommissionInfo(CommissionType commissionType, @Money BigDecimal commissionFee) {

    public static CommissionInfo of(CommissionType commissionType, BigDecimal commissionFee) {
        return new CommissionInfo(commissionType, commissionFee);
    }
}
