package io.github.youshu.actuate;

import java.time.Clock;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.memory.DeadLetters;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.delivery.outbox.OutboxDeadLetters;
import io.github.youshu.transport.DataSourceIdResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Actuator support of Youshu reporting, when spring-boot-actuator is on the classpath: the
 * {@code youshu} health indicator (unless {@code management.health.youshu.enabled=false}, or
 * {@code management.health.defaults.enabled=false} without it) and the
 * {@code youshu} endpoint, both reading what delivery already knows.
 */
@AutoConfiguration(after = YoushuAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBooleanProperty(name = "youshu.enabled", matchIfMissing = true)
@ConditionalOnBean({DeliveryStatistics.class, EventStore.class, DeliverySettings.class, LossReporter.class})
@EnableConfigurationProperties(YoushuActuatorProperties.class)
public class YoushuActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(YoushuDeadLetters.class)
    @ConditionalOnBean({DeadLetters.class, MemoryEventStore.class})
    YoushuDeadLetters youshuDeadLetterAccess(DeadLetters deadLetters, MemoryEventStore store, DeliveryStatistics statistics) {
        return new MemoryDeadLetters(deadLetters, store, statistics, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(YoushuDeadLetters.class)
    @ConditionalOnBean(OutboxDeadLetters.class)
    YoushuDeadLetters youshuOutboxDeadLetterAccess(OutboxDeadLetters deadLetters) {
        return new OutboxYoushuDeadLetters(deadLetters);
    }

    /** The memory queue's capacity; 0 for a store without one (the outbox table). */
    static int boundedCapacity(EventStore store, DeliverySettings settings) {
        return store instanceof MemoryEventStore ? settings.queueCapacity() : 0;
    }

    @Bean
    YoushuEndpoint youshuEndpoint(DeliveryStatistics statistics, EventStore store, DeliverySettings settings,
            ObjectProvider<YoushuDeadLetters> deadLetters, LossReporter lossReporter, YoushuActuatorProperties properties) {
        properties.validate();
        return new YoushuEndpoint(statistics, store, boundedCapacity(store, settings), deadLetters.getIfAvailable(),
                properties.getDeadLettersShown(), lossReporter.recentDrops());
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(HealthIndicatorEnabled.class)
    @Import(YoushuHealthIndicatorRegistrar.class)
    static class HealthConfiguration {

        @Bean
        DeliveryOutcomeTracker youshuDeliveryOutcomeTracker() {
            return new DeliveryOutcomeTracker(Clock.systemUTC());
        }

        @Bean
        DeliveryHealth youshuDeliveryHealth(EventStore store, DeliverySettings settings, DeliveryOutcomeTracker tracker,
                ObjectProvider<YoushuDeadLetters> deadLetters, LossReporter lossReporter, YoushuActuatorProperties properties,
                ObjectProvider<BatchRelay> relay, ObjectProvider<DataSourceIdResolver> dataSource) {
            properties.validate();
            BatchRelay deliveryRelay = relay.getIfAvailable();
            DeliveryHealth health = new DeliveryHealth(store, boundedCapacity(store, settings), tracker,
                    deadLetters.getIfAvailable(), lossReporter.recentDrops(), properties,
                    deliveryRelay == null ? null : deliveryRelay.requestFailureState());
            if (deliveryRelay != null) {
                health.dataApiRequestFailures(deliveryRelay.dataApiRequestFailureState());
            }
            DataSourceIdResolver resolver = dataSource.getIfAvailable();
            return resolver == null ? health : health.dataSource(resolver::state);
        }
    }

    /**
     * Like Spring Boot's own health indicators: {@code management.health.youshu.enabled}, else
     * {@code management.health.defaults.enabled}, else on.
     */
    static class HealthIndicatorEnabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            Boolean defaults = environment.getProperty("management.health.defaults.enabled", Boolean.class, true);
            return environment.getProperty("management.health.youshu.enabled", Boolean.class, defaults);
        }
    }
}
