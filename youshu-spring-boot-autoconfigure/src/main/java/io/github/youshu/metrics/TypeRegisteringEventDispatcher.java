package io.github.youshu.metrics;

import io.github.youshu.delivery.DeferredEvent;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;

/**
 * Lets {@link YoushuMetrics} register the counters of each event type the first time an event of
 * it reaches delivery (valid or not), then hands over to the dispatcher it decorates. Costs one
 * set lookup per event; never throws.
 */
final class TypeRegisteringEventDispatcher implements EventDispatcher {

    private final EventDispatcher delegate;

    private final YoushuMetrics metrics;

    TypeRegisteringEventDispatcher(EventDispatcher delegate, YoushuMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public boolean dispatch(OutboundEvent event) {
        metrics.typeSeen(event.type());
        return delegate.dispatch(event);
    }

    @Override
    public boolean defersPreparation() {
        return delegate.defersPreparation();
    }

    @Override
    public boolean dispatch(DeferredEvent event) {
        metrics.typeSeen(event.type());
        return delegate.dispatch(event);
    }

    @Override
    public void countInvalid(String type) {
        metrics.typeSeen(type);
        delegate.countInvalid(type);
    }

    @Override
    public void invalid(String type, String orderId, String openId, String violations) {
        metrics.typeSeen(type);
        delegate.invalid(type, orderId, openId, violations);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
