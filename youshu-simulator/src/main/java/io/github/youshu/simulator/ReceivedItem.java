package io.github.youshu.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * A return order (by {@code external_return_order_id}) or a day's totals (by {@code ref_date}) the simulator
 * holds from the data-api: the latest item received for that id.
 *
 * @param id         the item's {@code external_return_order_id}, or its {@code ref_date} (epoch ms as sent)
 * @param json       the item as JSON text (numbers as sent)
 * @param requestId  the simulator's id of the request that carried it
 * @param receivedAt when that request arrived (simulator clock)
 */
public record ReceivedItem(String id, String json, String requestId, Instant receivedAt) {

    /** Checks the components. */
    public ReceivedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
