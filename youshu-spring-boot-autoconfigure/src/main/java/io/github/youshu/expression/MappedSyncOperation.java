package io.github.youshu.expression;

import io.github.youshu.YoushuOrders;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;
import org.springframework.core.ResolvableType;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

import java.util.Map;
import java.util.function.Function;

/**
 * A {@code @SyncOrder} ({@code order/add_order}) or {@code @SyncReturnOrder} ({@code return_order/add}):
 * its one expression gives the model, or a value a mapper bean turns into it.
 *
 * @param <M> {@code YoushuOrder} or {@code ReturnOrder}
 */
final class MappedSyncOperation<M> extends OrderSyncOperation {

    /** What differs between the two annotations. */
    record Kind<M>(ReportAttribute attribute, DataApiEndpoint endpoint, Function<OrderSyncSupport, OrderMappers<M>> mappers,
                   SendFunction<M> send) {

        static final Kind<YoushuOrder> ORDER = new Kind<>(ReportAttribute.ORDER, DataApiEndpoint.ADD_ORDER,
                OrderSyncSupport::orderMappers, YoushuOrders::addOrder);

        static final Kind<ReturnOrder> RETURN_ORDER = new Kind<>(ReportAttribute.RETURN_ORDER, DataApiEndpoint.ADD_RETURN_ORDER,
                OrderSyncSupport::returnOrderMappers, YoushuOrders::addReturnOrder);
    }

    /** Hands a model to {@link YoushuOrders}. */
    @FunctionalInterface
    interface SendFunction<M> {
        boolean send(YoushuOrders orders, M model);
    }

    private final Kind<M> kind;
    private final ResolvableType declaredType;

    /**
     * @param declaredType the declared type of the expression's value ({@link ResolvableType#NONE} when not known),
     *                     checked against the mappers at startup
     */
    MappedSyncOperation(String label, Kind<M> kind, ReportOn on, Map<ReportAttribute, Expression> expressions,
                        ResolvableType declaredType) {
        super(label, kind.endpoint(), on, expressions);
        this.kind = kind;
        this.declaredType = declaredType;
    }

    /** The declared type of the expression's value; {@link ResolvableType#NONE} when not known. */
    ResolvableType declaredType() {
        return declaredType;
    }

    /** The expression's attribute, e.g. {@code order}. */
    ReportAttribute attribute() {
        return kind.attribute();
    }

    OrderMappers<M> mappers(OrderSyncSupport support) {
        return kind.mappers().apply(support);
    }

    @Override
    boolean send(EvaluationContext context, OrderSyncSupport support) {
        Object value = required(kind.attribute(), context);
        M model;
        try {
            model = mappers(support).map(value);
        }
        catch (RuntimeException ex) {
            throw failure(kind.attribute(), "could not be mapped: " + ex.getMessage(), "mapper:" + ex.getClass().getName(), ex);
        }
        return model == null || kind.send().send(support.orders(), model);
    }
}
