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
        if (!store.joinsTransaction() && TRANSACTIONS_PRESENT && AfterCommit.active()) {
            AfterCommit.register(() -> append(event));
            return true;
        }
        return append(event);
    }

    /** Whether the store prepares events on the relay's thread (memory mode; never an outbox). */
    @Override
    public boolean defersPreparation() {
        return !store.joinsTransaction() && store.acceptsDeferred();
    }

    /**
     * Hands an unprepared event to the store, after the caller's transaction commits like any
     * event of a store that does not join transactions. When the store refuses it unprepared (no
     * room at its estimate, shutting down), the event is prepared here and appended as usual, so
     * that an invalid event is counted invalid and a refused one dropped, exactly as before.
     */
    @Override
    public boolean dispatch(DeferredEvent event) {
        if (!defersPreparation()) {
            return EventDispatcher.super.dispatch(event);
        }
        if (TRANSACTIONS_PRESENT && AfterCommit.active()) {
            AfterCommit.register(() -> appendDeferred(event));
            return true;
        }
        return appendDeferred(event);
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

    private boolean appendDeferred(DeferredEvent event) {
        boolean taken;
        try {
            taken = store.appendDeferred(event);
        }
        catch (RuntimeException ex) {
            taken = false;
        }
        if (taken) {
            return true;
        }
        OutboundEvent prepared = event.prepare();
        return prepared != null && append(prepared);
    }

    /** Kept apart so that spring-tx is only loaded when it is present. */
    private static final class AfterCommit {

        static boolean active() {
            return TransactionSynchronizationManager.isSynchronizationActive();
        }

        /** Runs the action after the current transaction commits (never when it rolls back). */
        static void register(Runnable action) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
