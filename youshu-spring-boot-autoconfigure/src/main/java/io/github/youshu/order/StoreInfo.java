package io.github.youshu.order;

/**
 * The store of a goods line, {@code goods_info[].store_info} (data-api.md §5).
 *
 * @param externalStoreId {@code external_store_id}: the merchant's store id; required when the store is given (inferred)
 * @param storeName       {@code store_name}; optional
 * @param storeCity       {@code store_city}; optional
 */
public record StoreInfo(String externalStoreId, String storeName, String storeCity) {

    /** A store with its id, name and city (each but the id may be {@code null}). */
    public static StoreInfo of(String externalStoreId, String storeName, String storeCity) {
        return new StoreInfo(externalStoreId, storeName, storeCity);
    }
}
