package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CustomOrder;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.OrderType;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.YoushuEvent;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A {@code @ReportOrderStatus}: builds {@code custom_order} events. */
final class OrderStatusOperation extends EventOperation {

    private final OrderStatus status;
    private final OrderType orderType;

    /**
     * @param status    the literal status, or {@code null} when {@code statusExpression} gives it
     * @param orderType the literal order type, or {@code null}
     */
    OrderStatusOperation(String label, ReportOn on, Map<ReportAttribute, Expression> expressions,
                         OrderStatus status, OrderType orderType) {
        super(label, YoushuEvent.CUSTOM_ORDER, on, expressions);
        this.status = status;
        this.orderType = orderType;
    }

    @Override
    CustomOrderProps build(EvaluationContext context, ZoneId zone, CommonProps common) {
        OrderStatus orderStatus = status != null ? status : convert(ReportAttribute.STATUS_EXPRESSION,
                required(ReportAttribute.STATUS_EXPRESSION, context), ReportValues::orderStatus);
        String orderId = convert(ReportAttribute.ORDER_ID, required(ReportAttribute.ORDER_ID, context), ReportValues::text);
        Long orderTime = convert(ReportAttribute.ORDER_TIME, required(ReportAttribute.ORDER_TIME, context),
                value -> ReportValues.epochMillis(value, zone));
        List<SubOrder> subOrders;
        if (has(ReportAttribute.SUB_ORDERS)) {
            subOrders = convert(ReportAttribute.SUB_ORDERS, required(ReportAttribute.SUB_ORDERS, context),
                    value -> ElementReader.subOrders(value, context));
        }
        else {
            subOrders = List.of(new SubOrder(orderId,
                    convert(ReportAttribute.ORDER_AMOUNT, required(ReportAttribute.ORDER_AMOUNT, context), ReportValues::amount),
                    convert(ReportAttribute.PAY_AMOUNT, required(ReportAttribute.PAY_AMOUNT, context), ReportValues::amount)));
        }
        CustomOrder order = new CustomOrder(orderId, orderTime, orderStatus, orderType);
        return new CustomOrderProps(order, subOrders, common);
    }
}
