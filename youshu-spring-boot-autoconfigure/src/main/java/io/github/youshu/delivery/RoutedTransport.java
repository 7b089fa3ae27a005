package io.github.youshu.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.youshu.transport.DataApiSendResult;
import io.github.youshu.transport.DataApiSender;
import io.github.youshu.transport.DataSourceIdResolver;
import io.github.youshu.transport.SendOutcome;
import io.github.youshu.transport.SendResult;
import io.github.youshu.transport.YoushuTransport;

/**
 * The {@link DeliveryTransport} of the starter: behaviour events go through the
 * {@link YoushuTransport} as one JSON array; data-api items through the {@link DataApiSender}, in
 * the envelope with the data source id, and its {@link io.github.youshu.transport.DataApiOutcome}
 * becomes the relay's class:
 * <ul>
 * <li>{@code DELIVERED} → accepted;</li>
 * <li>{@code ITEMS_REJECTED} (retcode 13) → rejected: the relay splits the batch down to the bad
 * item and dead-letters it alone;</li>
 * <li>{@code TRANSIENT} → transient, retried with backoff and at least the {@code Retry-After};</li>
 * <li>{@code REQUEST_LEVEL} (retcode 15, 10, 12, 14, unknown codes, data source not known) →
 * request-rejected with the property to check: never split, never dead-lettered.</li>
 * </ul>
 * Data-api routes can be sent only while the data source id is known
 * ({@link DataSourceIdResolver#state()}); without a sender they never can (their records wait).
 */
public final class RoutedTransport implements DeliveryTransport {

    private final YoushuTransport events;

    private final DataApiSender dataApi;

    private final DataSourceIdResolver dataSource;

    /**
     * @param events     the report API, for {@link DeliveryRoute#EVENTS}
     * @param dataApi    the data-api sender, or {@code null} when data-api items cannot be sent
     * @param dataSource the data source id the sender uses, or {@code null} with no sender
     */
    public RoutedTransport(YoushuTransport events, DataApiSender dataApi, DataSourceIdResolver dataSource) {
        this.events = Objects.requireNonNull(events, "events");
        this.dataApi = dataApi;
        this.dataSource = dataSource;
    }

    /** Behaviour events only: data-api records wait. */
    public static RoutedTransport eventsOnly(YoushuTransport events) {
        return new RoutedTransport(events, null, null);
    }

    @Override
    public SendResult send(DeliveryRoute route, List<OutboundEvent> records) {
        if (!route.isDataApi()) {
            return events.send(BatchRelay.jsonArray(records), records.size());
        }
        if (dataApi == null) {
            return SendResult.requestRejected(0, null, "no data-api sender is configured",
                    DataSourceIdResolver.DATA_SOURCE_ID_PROPERTY);
        }
        List<byte[]> items = new ArrayList<>(records.size());
        records.forEach(record -> items.add(record.json()));
        return toSendResult(dataApi.send(route.dataApiEndpoint(), items));
    }

    @Override
    public boolean canSend(DeliveryRoute route) {
        return !route.isDataApi() || (dataSource != null && dataSource.state().isKnown());
    }

    @Override
    public int maxRecordsPerRequest(DeliveryRoute route) {
        return route.isDataApi() && dataApi != null ? dataApi.maxItemsPerRequest() : Integer.MAX_VALUE;
    }

    /** A data-api answer as the relay's failure class (see the class comment). */
    static SendResult toSendResult(DataApiSendResult result) {
        return switch (result.outcome()) {
            case DELIVERED -> SendResult.accepted(result.httpStatus(), result.retcode(), result.message());
            case ITEMS_REJECTED -> SendResult.rejected(result.httpStatus(), result.retcode(), result.message());
            case TRANSIENT -> new SendResult(SendOutcome.TRANSIENT, result.httpStatus(), result.retcode(),
                    result.message(), result.retryAfter());
            case REQUEST_LEVEL -> SendResult.requestRejected(result.httpStatus(), result.retcode(), result.message(),
                    result.property());
        };
    }

    @Override
    public String toString() {
        return "RoutedTransport[" + events + ", " + dataApi + "]";
    }
}
