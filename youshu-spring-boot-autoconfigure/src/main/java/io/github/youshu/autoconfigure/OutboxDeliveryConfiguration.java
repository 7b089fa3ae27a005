package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.BatchRelay;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryTransport;
import io.github.youshu.delivery.RequestFailureState;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.YoushuDeliveryListener;
import io.github.youshu.delivery.outbox.JdbcOutboxStore;
import io.github.youshu.delivery.outbox.OutboxDeadLetters;
import io.github.youshu.delivery.outbox.OutboxDeliveryLifecycle;
import io.github.youshu.delivery.outbox.OutboxSchemaScript;
import io.github.youshu.delivery.outbox.OutboxSettings;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable outbox ({@code youshu.outbox.enabled=true}): events are rows in the application's own
 * DataSource, inserted in the caller's transaction, relayed by every instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "youshu.outbox", name = "enabled", havingValue = "true")
@ConditionalOnClass(JdbcTemplate.class)
class OutboxDeliveryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxSettings youshuOutboxSettings(YoushuProperties properties) {
        try {
            return properties.getOutbox().toSettings();
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw YoushuConfigurationException.invalidSetting(ex.getMessage(), "Correct the youshu.outbox.* setting named above.",
                    ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    JdbcOutboxStore youshuEventStore(ObjectProvider<DataSource> dataSource, OutboxSettings settings,
            DeliverySettings delivery) {
        DataSource source = dataSource.getIfUnique();
        if (source == null) {
            throw new YoushuConfigurationException("youshu.outbox.enabled=true but the application has no single DataSource bean.",
                    "Configure a DataSource (spring.datasource.*), mark one @Primary, or set youshu.outbox.enabled=false.");
        }
        JdbcOutboxStore store;
        try {
            // A partial batch waits for more rows up to the flush interval, as in the memory mode.
            store = new JdbcOutboxStore(source, settings, delivery.flushInterval(), Clock.systemUTC());
        }
        catch (IllegalStateException ex) {
            throw OutboxSetupMessages.tableNotUsable(ex, settings, OutboxSchemaScript.of(source));
        }
        H2FileDatabaseWarning.warnIfFileBased(source);
        return store;
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxDeadLetters youshuOutboxDeadLetters(JdbcOutboxStore store) {
        return store.deadLetters();
    }

    @Bean
    @ConditionalOnMissingBean
    BatchRelay youshuBatchRelay(JdbcOutboxStore store, DeliveryTransport transport, DeliverySettings settings,
            OutboxSettings outbox, DeliveryStatistics statistics, LossReporter lossReporter,
            ObjectProvider<YoushuDeliveryListener> listeners) {
        // The outbox's own retry budget (unlimited by default) replaces the memory mode's.
        DeliverySettings relaySettings = settings.withMaxRetryDuration(outbox.maxRetryDuration());
        return new BatchRelay(store, transport, relaySettings, outbox.pollInterval(), statistics, lossReporter,
                listeners.orderedStream().toList(), new RequestFailureState());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxDeliveryLifecycle youshuOutboxDeliveryLifecycle(JdbcOutboxStore store, BatchRelay relay) {
        return new OutboxDeliveryLifecycle(store, relay);
    }
}
