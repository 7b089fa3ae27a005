package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.DeliveryTransport;
import io.github.youshu.delivery.RoutedTransport;
import io.github.youshu.transport.DataApiSender;
import io.github.youshu.transport.DataApiTransport;
import io.github.youshu.transport.DataSourceIdResolver;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import io.github.youshu.transport.YoushuTransport;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The data-api side of delivery (data-api.md §1–§2): its transport, the data source id (configured,
 * or resolved from {@code youshu.merchant-id} in the background on a private scheduler, which is no
 * bean: the application's own {@code TaskScheduler} stays the only one), and the
 * {@link DeliveryTransport} through which the relay sends behaviour events and data-api items.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({YoushuOrdersProperties.class, YoushuMerchantProperties.class})
class DataApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DataApiTransport youshuDataApiTransport(TransportSettings settings, YoushuCredentials credentials,
            YoushuOrdersProperties orders) {
        return new DataApiTransport(settings, credentials, orders.getMaxItemsPerRequest());
    }

    @Bean
    DataSourceResolutionScheduler youshuDataSourceResolutionScheduler() {
        return new DataSourceResolutionScheduler();
    }

    /** Started (and stopped) as a {@code SmartLifecycle}: resolution never blocks nor fails startup. */
    @Bean
    @ConditionalOnMissingBean
    DataSourceIdResolver youshuDataSourceIdResolver(YoushuOrdersProperties orders, YoushuMerchantProperties merchant,
            DataApiTransport transport, DataSourceResolutionScheduler scheduler) {
        return new DataSourceIdResolver(orders.getDataSourceId(), merchant.getMerchantId(), transport,
                scheduler.scheduler());
    }

    @Bean
    @ConditionalOnMissingBean
    DataApiSender youshuDataApiSender(DataApiTransport transport, DataSourceIdResolver dataSource) {
        return new DataApiSender(transport, dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    DeliveryTransport youshuDeliveryTransport(YoushuTransport events, DataApiSender dataApi,
            DataSourceIdResolver dataSource) {
        return new RoutedTransport(events, dataApi, dataSource);
    }

    /**
     * One daemon thread for the data source resolution, owned by the starter (not a
     * {@code TaskScheduler} bean, which would change which scheduler the application's own
     * {@code @Scheduled} methods use).
     */
    static final class DataSourceResolutionScheduler implements DisposableBean {

        private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

        DataSourceResolutionScheduler() {
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("youshu-data-source-");
            scheduler.setDaemon(true);
            scheduler.initialize();
        }

        ThreadPoolTaskScheduler scheduler() {
            return scheduler;
        }

        @Override
        public void destroy() {
            scheduler.shutdown();
        }
    }
}
