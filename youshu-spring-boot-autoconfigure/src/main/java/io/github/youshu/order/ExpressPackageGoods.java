package io.github.youshu.order;

/**
 * A SKU in a parcel, {@code express_package_info[].express_package_info[]} (data-api.md §4).
 *
 * @param externalSkuId {@code external_sku_id}; required when given (inferred)
 * @param number        {@code number}: units of the SKU in the parcel, at least 1 (inferred)
 */
public record ExpressPackageGoods(String externalSkuId, Integer number) {

    public static ExpressPackageGoods of(String externalSkuId, int number) {
        return new ExpressPackageGoods(externalSkuId, number);
    }
}
