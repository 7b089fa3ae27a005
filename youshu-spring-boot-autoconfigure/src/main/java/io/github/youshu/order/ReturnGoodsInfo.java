package io.github.youshu.order;

import java.math.BigDecimal;

/**
 * One returned SKU line, {@code return_goods_info[]} of a {@link ReturnOrder} (data-api.md §7). Every
 * field but {@code is_gift} is required.
 *
 * @param externalSkuId     {@code external_sku_id}
 * @param skuNameChinese    {@code sku_name_chinese}
 * @param externalSpuId     {@code external_spu_id}: the SKU id when there is no SPU
 * @param spuNameChinese    {@code spu_name_chinese}: the SKU name when there is no SPU
 * @param isGift            {@code is_gift}; optional
 * @param returnGoodsAmount {@code return_goods_amount}: yuan refunded for this line
 * @param returnGoodsNum    {@code return_goods_num}: units returned, at least 1
 */
public record ReturnGoodsInfo(String externalSkuId, String skuNameChinese, String externalSpuId, String spuNameChinese,
                              IsGift isGift, @Money BigDecimal returnGoodsAmount, Integer returnGoodsNum) {

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this line's values. */
    public Builder toBuilder() {
        Builder builder = new Builder().sku(externalSkuId, skuNameChinese).spu(externalSpuId, spuNameChinese)
                .isGift(isGift).returnGoodsAmount(returnGoodsAmount);
        builder.returnGoodsNum = returnGoodsNum;
        return builder;
    }

    /** Builds a {@link ReturnGoodsInfo}. */
    public static final class Builder {
        private String externalSkuId;
        private String skuNameChinese;
        private String externalSpuId;
        private String spuNameChinese;
        private IsGift isGift;
        private BigDecimal returnGoodsAmount;
        private Integer returnGoodsNum;

        private Builder() {
        }

        /** {@code external_sku_id} and {@code sku_name_chinese}. */
        public Builder sku(String externalSkuId, String skuNameChinese) {
            this.externalSkuId = externalSkuId;
            this.skuNameChinese = skuNameChinese;
            return this;
        }

        /** {@code external_spu_id} and {@code spu_name_chinese}. */
        public Builder spu(String externalSpuId, String spuNameChinese) {
            this.externalSpuId = externalSpuId;
            this.spuNameChinese = spuNameChinese;
            return this;
        }

        /** A SKU without SPU: the SPU takes the SKU's id and name. */
        public Builder skuWithoutSpu(String externalSkuId, String skuNameChinese) {
            return sku(externalSkuId, skuNameChinese).spu(externalSkuId, skuNameChinese);
        }

        /** {@code is_gift}. */
        public Builder isGift(IsGift isGift) {
            this.isGift = isGift;
            return this;
        }

        /** {@code return_goods_amount}: yuan refunded for this line. */
        public Builder returnGoodsAmount(BigDecimal returnGoodsAmount) {
            this.returnGoodsAmount = returnGoodsAmount;
            return this;
        }

        /** {@code return_goods_num}: units returned, at least 1. */
        public Builder returnGoodsNum(Integer returnGoodsNum) {
            this.returnGoodsNum = returnGoodsNum;
            return this;
        }

        /** The {@link ReturnGoodsInfo} of the values set; checks no rule (see {@code OrderValidator}). */
        public ReturnGoodsInfo build() {
            return new ReturnGoodsInfo(externalSkuId, skuNameChinese, externalSpuId, spuNameChinese, isGift,
                    returnGoodsAmount, returnGoodsNum);
        }
    }
}
