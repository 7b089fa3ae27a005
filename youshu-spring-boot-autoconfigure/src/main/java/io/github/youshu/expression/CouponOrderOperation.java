package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CouponInfo;
import io.github.youshu.event.CouponOrder;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.YoushuEvent;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A {@code @ReportCouponOrder}: builds {@code coupon_order} events. */
final class CouponOrderOperation extends EventOperation {

    private final OrderStatus status;

    /** @param status the literal status, or {@code null} when {@code statusExpression} gives it */
    CouponOrderOperation(String label, ReportOn on, Map<ReportAttribute, Expression> expressions, OrderStatus status) {
        super(label, YoushuEvent.COUPON_ORDER, on, expressions);
        this.status = status;
    }

    @Override
    CouponOrderProps build(EvaluationContext context, ZoneId zone, CommonProps common) {
        OrderStatus orderStatus = status != null ? status : convert(ReportAttribute.STATUS_EXPRESSION,
                required(ReportAttribute.STATUS_EXPRESSION, context), ReportValues::orderStatus);
        CouponOrder coupon = new CouponOrder(
                convert(ReportAttribute.ORDER_ID, required(ReportAttribute.ORDER_ID, context), ReportValues::text),
                convert(ReportAttribute.ORDER_TIME, required(ReportAttribute.ORDER_TIME, context),
                        value -> ReportValues.epochMillis(value, zone)),
                orderStatus,
                convert(ReportAttribute.COUPON_BATCH_ID, required(ReportAttribute.COUPON_BATCH_ID, context), ReportValues::text),
                convert(ReportAttribute.PAY_AMOUNT, required(ReportAttribute.PAY_AMOUNT, context), ReportValues::amount));
        List<CouponInfo> couponInfo = convert(ReportAttribute.COUPON_IDS, required(ReportAttribute.COUPON_IDS, context),
                value -> ElementReader.couponInfo(value, context));
        return new CouponOrderProps(coupon, couponInfo, common);
    }
}
