package io.github.youshu.simulator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request to the report and data-api endpoints, refused and faulted ones included (the last
 * {@code capacity}), and the ids ({@code req-1}, {@code req-2}, ...) the simulator gives them.
 */
final class RequestLog {

    private final BoundedLog<ReceivedRequest> requests;
    private final AtomicLong counter = new AtomicLong();

    RequestLog(int capacity) {
        this.requests = new BoundedLog<>(capacity);
    }

    /** A new request id, unique for this simulator's life (not reset by {@link #clear()}). */
    String nextId() {
        return "req-" + counter.incrementAndGet();
    }

    /** Records a request that was answered without a JSON body (an injected HTTP failure, HTTP 413). */
    void addUnanswered(String requestId, Instant receivedAt, String method, String path, String appId,
            int httpStatus, String message) {
        add(new ReceivedRequest(requestId, receivedAt, method, path, appId, SignatureCheck.NOT_CHECKED, httpStatus,
                null, message, 0));
    }

    void add(ReceivedRequest request) {
        requests.add(request);
    }

    List<ReceivedRequest> snapshot() {
        return requests.snapshot();
    }

    long dropped() {
        return requests.dropped();
    }

    void clear() {
        requests.clear();
    }
}
