package io.github.youshu.transport;

import io.github.youshu.order.DataApiEndpoint;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Sends data-api items with the current data source id: what the delivery relay calls for a batch
 * of one endpoint, so that it acts on the {@link DataApiOutcome} alone.
 * <ul>
 * <li>While the id is not known (data-api.md §2: resolution in progress, Youshu unreachable,
 * refused, or nothing configured), nothing is sent and the answer is
 * {@link DataApiOutcome#REQUEST_LEVEL} with the resolver's cause and property: the items wait,
 * never rejected.</li>
 * <li>When Youshu answers {@code retcode} 10 (data source not found), the resolver is told, so that
 * an id resolved from the merchant id is resolved again.</li>
 * </ul>
 * Thread-safe; never blocks beyond the transport's request timeout.
 */
public final class DataApiSender {

    /** {@code retcode}: data source not found (§1). */
    static final int DATA_SOURCE_NOT_FOUND = 10;

    private final DataApiTransport transport;
    private final DataSourceIdResolver dataSource;

    /**
     * @param transport  the data-api client
     * @param dataSource the data source id, configured or resolved
     */
    public DataApiSender(DataApiTransport transport, DataSourceIdResolver dataSource) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sends the items in one request when the data source id is known.
     *
     * @param endpoint the route the items belong to
     * @param items    1 to {@link DataApiTransport#maxItemsPerRequest()} serialized JSON objects
     * @return the class of the answer; {@link DataApiOutcome#REQUEST_LEVEL} with status 0 and nothing
     *         sent while the data source id is not known
     * @throws IllegalArgumentException as {@link DataApiTransport#send} does for wrong items
     */
    public DataApiSendResult send(DataApiEndpoint endpoint, List<byte[]> items) {
        DataSourceState state = dataSource.state();
        if (!state.isKnown()) {
            return DataApiSendResult.requestLevel(0, null,
                    "data source id not known yet (" + state.status().name().toLowerCase(Locale.ROOT)
                            + ": " + state.cause() + ")", state.property());
        }
        DataApiSendResult result = transport.send(endpoint, state.dataSourceId(), items);
        if (result.retcode() != null && result.retcode() == DATA_SOURCE_NOT_FOUND) {
            dataSource.dataSourceNotFound(state.dataSourceId());
        }
        return result;
    }

    /** Most items {@link #send} takes in one call ({@code youshu.orders.max-items-per-request}). */
    public int maxItemsPerRequest() {
        return transport.maxItemsPerRequest();
    }

    @Override
    public String toString() {
        return "DataApiSender[" + transport + ", " + dataSource + "]";
    }
}
