package io.github.youshu.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event as the simulator received it, whether or not it was accepted.
 *
 * @param receivedAt  when the request holding the event arrived (simulator clock)
 * @param requestId   the simulator's id of that request, also sent back in the {@code X-Request-Id} header;
 *                    the events of one batch share it
 * @param endpoint    the path the request was posted to ({@code /api/v1/safe-report} or {@code /api/report})
 * @param type        the event's {@code type}, or {@code null} when absent or not a string
 * @param orderId     {@code props.order.order_id} ({@code props.coupon.order_id} for coupon_order), or {@code null}
 * @param orderStatus the order's {@code order_status}, or {@code null}
 * @param valid       whether the event itself satisfies every validation rule of the wire contract
 * @param violations  every broken rule as {@code "<json path>: <message>"}; empty when valid
 * @param signatureOk whether the request carried a matching HMAC-SHA256 signature (always {@code false} on the
 *                    unsigned {@code /api/report})
 * @param response    the code the simulator answered the whole request with (a batch is accepted or refused whole)
 * @param json        the event as JSON text (numbers kept exactly as sent)
 */
public record ReceivedEvent(
        Instant receivedAt,
        String requestId,
        String endpoint,
        String type,
        String orderId,
        String orderStatus,
        boolean valid,
        List<String> violations,
        boolean signatureOk,
        ResponseCode response,
        String json) {

    /** Copies {@code violations} so the record stays immutable. */
    public ReceivedEvent {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(endpoint, "endpoint");
        violations = List.copyOf(violations);
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(json, "json");
    }

    /** Whether the request holding this event was answered with code 0. */
    public boolean accepted() {
        return response == ResponseCode.OK;
    }
}
