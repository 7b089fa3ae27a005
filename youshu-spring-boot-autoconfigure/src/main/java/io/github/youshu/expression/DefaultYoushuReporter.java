package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.YoushuReporter;
import io.github.youshu.context.RequestHeaderNames;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.context.YoushuContextResolver;
import io.github.youshu.delivery.DeferredEvent;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.event.Chan;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.EventProps;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.validation.EventValidator;
import io.github.youshu.validation.Violation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Completes, validates, serializes and dispatches events, for the annotations and for programmatic
 * use ({@link #report}). On the caller's thread: the common props the event leaves out are taken,
 * field by field, from the {@link YoushuContextResolver}s (first non-null wins) and then from the
 * {@link ReportingSettings settings}; the event is validated, written as JSON and handed to the
 * {@link EventDispatcher} as an immutable {@link OutboundEvent}. An event that cannot be reported
 * is counted and recorded with its order id ({@link EventDispatcher#invalid}) and, by {@link FailureMode}, logged (identical
 * failures summarised) or thrown as a {@link YoushuReportException}.
 *
 * <p>An annotation's {@code custom_order} or {@code coupon_order} event, when the dispatcher
 * {@linkplain EventDispatcher#defersPreparation() defers preparation} (memory delivery), is written
 * as JSON on the relay's thread, before it joins a batch; in {@code LOG} mode it is also validated
 * there (and, if invalid, counted and logged there with its order id), in {@code THROW} mode on
 * the caller's thread, which gets the failure. Everything else (programmatic {@link #report},
 * generic props, the outbox) is prepared on the caller's thread.
 */
public class DefaultYoushuReporter implements YoushuReporter {

    /**
     * The largest event by default, in bytes of JSON: what one request carries alone under the
     * default {@code youshu.delivery.max-batch-bytes} (512 KiB, less 2 bytes for the array brackets).
     */
    public static final long DEFAULT_MAX_EVENT_BYTES = 512L * 1024 - 2;

    private static final String PROGRAMMATIC = "YoushuReporter.report";
    private static final String UNKNOWN_TYPE = "unknown";

    private final EventDispatcher dispatcher;
    private final List<YoushuContextResolver> resolvers;
    private final ReportingSettings settings;
    private final YoushuContext defaults;
    private final EventValidator validator;
    private final EventJsonSerializer serializer = new EventJsonSerializer();
    private final long maxEventBytes;
    private final ReportFailureLog failureLog;
    /** The headers the request-header resolver reads, named in drop messages; {@code null} when there is none. */
    private final RequestHeaderNames headers;

    /**
     * A reporter refusing events larger than {@link #DEFAULT_MAX_EVENT_BYTES}.
     *
     * @param dispatcher the hand-off to delivery
     * @param resolvers  the context resolvers, in the order they are asked (pass
     *                   {@code ObjectProvider.orderedStream().toList()} for {@code @Order} order)
     * @param settings   failure mode, zone, {@code from}, the mini-program appid and the defaults
     */
    public DefaultYoushuReporter(EventDispatcher dispatcher, List<? extends YoushuContextResolver> resolvers,
                                 ReportingSettings settings) {
        this(dispatcher, resolvers, settings, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * @param dispatcher    the hand-off to delivery
     * @param resolvers     the context resolvers, in the order they are asked
     * @param settings      failure mode, zone, {@code from}, the mini-program appid and the defaults
     * @param maxEventBytes the largest event in bytes of JSON, what one request carries alone
     *                      ({@code youshu.delivery.max-batch-bytes} less 2); a larger one is invalid
     */
    public DefaultYoushuReporter(EventDispatcher dispatcher, List<? extends YoushuContextResolver> resolvers,
                                 ReportingSettings settings, long maxEventBytes) {
        this(dispatcher, resolvers, settings, maxEventBytes, new ReportFailureLog());
    }

    DefaultYoushuReporter(EventDispatcher dispatcher, List<? extends YoushuContextResolver> resolvers,
                          ReportingSettings settings, long maxEventBytes, ReportFailureLog failureLog) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.resolvers = List.copyOf(resolvers);
        this.settings = Objects.requireNonNull(settings, "settings");
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes must be positive (was " + maxEventBytes + ")");
        }
        this.maxEventBytes = maxEventBytes;
        this.validator = new EventValidator(settings.zone());
        this.failureLog = failureLog;
        this.headers = RequiredContext.headerNames(this.resolvers);
        ReportingSettings.Defaults values = settings.defaults();
        this.defaults = YoushuContext.builder().page(values.page()).pageTitle(values.pageTitle()).scene(values.scene())
                .chanId(values.chanId()).shopId(values.shopId()).shopName(values.shopName()).build();
    }

    /**
     * Completes the event with the context and defaults, validates it and hands it to delivery.
     * Nothing but the JVM's fatal errors ({@link ReportErrors}) is thrown in {@code LOG} mode: an
     * event that is {@code null}, invalid, or whose values throw when read is counted invalid and logged.
     *
     * @throws YoushuReportException when the event cannot be reported and the failure mode is
     *                               {@code THROW}, carrying the violations or the failure as its cause
     */
    @Override
    public boolean report(YoushuEvent event) {
        if (event == null) {
            return failed(new YoushuReportException(UNKNOWN_TYPE, null, "not reported: the event is null", null),
                    PROGRAMMATIC + ":null", PROGRAMMATIC, true, null);
        }
        YoushuEvent completed;
        try {
            YoushuContext context = resolveContext();
            completed = event.withDefaults(settings.from(), commonProps(context));
            if (!hasText(completed.trackingId()) && context.trackingId() != null) {
                completed = completed.withTrackingId(context.trackingId());
            }
        }
        catch (Throwable ex) {
            ReportErrors.rethrowIfFatal(ex);
            return failed(unexpected(event, ex), PROGRAMMATIC + ":" + ex.getClass().getName(), PROGRAMMATIC, true, null);
        }
        return deliver(completed, PROGRAMMATIC, true);
    }

    ReportingSettings settings() {
        return settings;
    }

    /** What the resolvers know about the current call; a resolver that throws is skipped (and logged). */
    YoushuContext resolveContext() {
        YoushuContext context = YoushuContext.EMPTY;
        for (YoushuContextResolver resolver : resolvers) {
            try {
                context = context.orElse(resolver.resolve());
            }
            catch (Throwable ex) {
                ReportErrors.rethrowIfFatal(ex);
                failureLog.failed("resolver:" + resolver.getClass().getName() + ":" + ex.getClass().getName(),
                        "YoushuContextResolver " + resolver.getClass().getName() + " failed and was skipped: "
                                + ReportErrors.describe(ex), ex);
            }
            if (context.isComplete()) {
                break;
            }
        }
        return context;
    }

    /**
     * The common props of an event: the given context's values, then the defaults; the time is now.
     *
     * @param context the values that beat the defaults (from the annotation and the resolvers)
     */
    CommonProps commonProps(YoushuContext context) {
        YoushuContext values = context.orElse(defaults);
        return new CommonProps(values.page(), values.pageTitle(), settings.defaults().srSdkVersion(),
                System.currentTimeMillis(),
                new WxUser(settings.wxAppId(), values.openId(), values.userId(), values.unionId(), null, null),
                new Chan(values.scene(), values.chanId(), null, values.shopId(), values.shopName(), null),
                null);
    }

    /**
     * The envelope of an annotation's event.
     *
     * @param props   the props, with their common props from {@link #commonProps}
     * @param context the values from the annotation and the resolvers (for {@code tracking_id})
     */
    YoushuEvent envelope(String type, EventProps props, YoushuContext context) {
        return new YoushuEvent(type, settings.from(), context.trackingId(), props);
    }

    /**
     * Hands an annotation's completed event to delivery. When the dispatcher defers preparation
     * (memory delivery) and the event is a model event ({@code custom_order}, {@code coupon_order}:
     * immutable, and bounded in size by {@link JsonSizeBound}), it is written as JSON on the
     * delivery side: in {@code LOG} mode (or when a failure may not be thrown) it is also validated
     * there; in {@code THROW} mode it is validated here, so that the caller gets the failure, and
     * written there if it surely fits one request. Otherwise as {@link #deliver}.
     */
    boolean deliverAnnotated(YoushuEvent completed, String label, boolean mayThrow) {
        long bound = dispatcher.defersPreparation() ? JsonSizeBound.of(completed) : -1;
        if (bound <= 0) {
            return deliver(completed, label, mayThrow);
        }
        long acceptedAt = System.currentTimeMillis();
        Supplier<OutboundEvent> preparation;
        if (mayThrow && settings.failureMode() == FailureMode.THROW) {
            if (bound > maxEventBytes) {
                return deliver(completed, label, true);
            }
            YoushuEvent valid = validated(completed, label, true);
            if (valid == null) {
                return false;
            }
            preparation = () -> written(valid, completed, label, false, Instant.ofEpochMilli(acceptedAt));
        }
        else {
            preparation = () -> prepare(completed, label, false, Instant.ofEpochMilli(acceptedAt));
        }
        DeferredEvent deferred = new DeferredEvent(typeOf(completed), completed.orderId(), bound, preparation);
        try {
            return dispatcher.dispatch(deferred);
        }
        catch (Throwable ex) {
            ReportErrors.rethrowIfFatal(ex);
            return dispatchFailed(deferred.type(), deferred.orderId(), label, ex);
        }
    }

    /**
     * Normalises, validates, serializes and dispatches a completed event. Never throws but the
     * JVM's fatal errors, and (when {@code mayThrow} in {@code THROW} mode) the event's
     * {@link YoushuReportException}: every event ends dispatched or counted invalid.
     *
     * @param completed the event with the context and defaults applied
     * @param origin    where the event comes from, for failure messages
     * @param mayThrow  whether a failure may be thrown to the caller (in {@code THROW} mode)
     * @return whether the dispatcher accepted the event
     */
    boolean deliver(YoushuEvent completed, String origin, boolean mayThrow) {
        OutboundEvent outbound = prepare(completed, origin, mayThrow, Instant.now());
        return outbound != null && dispatch(outbound, origin);
    }

    /**
     * Normalises, validates and serializes a completed event. Never throws but the JVM's fatal
     * errors, and (when {@code mayThrow} in {@code THROW} mode) the event's {@link YoushuReportException}.
     *
     * @param createdAt when the library accepted the event
     * @return the event to dispatch; {@code null} when it is invalid (then counted invalid and logged)
     */
    private OutboundEvent prepare(YoushuEvent completed, String origin, boolean mayThrow, Instant createdAt) {
        YoushuEvent event = validated(completed, origin, mayThrow);
        return event == null ? null : written(event, completed, origin, mayThrow, createdAt);
    }

    /**
     * Normalises and validates a completed event.
     *
     * @return the event as it is sent; {@code null} when it is invalid (then counted invalid and
     *         logged, or thrown when {@code mayThrow} in {@code THROW} mode)
     */
    private YoushuEvent validated(YoushuEvent completed, String origin, boolean mayThrow) {
        YoushuReportException failure;
        String key;
        try {
            EventValidator.Result checked = validator.check(completed);
            if (checked.valid()) {
                return checked.event();
            }
            String type = typeOf(checked.event());
            failure = new YoushuReportException(type, checked.event().orderId(), checked.violations());
            if (checked.cause() != null) {
                failure.initCause(checked.cause());
            }
            key = origin + ":" + type + ":" + checked.violations().stream().map(Violation::path).toList();
        }
        catch (Throwable ex) {
            ReportErrors.rethrowIfFatal(ex);
            failure = unexpected(completed, ex);
            key = origin + ":" + typeOf(completed) + ":" + ex.getClass().getName();
        }
        failed(failure, key, origin, mayThrow, openIdOf(completed));
        return null;
    }

    /**
     * Writes a validated event as JSON.
     *
     * @param event     the event as {@link #validated} returned it
     * @param completed the event before normalisation, for failure messages
     * @return the event to dispatch; {@code null} when it cannot be written or is larger than one
     *         request carries (then counted invalid and logged, or thrown when {@code mayThrow} in
     *         {@code THROW} mode)
     */
    private OutboundEvent written(YoushuEvent event, YoushuEvent completed, String origin, boolean mayThrow,
                                  Instant createdAt) {
        YoushuReportException failure;
        String key;
        try {
            String type = typeOf(event);
            byte[] json = serializer.toJsonBytes(event);
            if (json.length <= maxEventBytes) {
                return new OutboundEvent(type, event.orderId(), json, createdAt);
            }
            Violation tooLarge = tooLarge(event, json.length);
            failure = new YoushuReportException(type, event.orderId(), List.of(tooLarge));
            key = origin + ":" + type + ":" + List.of(tooLarge.path());
        }
        catch (YoushuReportException ex) {
            failure = ex;
            key = origin + ":" + typeOf(completed) + ":json";
        }
        catch (Throwable ex) {
            ReportErrors.rethrowIfFatal(ex);
            failure = unexpected(completed, ex);
            key = origin + ":" + typeOf(completed) + ":" + ex.getClass().getName();
        }
        failed(failure, key, origin, mayThrow, openIdOf(completed));
        return null;
    }

    /**
     * Hands a valid event to the dispatcher. A dispatcher that throws breaks its contract, which
     * is not the event's fault: the event is counted invalid and logged, never thrown to the caller.
     */
    private boolean dispatch(OutboundEvent event, String origin) {
        try {
            return dispatcher.dispatch(event);
        }
        catch (Throwable ex) {
            ReportErrors.rethrowIfFatal(ex);
            return dispatchFailed(event.type(), event.orderId(), origin, ex);
        }
    }

    /** The dispatcher threw (broke its contract): the event is counted invalid and logged, never thrown. */
    private boolean dispatchFailed(String type, String orderId, String origin, Throwable ex) {
        dispatcher.invalid(type, orderId, null, "could not be handed to delivery: " + ReportErrors.describe(ex));
        failureLog.failed("dispatch:" + origin + ":" + ex.getClass().getName(), "Youshu event " + type
                + " (order_id " + orderId + ") could not be handed to delivery: " + ReportErrors.describe(ex)
                + "; reported by " + origin + "; event dropped", ex);
        return false;
    }

    /**
     * An event could not be built from an annotation: counted, then logged or (when
     * {@code mayThrow} in {@code THROW} mode) thrown.
     *
     * @param orderId the value of the annotation's order id expression when it could be evaluated, else {@code null}
     */
    void buildFailed(String type, String orderId, ReportBuildException failure, boolean mayThrow) {
        YoushuReportException exception = new YoushuReportException(type, orderId, "not reported: " + failure.getMessage(),
                failure.getCause());
        failed(exception, failure.key(), null, mayThrow, null);
    }

    /**
     * Reporting an annotation's event failed with an unexpected throwable (an error out of an
     * expression or a getter, a {@code CompletionStage} refusing a callback): counted, then logged
     * or (when {@code mayThrow} in {@code THROW} mode) thrown with the failure as its cause.
     *
     * @param label what was being reported, e.g. {@code OrderService.pay(String) @ReportOrderStatus(payed)}
     * @param what  what failed, e.g. {@code failed}
     */
    void operationFailed(String type, String label, String what, Throwable failure, boolean mayThrow) {
        YoushuReportException exception = new YoushuReportException(type, null,
                "not reported: " + label + " " + what + ": " + ReportErrors.describe(failure), failure);
        failed(exception, label + ":" + what + ":" + failure.getClass().getName(), null, mayThrow, null);
    }

    /** The violation of an event too large for one request, at the path of its largest part. */
    private Violation tooLarge(YoushuEvent event, int size) {
        return new Violation(largestPart(event), "makes the event " + size + " bytes of JSON, more than one request "
                + "carries (" + maxEventBytes + " bytes: youshu.delivery.max-batch-bytes less 2)");
    }

    private String largestPart(YoushuEvent event) {
        if (event.props() instanceof CustomOrderProps) {
            return "props.sub_orders";
        }
        if (event.props() instanceof CouponOrderProps) {
            return "props.coupon_info";
        }
        String largest = null;
        int largestSize = -1;
        for (Map.Entry<String, Object> prop : ((GenericProps) event.props()).properties().entrySet()) {
            int size = serializer.toJsonBytes(YoushuEvent.of(UNKNOWN_TYPE, GenericProps.of(Map.of(prop.getKey(),
                    prop.getValue()), null))).length;
            if (size > largestSize) {
                largest = prop.getKey();
                largestSize = size;
            }
        }
        return largest == null ? "props" : "props." + largest;
    }

    private static YoushuReportException unexpected(YoushuEvent event, Throwable failure) {
        return new YoushuReportException(typeOf(event), orderIdOf(event),
                "could not be reported: " + ReportErrors.describe(failure), failure);
    }

    /** The event's order id for messages; {@code null} when reading it fails. */
    private static String orderIdOf(YoushuEvent event) {
        try {
            return event.orderId();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private boolean failed(YoushuReportException failure, String key, String origin, boolean mayThrow, String openId) {
        dispatcher.invalid(failure.eventType(), failure.orderId(), openId, reasonOf(failure));
        if (mayThrow && settings.failureMode() == FailureMode.THROW) {
            throw failure;
        }
        String message = (origin == null ? failure.getMessage() + "; event dropped"
                : failure.getMessage() + "; reported by " + origin + "; event dropped")
                + RequiredContext.advice(failure.violations(), headers, PROGRAMMATIC.equals(origin));
        failureLog.failed(key, message, failure.getCause());
        return false;
    }

    /** Why, without the "Youshu event type (order_id …)" the drop record already holds. */
    private static String reasonOf(YoushuReportException failure) {
        if (!failure.violations().isEmpty()) {
            StringBuilder reason = new StringBuilder();
            failure.violations().forEach(violation -> reason.append(reason.isEmpty() ? "" : "; ").append(violation));
            return reason.toString();
        }
        String message = failure.getMessage();
        int start = message.indexOf("): ");
        return start < 0 ? message : message.substring(start + 3);
    }

    private static String openIdOf(YoushuEvent event) {
        EventProps props = event.props();
        WxUser user = props == null || props.common() == null ? null : props.common().wxUser();
        return user == null ? null : user.openId();
    }

    private static String typeOf(YoushuEvent event) {
        return hasText(event.type()) ? event.type() : UNKNOWN_TYPE;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
