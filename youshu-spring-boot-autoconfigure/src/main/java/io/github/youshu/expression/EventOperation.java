package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;
import io.github.youshu.context.YoushuContext;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.EventProps;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.time.ZoneId;
import java.util.Map;

/**
 * A report annotation of a behaviour event ({@code @ReportOrderStatus}, {@code @ReportCouponOrder},
 * {@code @ReportEvent}) on one method: builds the event of a call. Immutable and thread-safe.
 */
abstract class EventOperation extends ReportOperation {

    private static final ReportAttribute[] CONTEXT_ATTRIBUTES = {
            ReportAttribute.OPEN_ID, ReportAttribute.UNION_ID, ReportAttribute.USER_ID, ReportAttribute.PAGE,
            ReportAttribute.PAGE_TITLE, ReportAttribute.SCENE, ReportAttribute.SHOP_ID, ReportAttribute.SHOP_NAME,
            ReportAttribute.TRACKING_ID};

    private final String eventType;
    private final boolean hasContextExpressions;

    /**
     * @param label       the annotation on its method as named in messages
     * @param eventType   the type of the events it reports
     * @param on          when it reports
     * @param expressions the parsed expressions by attribute; attributes without one are absent
     */
    EventOperation(String label, String eventType, ReportOn on, Map<ReportAttribute, Expression> expressions) {
        super(label, on, expressions);
        this.eventType = eventType;
        boolean context = false;
        for (ReportAttribute attribute : CONTEXT_ATTRIBUTES) {
            context |= expressions.containsKey(attribute);
        }
        this.hasContextExpressions = context;
    }

    String eventType() {
        return eventType;
    }

    /**
     * The props of the call's event.
     *
     * @param common the event's common props, already completed from the annotation, the context
     *               resolvers and the defaults
     * @throws ReportBuildException when an expression fails or gives an unusable value
     */
    abstract EventProps build(EvaluationContext context, ZoneId zone, CommonProps common);

    /** The common props the annotation itself gives for the call ({@link YoushuContext#EMPTY} when none). */
    final YoushuContext overrides(EvaluationContext context) {
        if (!hasContextExpressions) {
            return YoushuContext.EMPTY;
        }
        return YoushuContext.builder()
                .openId(text(ReportAttribute.OPEN_ID, context))
                .unionId(text(ReportAttribute.UNION_ID, context))
                .userId(text(ReportAttribute.USER_ID, context))
                .page(text(ReportAttribute.PAGE, context))
                .pageTitle(text(ReportAttribute.PAGE_TITLE, context))
                .scene(convert(ReportAttribute.SCENE, evaluate(ReportAttribute.SCENE, context), ReportValues::scene))
                .shopId(text(ReportAttribute.SHOP_ID, context))
                .shopName(text(ReportAttribute.SHOP_NAME, context))
                .trackingId(text(ReportAttribute.TRACKING_ID, context))
                .build();
    }

}
