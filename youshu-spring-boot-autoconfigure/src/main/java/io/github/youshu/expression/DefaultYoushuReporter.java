package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.YoushuReportException;
import io.github.youshu.YoushuReporter;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.context.YoushuContextResolver;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.event.Chan;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.EventProps;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.validation.EventValidator;
import io.github.youshu.validation.Violation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Completes, validates, serializes and dispatches events, for the annotations and for programmatic
 * use ({@link #report}). On the caller's thread: the common props the event leaves out are taken,
 * field by field, from the {@link YoushuContextResolver}s (first non-null wins) and then from the
 * {@link ReportingSettings settings}; the event is validated, written as JSON and handed to the
 * {@link EventDispatcher} as an immutable {@link OutboundEvent}. An event that cannot be reported
 * is counted and recorded with its order id ({@link EventDispatcher#invalid}) and, by {@link FailureMode}, logged (identical
 * failures summarised) or thrown as a {@link YoushuReportException}.
 */
public class DefaultYoushuReporter implements YoushuReporter {

    private static final String PROGRAMMATIC = "YoushuReporter.report";
    private static final String UNKNOWN_TYPE = "unknown";

    private final EventDispatcher dispatcher;
    private final List<YoushuContextResolver> resolvers;
    private final ReportingSettings settings;
    private final YoushuContext defaults;
    private final EventValidator validator = new EventValidator();
    private final EventJsonSerializer serializer = new EventJsonSerializer();
    private final ReportFailureLog failureLog;

    /**
     * @param dispatcher the hand-off to delivery
     * @param resolvers  the context resolvers, in the order they are asked (pass
     *                   {@code ObjectProvider.orderedStream().toList()} for {@code @Order} order)
     * @param settings   failure mode, zone, {@code from}, the mini-program appid and the defaults
     */
    public DefaultYoushuReporter(EventDispatcher dispatcher, List<? extends YoushuContextResolver> resolvers,
                                 ReportingSettings settings) {
        this(dispatcher, resolvers, settings, new ReportFailureLog());
    }

    DefaultYoushuReporter(EventDispatcher dispatcher, List<? extends YoushuContextResolver> resolvers,
                          ReportingSettings settings, ReportFailureLog failureLog) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.resolvers = List.copyOf(resolvers);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failureLog = failureLog;
        ReportingSettings.Defaults values = settings.defaults();
        this.defaults = YoushuContext.builder().page(values.page()).pageTitle(values.pageTitle()).scene(values.scene())
                .chanId(values.chanId()).shopId(values.shopId()).shopName(values.shopName()).build();
    }

    /**
     * Completes the event with the context and defaults, validates it and hands it to delivery.
     *
     * @throws YoushuReportException when the event is invalid and the failure mode is {@code THROW}
     */
    @Override
    public boolean report(YoushuEvent event) {
        Objects.requireNonNull(event, "event");
        YoushuContext context = resolveContext();
        YoushuEvent completed = event.withDefaults(settings.from(), commonProps(context));
        if (!hasText(completed.trackingId()) && context.trackingId() != null) {
            completed = completed.withTrackingId(context.trackingId());
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
            catch (RuntimeException ex) {
                failureLog.failed("resolver:" + resolver.getClass().getName() + ":" + ex.getClass().getName(),
                        "YoushuContextResolver " + resolver.getClass().getName() + " failed and was skipped: " + ex, ex);
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
     * Validates, serializes and dispatches a completed event.
     *
     * @param completed the event with the context and defaults applied
     * @param origin    where the event comes from, for failure messages
     * @param mayThrow  whether a failure may be thrown to the caller (in {@code THROW} mode)
     * @return whether the dispatcher accepted the event
     */
    boolean deliver(YoushuEvent completed, String origin, boolean mayThrow) {
        String type = typeOf(completed);
        List<Violation> violations = validator.validate(completed);
        if (!violations.isEmpty()) {
            YoushuReportException failure = new YoushuReportException(type, completed.orderId(), violations);
            return failed(failure, origin + ":" + type + ":" + violations, origin, mayThrow, openIdOf(completed));
        }
        byte[] json;
        try {
            json = serializer.toJsonBytes(completed);
        }
        catch (YoushuReportException ex) {
            return failed(ex, origin + ":" + type + ":json", origin, mayThrow, openIdOf(completed));
        }
        return dispatcher.dispatch(new OutboundEvent(type, completed.orderId(), json, Instant.now()));
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

    private boolean failed(YoushuReportException failure, String key, String origin, boolean mayThrow, String openId) {
        dispatcher.invalid(failure.eventType(), failure.orderId(), openId, reasonOf(failure));
        if (mayThrow && settings.failureMode() == FailureMode.THROW) {
            throw failure;
        }
        String message = origin == null ? failure.getMessage() + "; event dropped"
                : failure.getMessage() + "; reported by " + origin + "; event dropped";
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
