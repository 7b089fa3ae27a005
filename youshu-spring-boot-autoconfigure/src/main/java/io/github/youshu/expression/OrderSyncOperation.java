package io.github.youshu.expression;

import io.github.youshu.YoushuOrders;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.order.DataApiEndpoint;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.util.Map;

/**
 * An order sync annotation ({@code @SyncOrder}, {@code @SyncOrderStatus}, {@code @SyncReturnOrder})
 * on one method: builds the data-api item of a call and hands it to {@link YoushuOrders}.
 * Immutable and thread-safe.
 */
abstract class OrderSyncOperation extends ReportOperation {

    private final DataApiEndpoint endpoint;

    OrderSyncOperation(String label, DataApiEndpoint endpoint, ReportOn on, Map<ReportAttribute, Expression> expressions) {
        super(label, on, expressions);
        this.endpoint = endpoint;
    }

    /** The data-api endpoint its items go to. */
    DataApiEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Builds the call's item and hands it to {@link OrderSyncSupport#orders()}.
     *
     * @return what {@link YoushuOrders} answered; {@code true} when a mapper gave nothing to send
     * @throws ReportBuildException when an expression or a mapper fails, or gives an unusable value
     * @throws io.github.youshu.YoushuReportException when {@link YoushuOrders} refuses the item in throw mode
     */
    abstract boolean send(EvaluationContext context, OrderSyncSupport support);
}
