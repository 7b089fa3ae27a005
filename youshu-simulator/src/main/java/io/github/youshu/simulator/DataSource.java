package io.github.youshu.simulator;

import java.util.Objects;

/**
 * A data-api data source of the simulator: configured with {@link YoushuSimulator.Builder#dataSourceId} or
 * created by {@code data_source/add}.
 *
 * @param id         the {@code dataSourceId} reporting envelopes must carry
 * @param merchantId the merchant it belongs to
 */
public record DataSource(String id, String merchantId) {

    /** Checks the components. */
    public DataSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
    }
}
