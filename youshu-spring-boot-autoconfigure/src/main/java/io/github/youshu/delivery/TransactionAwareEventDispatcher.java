package io.github.youshu.delivery;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Hands events to the {@link EventStore} at the right moment of the caller's transaction. A store
 * that {@linkplain EventStore#joinsTransaction() joins transactions} (the outbox) takes the event at
 * once, inside the caller's transaction. Any other store (memory) takes it only after the caller's
 * Spring-managed transaction commits, and never when it rolls back; without a transaction, at once.
 * Works without spring-tx on the classpath (then there are no Spring-managed transactions).
 */
public final class TransactionAwareEventDispatcher implements EventDispatcher {

    private static final boolean TRANSACTIONS_PRESENT = ClassUtils.isPresent(
            "org.springframework.transaction.support.TransactionSynchronizationManager",
            TransactionAwareEventDispatcher.class.getClassLoader());

    private final EventStore store;

    private final DeliveryStatistics statistics;

    private final LossReporter lossReporter;

    public TransactionAwareEventDispatcher(EventStore store, DeliveryStatistics statistics, LossReporter lossReporter) {
        this.store = store;
        this.statistics = statistics;
        this.lossReporter = lossReporter;
    }

    /**
     * @return {@code true} when the store took the event, or will take it when the caller's
     *         transaction commits; {@code false} when the store refused it (counted and reported)
     */
    @Override
    public boolean dispatch(OutboundEvent event) {
        if (!store.joinsTransaction() && TRANSACTIONS_PRESENT && AfterCommit.register(this, event)) {
            return true;
        }
        return append(event);
    }

    @Override
    public void countInvalid(String type) {
        statistics.countInvalid(type);
    }

    @Override
    public void invalid(String type, String orderId, String openId, String violations) {
        statistics.countInvalid(type);
        lossReporter.invalid(type, orderId, openId, violations);
    }

    private boolean append(OutboundEvent event) {
        statistics.countAccepted(event.type());
        try {
            return store.append(event);
        }
        catch (RuntimeException ex) {
            statistics.countDropped(event.type());
            lossReporter.report(LossReason.STORE_FAILURE, event, ex.toString());
            return false;
        }
    }

    /** Kept apart so that spring-tx is only loaded when it is present. */
    private static final class AfterCommit {

        static boolean register(TransactionAwareEventDispatcher dispatcher, OutboundEvent event) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return false;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.append(event);
                }
            });
            return true;
        }
    }
}
