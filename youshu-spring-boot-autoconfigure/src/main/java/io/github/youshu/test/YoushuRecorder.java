package io.github.youshu.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.order.DataApiEndpoint;

/**
 * Records the events the application reports instead of sending them, for the application's own
 * tests. Present as a bean when {@code youshu.test.recording=true} (see
 * {@link AutoConfigureYoushuRecorder}). An event is recorded when delivery would take it: at once,
 * or after the caller's transaction commits (never when it rolls back). Keeps the newest
 * {@code youshu.test.recorder-capacity} events. Thread-safe.
 *
 * <pre>{@code
 * orderService.pay("SO123");
 * RecordedEvent event = recorder.awaitEvent("custom_order", "SO123");
 * assertThat(event.status()).isEqualTo("payed");
 * assertThat(event.value("/props/sub_orders/0/pay_amt")).isEqualTo("99.00");
 * }</pre>
 */
public final class YoushuRecorder {

    /** Most events a failed wait lists. */
    private static final int SUMMARY_LIMIT = 20;

    private final int capacity;

    private final Duration defaultTimeout;

    private final Deque<RecordedEvent> events = new ArrayDeque<>();

    /**
     * @param capacity       most events kept (the oldest are dropped)
     * @param defaultTimeout how long {@link #awaitEvent(String, String)} waits
     */
    public YoushuRecorder(int capacity, Duration defaultTimeout) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("youshu.test.recorder-capacity must be greater than 0 (was " + capacity + ")");
        }
        if (defaultTimeout == null || defaultTimeout.isNegative()) {
            throw new IllegalArgumentException("youshu.test.await-timeout must not be negative (was " + defaultTimeout + ")");
        }
        this.capacity = capacity;
        this.defaultTimeout = defaultTimeout;
    }

    /** Records one event that delivery took. */
    synchronized void record(OutboundEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(RecordedEvent.of(event.type(), event.orderId(), event.jsonAsString()));
        notifyAll();
    }

    /** Every event recorded (since the last {@link #clear()}), oldest first. */
    public synchronized List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type, oldest first. */
    public List<RecordedEvent> ofType(String type) {
        return events().stream().filter(event -> event.type().equals(type)).toList();
    }

    /** The events of one type about one order, oldest first. */
    public List<RecordedEvent> ofOrder(String type, String orderId) {
        return events().stream().filter(about(type, orderId)).toList();
    }

    /**
     * Waits for the first event of {@code type} about {@code orderId}, for at most
     * {@code youshu.test.await-timeout} (5 s by default).
     *
     * @throws AssertionError when no such event was recorded in time; the message lists what was
     */
    public RecordedEvent awaitEvent(String type, String orderId) {
        return awaitEvent(type, orderId, defaultTimeout);
    }

    /**
     * Waits for the first event of {@code type} about {@code orderId}.
     *
     * @throws AssertionError when no such event was recorded within {@code timeout}
     */
    public RecordedEvent awaitEvent(String type, String orderId, Duration timeout) {
        return awaitEvent(about(type, orderId), timeout, type + " event for order " + orderId);
    }

    /**
     * Waits for the first event that matches, e.g.
     * {@code awaitEvent(e -> "refund".equals(e.status()), Duration.ofSeconds(5))}.
     *
     * @throws AssertionError when no matching event was recorded within {@code timeout}
     */
    public RecordedEvent awaitEvent(Predicate<RecordedEvent> condition, Duration timeout) {
        return awaitEvent(condition, timeout, "matching event");
    }

    /**
     * The data-api items of one endpoint (backend order data sent with {@code YoushuOrders} or the
     * sync annotations), oldest first. Their {@link RecordedEvent#type()} is the endpoint's path,
     * {@link RecordedEvent#status()} the item's {@code order_status} (or {@code return_order_status}),
     * {@link RecordedEvent#json()} the item as it goes in the envelope's {@code orders} list.
     */
    public List<RecordedEvent> dataApiItems(DataApiEndpoint endpoint) {
        return ofType(endpoint.path());
    }

    /** The full orders sent ({@code order/add_order} items), oldest first. */
    public List<RecordedEvent> orders() {
        return dataApiItems(DataApiEndpoint.ADD_ORDER);
    }

    /**
     * The data-api items about one order, whatever their endpoint ({@code add_order},
     * {@code update}, {@code return_order/add}), in the order they were recorded, which is the order
     * delivery keeps for them (data-api.md §9): e.g. the statuses
     * {@code orderHistory("SO1").stream().map(RecordedEvent::status)} give {@code 1110, 1150, 1160}.
     */
    public List<RecordedEvent> orderHistory(String orderId) {
        return events().stream().filter(event -> isDataApi(event.type()) && Objects.equals(event.orderId(), orderId))
                .toList();
    }

    /**
     * Waits for the first data-api item of {@code endpoint} about {@code orderId}, for at most
     * {@code youshu.test.await-timeout}.
     *
     * @throws AssertionError when no such item was recorded in time; the message lists what was
     */
    public RecordedEvent awaitDataApiItem(DataApiEndpoint endpoint, String orderId) {
        return awaitEvent(endpoint.path(), orderId, defaultTimeout);
    }

    private static boolean isDataApi(String type) {
        for (DataApiEndpoint endpoint : DataApiEndpoint.values()) {
            if (endpoint.path().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every event recorded so far. */
    public synchronized void clear() {
        events.clear();
    }

    private synchronized RecordedEvent awaitEvent(Predicate<RecordedEvent> condition, Duration timeout, String wanted) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                for (RecordedEvent event : events) {
                    if (condition.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Youshu recorder: no " + wanted + " was reported within " + timeout
                            + "; recorded: " + summary());
                }
                long millis = Math.max(1, left / 1_000_000);
                wait(millis);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Youshu recorder: interrupted while waiting for " + wanted, ex);
        }
    }

    private String summary() {
        if (events.isEmpty()) {
            return "nothing";
        }
        StringBuilder text = new StringBuilder("[");
        int listed = 0;
        for (RecordedEvent event : events) {
            if (listed == SUMMARY_LIMIT) {
                text.append(", ... ").append(events.size() - listed).append(" more");
                break;
            }
            text.append(listed++ == 0 ? "" : ", ").append(event.type()).append(' ').append(event.orderId());
            if (event.status() != null) {
                text.append(' ').append(event.status());
            }
        }
        return text.append(']').toString();
    }

    private static Predicate<RecordedEvent> about(String type, String orderId) {
        return event -> event.type().equals(type) && Objects.equals(event.orderId(), orderId);
    }
}
