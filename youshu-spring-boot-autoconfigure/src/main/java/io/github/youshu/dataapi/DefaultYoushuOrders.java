package io.github.youshu.dataapi;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuOrders;
import io.github.youshu.YoushuReportException;
import io.github.youshu.delivery.DeliveryRoute;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.expression.ReportFailureLog;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.order.DataApiItem;
import io.github.youshu.order.OrderJsonSerializer;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderSum;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;
import io.github.youshu.order.validation.OrderValidationResult;
import io.github.youshu.order.validation.OrderValidator;
import io.github.youshu.transport.DataSourceState;
import io.github.youshu.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link YoushuOrders} of the starter. On the caller's thread each item is validated
 * ({@link OrderValidator}, data-api.md §4–§7; the §6 sums are warnings unless
 * {@code youshu.orders.strict-amounts}), serialized ({@link OrderJsonSerializer}, times in
 * {@code youshu.zone}; phone numbers are already hashed by the model) and handed to the
 * {@link EventDispatcher} as a record of its endpoint's {@link DeliveryRoute}: the outbox stores it
 * in the caller's transaction, the memory queue after the transaction commits. Delivery keeps the
 * items of one order in the order they were handed over, whatever their endpoint (§9).
 *
 * <p>An item that cannot be sent is counted as invalid (findable by its order id, like a dropped
 * event) and, by {@link FailureMode}, logged with its endpoint, order id and JSON paths (identical
 * failures summarised once a minute) or thrown as a {@link YoushuReportException}. Warnings are
 * logged alike and the item is sent. Nothing but the JVM's fatal errors escapes in {@code LOG} mode.
 */
public class DefaultYoushuOrders implements YoushuOrders {

    private static final Logger log = LoggerFactory.getLogger(DefaultYoushuOrders.class);

    private final EventDispatcher dispatcher;

    private final OrderValidator validator;

    private final OrderJsonSerializer serializer;

    private final FailureMode failureMode;

    private final ReportFailureLog failureLog;

    /** The data source id's state, or {@code null} when unknown to this facade. */
    private final Supplier<DataSourceState> dataSource;

    private final AtomicBoolean toldNotConfigured = new AtomicBoolean();

    /**
     * @param dispatcher  the hand-off to delivery (the same as for behaviour events)
     * @param validator   the data-api rules, {@code new OrderValidator(strictAmounts)}
     * @param serializer  the wire form, {@code new OrderJsonSerializer(zone)}
     * @param failureMode log (the default) or throw an item that cannot be sent
     */
    public DefaultYoushuOrders(EventDispatcher dispatcher, OrderValidator validator, OrderJsonSerializer serializer,
            FailureMode failureMode) {
        this(dispatcher, validator, serializer, failureMode, null, new ReportFailureLog());
    }

    /**
     * @param dataSource the data source id's state: the first item accepted while neither
     *                   {@code youshu.orders.data-source-id} nor {@code youshu.merchant-id} is set
     *                   logs one warning saying so (items wait until one is set and the
     *                   application restarted)
     */
    public DefaultYoushuOrders(EventDispatcher dispatcher, OrderValidator validator, OrderJsonSerializer serializer,
            FailureMode failureMode, Supplier<DataSourceState> dataSource) {
        this(dispatcher, validator, serializer, failureMode, dataSource, new ReportFailureLog());
    }

    DefaultYoushuOrders(EventDispatcher dispatcher, OrderValidator validator, OrderJsonSerializer serializer,
            FailureMode failureMode, Supplier<DataSourceState> dataSource, ReportFailureLog failureLog) {
        this.dataSource = dataSource;
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
        this.failureLog = Objects.requireNonNull(failureLog, "failureLog");
    }

    @Override
    public boolean addOrder(YoushuOrder order) {
        return send(order, DataApiEndpoint.ADD_ORDER);
    }

    @Override
    public boolean updateStatus(OrderStatusUpdate update) {
        return send(update, DataApiEndpoint.UPDATE_ORDER);
    }

    @Override
    public boolean addReturnOrder(ReturnOrder returnOrder) {
        return send(returnOrder, DataApiEndpoint.ADD_RETURN_ORDER);
    }

    @Override
    public boolean addOrderSum(OrderSum orderSum) {
        return send(orderSum, DataApiEndpoint.ADD_ORDER_SUM);
    }

    /**
     * Validates, serializes and dispatches one item of any endpoint (what the annotations use).
     *
     * @return {@code true} when accepted for delivery; {@code false} when invalid or refused (log mode)
     * @throws YoushuReportException when the item is invalid and the failure mode is {@code THROW}
     */
    public boolean send(DataApiItem item) {
        return send(item, item == null ? null : item.endpoint());
    }

    private boolean send(DataApiItem item, DataApiEndpoint endpoint) {
        String type = endpoint == null ? "data-api" : endpoint.path();
        if (item == null) {
            return failed(new YoushuReportException(type, null, "not sent: the item is null", null), type + ":null");
        }
        OutboundEvent record;
        try {
            OrderValidationResult result = validator.validate(item);
            if (result.isValid() && !result.warnings().isEmpty()) {
                failureLog.failed(type + ":warnings:" + result.warnings().stream().map(Violation::path).toList(),
                        "Youshu " + type + " item (order_id " + item.orderId() + ") breaks amount rules of data-api.md §6 "
                                + result.warnings() + "; sent anyway (youshu.orders.strict-amounts=true refuses it)", null);
            }
            if (!result.isValid()) {
                return failed(result.toException(),
                        type + ":" + result.errors().stream().map(Violation::path).toList());
            }
            record = new OutboundEvent(DeliveryRoute.of(item.endpoint()), type, item.orderId(),
                    serializer.toJsonBytes(item), Instant.now());
        }
        catch (YoushuReportException ex) {
            return failed(ex, type + ":" + ex.getClass().getName());
        }
        catch (Throwable ex) {
            rethrowIfFatal(ex);
            return failed(new YoushuReportException(type, orderIdOf(item), "not sent: " + ex, ex),
                    type + ":" + ex.getClass().getName());
        }
        warnOnceIfNotConfigured();
        try {
            return dispatcher.dispatch(record);
        }
        catch (Throwable ex) {
            rethrowIfFatal(ex);
            dispatcher.invalid(type, record.orderId(), null, "could not be handed to delivery: " + ex);
            failureLog.failed("dispatch:" + type + ":" + ex.getClass().getName(), "Youshu " + type + " item (order_id "
                    + record.orderId() + ") could not be handed to delivery: " + ex + "; item dropped", ex);
            return false;
        }
    }

    private void warnOnceIfNotConfigured() {
        if (dataSource == null || toldNotConfigured.get()) {
            return;
        }
        DataSourceState state = dataSource.get();
        if (state.status() == DataSourceState.Status.NOT_CONFIGURED && toldNotConfigured.compareAndSet(false, true)) {
            log.warn("Youshu order data waits and is not sent: {}. Set {} (the youshu health component shows the"
                    + " data source state)", state.cause(), state.property());
        }
    }

    private boolean failed(YoushuReportException failure, String key) {
        dispatcher.invalid(failure.eventType(), failure.orderId(), null,
                failure.violations().isEmpty() ? failure.getMessage() : failure.violations().toString());
        if (failureMode == FailureMode.THROW) {
            throw failure;
        }
        failureLog.failed(key, failure.getMessage() + "; item dropped", failure.getCause());
        return false;
    }

    private static String orderIdOf(DataApiItem item) {
        try {
            return item.orderId();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
            throw fatal;
        }
    }
}
