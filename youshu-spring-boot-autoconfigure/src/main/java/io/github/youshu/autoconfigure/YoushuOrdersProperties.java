package io.github.youshu.autoconfigure;

import io.github.youshu.transport.DataApiTransport;
import io.github.youshu.transport.DataSourceIdResolver;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the backend order data (Youshu's data-api, data-api.md), under the
 * {@code youshu.orders} prefix. The merchant id the data source id can be resolved from is
 * {@code youshu.merchant-id} ({@link YoushuMerchantProperties}).
 * <p>
 * Setters check their value, so that a wrong setting fails binding with a message naming the
 * property and what is allowed.
 */
@ConfigurationProperties("youshu.orders")
public class YoushuOrdersProperties {

    /** The data source id from the Youshu console, sent as dataSourceId with every order item. When unset, it is looked up (or created) from youshu.merchant-id in the background; order items wait until it is known. */
    private String dataSourceId;

    /** Most data-api items (orders, status changes, return orders, daily totals) in one request, 1 to 50 (Youshu's limit). */
    private int maxItemsPerRequest = 50;

    /** Whether the amount rules real integrations break for legitimate reasons (goods_num_total = sum of goods_num, sum of payment_info.trans_amount = payment_amount, coupon_amount_total = sum of coupon_amount) refuse the item instead of logging a warning. */
    private boolean strictAmounts = false;

    public String getDataSourceId() {
        return dataSourceId;
    }

    /**
     * @param dataSourceId the id; blank means unset
     * @throws IllegalArgumentException when it has leading or trailing whitespace
     */
    public void setDataSourceId(String dataSourceId) {
        this.dataSourceId = DataSourceIdResolver.checkId(dataSourceId, DataSourceIdResolver.DATA_SOURCE_ID_PROPERTY);
    }

    public int getMaxItemsPerRequest() {
        return maxItemsPerRequest;
    }

    /**
     * @param maxItemsPerRequest 1 to 50
     * @throws IllegalArgumentException naming the property and the range otherwise
     */
    public void setMaxItemsPerRequest(int maxItemsPerRequest) {
        this.maxItemsPerRequest = DataApiTransport.checkMaxItems(maxItemsPerRequest);
    }

    public boolean isStrictAmounts() {
        return strictAmounts;
    }

    public void setStrictAmounts(boolean strictAmounts) {
        this.strictAmounts = strictAmounts;
    }

    @Override
    public String toString() {
        return "YoushuOrdersProperties[dataSourceId=" + dataSourceId + ", maxItemsPerRequest=" + maxItemsPerRequest
                + ", strictAmounts=" + strictAmounts + "]";
    }
}
