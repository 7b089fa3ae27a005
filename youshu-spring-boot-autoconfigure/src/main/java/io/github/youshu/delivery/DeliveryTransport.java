package io.github.youshu.delivery;

import java.util.List;

import io.github.youshu.transport.SendResult;

/**
 * What the {@link BatchRelay} sends through: one request per call, for records of one route, its
 * answer classified into the relay's failure classes ({@link io.github.youshu.transport.SendOutcome}).
 * How a batch is wrapped (a JSON array, or the data-api envelope) and how an answer is read belong
 * to the route; see {@link RoutedTransport}.
 */
public interface DeliveryTransport {

    /**
     * Sends the records in one request.
     *
     * @param route   the route of every record
     * @param records 1 to {@link #maxRecordsPerRequest(DeliveryRoute)} records of that route
     * @return the classified answer; implementations never throw for an outcome of the exchange
     */
    SendResult send(DeliveryRoute route, List<OutboundEvent> records);

    /**
     * Whether records of the route can be sent now. A route that cannot (data-api items while the
     * data source id is not known) is not claimed: its records wait in the store, unsent and with
     * no attempt counted, while other routes flow.
     */
    default boolean canSend(DeliveryRoute route) {
        return true;
    }

    /** Most records of the route in one request; {@link Integer#MAX_VALUE} when only the batch size limits it. */
    default int maxRecordsPerRequest(DeliveryRoute route) {
        return Integer.MAX_VALUE;
    }
}
