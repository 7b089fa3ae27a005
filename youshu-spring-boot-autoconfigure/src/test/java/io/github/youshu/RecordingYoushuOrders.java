package io.github.youshu;

import io.github.youshu.order.DataApiItem;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.order.OrderSum;
import io.github.youshu.order.ReturnOrder;
import io.github.youshu.order.YoushuOrder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link YoushuOrders} test double: records every item handed to it, and whether a transaction
 * was active at that moment; answers {@code true} (accepted).
 */
public class RecordingYoushuOrders implements YoushuOrders {

    /** The items in the order they were handed over. */
    public final List<DataApiItem> items = new CopyOnWriteArrayList<>();

    /** For each item, whether the caller's thread was inside an actual transaction. */
    public final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

    @Override
    public boolean addOrder(YoushuOrder order) {
        return record(order);
    }

    @Override
    public boolean updateStatus(OrderStatusUpdate update) {
        return record(update);
    }

    @Override
    public boolean addReturnOrder(ReturnOrder returnOrder) {
        return record(returnOrder);
    }

    @Override
    public boolean addOrderSum(OrderSum orderSum) {
        return record(orderSum);
    }

    /** The items of the given type, in order. */
    public <T extends DataApiItem> List<T> itemsOf(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private boolean record(DataApiItem item) {
        items.add(item);
        inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
        return true;
    }
}
