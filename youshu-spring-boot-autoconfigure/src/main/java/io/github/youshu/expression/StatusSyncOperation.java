package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOn;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.order.DataApiTime;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** A {@code @SyncOrderStatus}: builds {@code order/update} items (data-api.md §7). */
final class StatusSyncOperation extends OrderSyncOperation {

    private final OrderStatusCode status;

    /** @param status the literal status, checked at startup */
    StatusSyncOperation(String label, ReportOn on, Map<ReportAttribute, Expression> expressions, OrderStatusCode status) {
        super(label, DataApiEndpoint.UPDATE_ORDER, on, expressions);
        this.status = status;
    }

    @Override
    boolean send(EvaluationContext context, OrderSyncSupport support) {
        String orderId = convert(ReportAttribute.ORDER_ID, required(ReportAttribute.ORDER_ID, context), ReportValues::text);
        DataApiTime time = has(ReportAttribute.STATUS_CHANGE_TIME)
                ? convert(ReportAttribute.STATUS_CHANGE_TIME, required(ReportAttribute.STATUS_CHANGE_TIME, context),
                        StatusSyncOperation::time)
                : DataApiTime.of(support.clock().instant());
        return support.orders().updateStatus(new OrderStatusUpdate(orderId, status, time));
    }

    /** A {@code LocalDateTime} stays local (resolved in {@code youshu.zone} when written); other times are instants. */
    private static DataApiTime time(Object value) {
        if (value instanceof LocalDateTime local) {
            return DataApiTime.of(local);
        }
        return DataApiTime.ofEpochMilli(ReportValues.epochMillis(value, ZoneOffset.UTC));
    }
}
