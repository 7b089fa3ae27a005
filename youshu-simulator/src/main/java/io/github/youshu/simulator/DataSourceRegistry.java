package io.github.youshu.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data sources of the simulator's merchant: at most one per merchant, as data_source/add's retcode 16
 * implies. Ids are numeric strings from 10001 on, skipping configured ones.
 */
final class DataSourceRegistry {

    private final String merchantId;
    private final Map<String, DataSource> byId = new LinkedHashMap<>();
    private long nextId = 10001;

    /**
     * @param merchantId the merchant data source calls must name
     * @param configured a data source id that exists from the start, or {@code null}
     */
    DataSourceRegistry(String merchantId, String configured) {
        this.merchantId = merchantId;
        if (configured != null) {
            byId.put(configured, new DataSource(configured, merchantId));
        }
    }

    boolean knowsMerchant(String merchantId) {
        return this.merchantId.equals(merchantId);
    }

    synchronized boolean exists(String dataSourceId) {
        return byId.containsKey(dataSourceId);
    }

    synchronized List<DataSource> ofMerchant(String merchantId) {
        return byId.values().stream().filter(source -> source.merchantId().equals(merchantId)).toList();
    }

    /** Creates the merchant's data source; empty when it already has one (retcode 16). */
    synchronized Optional<DataSource> add(String merchantId) {
        if (!ofMerchant(merchantId).isEmpty()) {
            return Optional.empty();
        }
        while (byId.containsKey(Long.toString(nextId))) {
            nextId++;
        }
        DataSource created = new DataSource(Long.toString(nextId++), merchantId);
        byId.put(created.id(), created);
        return Optional.of(created);
    }

    synchronized List<DataSource> all() {
        return List.copyOf(byId.values());
    }

    String merchantId() {
        return merchantId;
    }
}
