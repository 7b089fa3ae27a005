package io.github.youshu.simulator;

import java.util.List;
import java.util.Objects;

/**
 * An order the simulator holds from the data-api, by {@code external_order_id}: the latest full order of
 * {@code order/add_order} (an upsert) and every status it was reported in, oldest first.
 *
 * @param externalOrderId the merchant's order number
 * @param json            the latest {@code order/add_order} item as JSON text (numbers as sent), or {@code null}
 *                        when only {@code order/update} arrived for it
 * @param history         every status change received, in arrival order (the latest
 *                        {@code maxStatusHistory} of them)
 */
public record ReceivedOrder(String externalOrderId, String json, List<OrderStatusChange> history) {

    /** Copies {@code history} so the record stays immutable. */
    public ReceivedOrder {
        Objects.requireNonNull(externalOrderId, "externalOrderId");
        history = List.copyOf(history);
    }

    /** The status received last, e.g. {@code "1150"}: what Youshu keeps (data-api.md §9). */
    public String status() {
        return history.isEmpty() ? null : history.get(history.size() - 1).orderStatus();
    }

    /** The statuses in arrival order, e.g. {@code ["1110", "1150", "1160"]}. */
    public List<String> statuses() {
        return history.stream().map(OrderStatusChange::orderStatus).toList();
    }
}
