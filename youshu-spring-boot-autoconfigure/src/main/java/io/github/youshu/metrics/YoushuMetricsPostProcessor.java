package io.github.youshu.metrics;

import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.transport.YoushuTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Decorates the {@link YoushuTransport} bean with request timing and the {@link EventDispatcher}
 * bean with event type discovery, so that delivery itself knows nothing of metrics.
 */
final class YoushuMetricsPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<YoushuMetrics> metrics;

    YoushuMetricsPostProcessor(ObjectProvider<YoushuMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof YoushuTransport transport && !(bean instanceof TimedYoushuTransport)) {
            return new TimedYoushuTransport(transport, metrics.getObject());
        }
        if (bean instanceof EventDispatcher dispatcher && !(bean instanceof TypeRegisteringEventDispatcher)) {
            return new TypeRegisteringEventDispatcher(dispatcher, metrics.getObject());
        }
        return bean;
    }
}
