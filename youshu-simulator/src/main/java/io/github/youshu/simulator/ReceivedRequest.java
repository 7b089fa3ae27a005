package io.github.youshu.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One request to a report or data-api endpoint as the simulator received it, whatever became of it: accepted,
 * refused (credentials, signature, timestamp, nonce, body, data) or answered with an injected fault.
 *
 * @param requestId  the simulator's id of the request, also sent back in the {@code X-Request-Id} header
 * @param receivedAt when it arrived (simulator clock)
 * @param method     the HTTP method
 * @param path       the request path, e.g. {@code /api/v1/safe-report} or {@code /data-api/v1/order/add_order}
 * @param appId      the {@code app_id} query parameter exactly as it arrived, or {@code null} when absent
 * @param signature  what the signature check found; {@link SignatureCheck#NOT_CHECKED} for an unknown app id
 * @param httpStatus the HTTP status answered (200 for every answer with a JSON body)
 * @param code       the {@code code} (report endpoints) or {@code retcode} (data-api) answered, or {@code null}
 *                   when the answer had no JSON body (an injected HTTP failure, HTTP 413)
 * @param message    why: {@code ok}, the refusal reason, or the injected fault
 * @param items      how many events or data-api items the body held (0 when it did not parse)
 */
public record ReceivedRequest(
        String requestId,
        Instant receivedAt,
        String method,
        String path,
        String appId,
        SignatureCheck signature,
        int httpStatus,
        Integer code,
        String message,
        int items) {

    /** Checks the non-null components. */
    public ReceivedRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(message, "message");
    }

    /** Whether it was answered HTTP 200 with code (or retcode) 0. */
    public boolean accepted() {
        return httpStatus == 200 && code != null && code == 0;
    }
}
