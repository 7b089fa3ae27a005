package io.github.youshu.autoconfigure;

import io.github.youshu.transport.DataSourceIdResolver;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant id, {@code youshu.merchant-id}: top-level beside {@code youshu.app-id}, as it
 * belongs to the merchant's Youshu account (the same in both environments, data-api.md §1), not
 * to one kind of data. Bound on its own so far; it can move into {@link YoushuProperties} without
 * changing the property's name.
 */
@ConfigurationProperties("youshu")
public class YoushuMerchantProperties {

    /** The merchantId of your Youshu account (the same in both environments). Needed only to look up or create the data-api data source when youshu.orders.data-source-id is not set: resolved in the background (data_source/get; when none, data_source/add); startup never waits for it. */
    private String merchantId;

    public String getMerchantId() {
        return merchantId;
    }

    /**
     * @param merchantId the merchant id; blank means unset
     * @throws IllegalArgumentException when it has leading or trailing whitespace
     */
    public void setMerchantId(String merchantId) {
        this.merchantId = DataSourceIdResolver.checkId(merchantId, DataSourceIdResolver.MERCHANT_ID_PROPERTY);
    }

    @Override
    public String toString() {
        return "YoushuMerchantProperties[merchantId=" + merchantId + "]";
    }
}
