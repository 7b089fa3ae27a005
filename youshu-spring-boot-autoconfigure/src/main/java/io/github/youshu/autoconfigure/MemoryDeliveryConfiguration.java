package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryTransport;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.YoushuDeliveryListener;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryDeliveryLifecycle;
import io.github.youshu.delivery.memory.MemoryEventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In-memory delivery: the default when the outbox is off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "youshu.outbox", name = "enabled", havingValue = "false", matchIfMissing = true)
class MemoryDeliveryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters youshuDeadLetters(DeliverySettings settings) {
        return new DeadLetters(settings.deadLetterCapacity());
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(EventStore.class)
    MemoryEventStore youshuEventStore(DeliverySettings settings, DeadLetters deadLetters, DeliveryStatistics statistics,
            LossReporter lossReporter) {
        return new MemoryEventStore(settings, deadLetters, statistics, lossReporter);
    }

    @Bean
    @ConditionalOnMissingBean
    BatchRelay youshuBatchRelay(EventStore store, DeliveryTransport transport, DeliverySettings settings,
            DeliveryStatistics statistics, LossReporter lossReporter, ObjectProvider<YoushuDeliveryListener> listeners) {
        return new BatchRelay(store, transport, settings, settings.pollInterval(), statistics, lossReporter,
                listeners.orderedStream().toList(), new RequestFailureState());
    }

    @Bean
    @ConditionalOnMissingBean
    MemoryDeliveryLifecycle youshuDeliveryLifecycle(MemoryEventStore store, BatchRelay relay, LossReporter lossReporter,
            DeliveryStatistics statistics, DeliverySettings settings) {
        return new MemoryDeliveryLifecycle(store, relay, lossReporter, statistics, settings.shutdownTimeout());
    }
}
