package io.github.youshu.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One SKU line of an order, {@code goods_info[]} (data-api.md §5).
 *
 * <pre>{@code
 * GoodsInfo line = GoodsInfo.builder()
 *         .sku("SKU-A", "T恤 红 M").spu("SPU-A", "T恤")
 *         .goodsNum(2).goodsAmount(new BigDecimal("59.00")).paymentAmount(new BigDecimal("103.05"))
 *         .build();
 * }</pre>
 *
 * @param externalSkuId   {@code external_sku_id}: the SKU id; required
 * @param skuNameChinese  {@code sku_name_chinese}: the SKU name; required
 * @param externalSpuId   {@code external_spu_id}: the SPU id, the SKU id when there is no SPU; required
 * @param spuNameChinese  {@code spu_name_chinese}: the SPU name, the SKU name when there is no SPU; required
 * @param goodsNum        {@code goods_num}: units, at least 1; required
 * @param goodsAmount     {@code goods_amount}: the <b>unit</b> price before discounts, yuan; required
 * @param paymentAmount   {@code payment_amount}: yuan paid for the whole line after apportioned discounts
 *                        (Youshu sums its GMV from this); required
 * @param isGift          {@code is_gift}; optional (Youshu takes 0)
 * @param primaryImageUrl {@code primary_image_url}; optional
 * @param saleUnit        {@code sale_unit}; optional
 * @param categoryId      {@code category_id}; optional
 * @param categoryName    {@code category_name}; optional
 * @param goodsWeight     {@code goods_weight}: grams; optional
 * @param storeInfo       {@code store_info}; optional
 * @param chanInfo        {@code chan_info}: {@code null} (left out) or unmodifiable
 * @param commissionInfo  {@code commission_info}: {@code null} (left out) or unmodifiable
 */
public record GoodsInfo(String externalSkuId, String skuNameChinese, String externalSpuId, String spuNameChinese,
                        Integer goodsNum, @Money BigDecimal goodsAmount, @Money BigDecimal paymentAmount, IsGift isGift,
                        String primaryImageUrl, String saleUnit, String categoryId, String categoryName,
                        BigDecimal goodsWeight, StoreInfo storeInfo, List<ChanInfo> chanInfo,
                        List<CommissionInfo> commissionInfo) {

    /** @throws NullPointerException when {@code chanInfo} or {@code commissionInfo} holds a {@code null} */
    public GoodsInfo {
        chanInfo = chanInfo == null ? null : List.copyOf(chanInfo);
        commissionInfo = commissionInfo == null ? null : List.copyOf(commissionInfo);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this line's values. */
    public Builder toBuilder() {
        Builder builder = new Builder().sku(externalSkuId, skuNameChinese).spu(externalSpuId, spuNameChinese)
                .goodsAmount(goodsAmount).paymentAmount(paymentAmount).isGift(isGift).primaryImageUrl(primaryImageUrl)
                .saleUnit(saleUnit).category(categoryId, categoryName).goodsWeight(goodsWeight).storeInfo(storeInfo);
        builder.goodsNum = goodsNum;
        builder.chanInfo = chanInfo == null ? null : new ArrayList<>(chanInfo);
        builder.commissionInfo = commissionInfo == null ? null : new ArrayList<>(commissionInfo);
        return builder;
    }

    /** Builds a {@link GoodsInfo}. */
    public static final class Builder {
        private String externalSkuId;
        private String skuNameChinese;
        private String externalSpuId;
        private String spuNameChinese;
        private Integer goodsNum;
        private BigDecimal goodsAmount;
        private BigDecimal paymentAmount;
        private IsGift isGift;
        private String primaryImageUrl;
        private String saleUnit;
        private String categoryId;
        private String categoryName;
        private BigDecimal goodsWeight;
        private StoreInfo storeInfo;
        private List<ChanInfo> chanInfo;
        private List<CommissionInfo> commissionInfo;

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

        /** A SKU without SPU: {@code external_spu_id} and {@code spu_name_chinese} take the SKU's id and name (§5). */
        public Builder skuWithoutSpu(String externalSkuId, String skuNameChinese) {
            return sku(externalSkuId, skuNameChinese).spu(externalSkuId, skuNameChinese);
        }

        /** {@code goods_num}: units, at least 1. */
        public Builder goodsNum(Integer goodsNum) {
            this.goodsNum = goodsNum;
            return this;
        }

        /** {@code goods_amount}: the unit price before discounts, yuan. */
        public Builder goodsAmount(BigDecimal goodsAmount) {
            this.goodsAmount = goodsAmount;
            return this;
        }

        /** {@code payment_amount}: yuan paid for the whole line after apportioned discounts. */
        public Builder paymentAmount(BigDecimal paymentAmount) {
            this.paymentAmount = paymentAmount;
            return this;
        }

        /** {@code is_gift}. */
        public Builder isGift(IsGift isGift) {
            this.isGift = isGift;
            return this;
        }

        /** {@code primary_image_url}. */
        public Builder primaryImageUrl(String primaryImageUrl) {
            this.primaryImageUrl = primaryImageUrl;
            return this;
        }

        /** {@code sale_unit}. */
        public Builder saleUnit(String saleUnit) {
            this.saleUnit = saleUnit;
            return this;
        }

        /** {@code category_id} and {@code category_name}. */
        public Builder category(String categoryId, String categoryName) {
            this.categoryId = categoryId;
            this.categoryName = categoryName;
            return this;
        }

        /** {@code goods_weight} in grams. */
        public Builder goodsWeight(BigDecimal grams) {
            this.goodsWeight = grams;
            return this;
        }

        /** {@code store_info}. */
        public Builder storeInfo(StoreInfo storeInfo) {
            this.storeInfo = storeInfo;
            return this;
        }

        /** Adds a channel to {@code chan_info}. */
        public Builder chan(ChanInfo chan) {
            if (chanInfo == null) {
                chanInfo = new ArrayList<>();
            }
            chanInfo.add(chan);
            return this;
        }

        /** Adds a commission to {@code commission_info}. */
        public Builder commission(CommissionType commissionType, BigDecimal commissionFee) {
            if (commissionInfo == null) {
                commissionInfo = new ArrayList<>();
            }
            commissionInfo.add(CommissionInfo.of(commissionType, commissionFee));
            return this;
        }

        /** The {@link GoodsInfo} of the values set; checks no rule (see {@code OrderValidator}). */
        public GoodsInfo build() {
            return new GoodsInfo(externalSkuId, skuNameChinese, externalSpuId, spuNameChinese, goodsNum, goodsAmount,
                    paymentAmount, isGift, primaryImageUrl, saleUnit, categoryId, categoryName, goodsWeight, storeInfo,
                    chanInfo, commissionInfo);
        }
    }
}
