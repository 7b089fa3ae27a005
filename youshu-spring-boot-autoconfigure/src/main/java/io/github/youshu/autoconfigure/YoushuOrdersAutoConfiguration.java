package io.github.youshu.autoconfigure;

import java.time.ZoneId;

import io.github.youshu.YoushuOrders;
import io.github.youshu.dataapi.DefaultYoushuOrders;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.order.OrderJsonSerializer;
import io.github.youshu.order.validation.OrderValidator;
import io.github.youshu.transport.DataSourceIdResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The backend order data's facade, {@link YoushuOrders}: validated with
 * {@code youshu.orders.strict-amounts}, serialized in {@code youshu.zone}, dispatched through the
 * same {@link EventDispatcher} as behaviour events. It exists whether or not the data source id is
 * known: until it is, items wait in delivery (data-api.md §2) and the {@code youshu} health
 * component says which property to set. The data-api transport and the data source id are wired
 * with delivery ({@code DataApiConfiguration}).
 */
@AutoConfiguration(after = YoushuAutoConfiguration.class)
@ConditionalOnProperty(prefix = "youshu", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({YoushuOrdersProperties.class, YoushuMerchantProperties.class})
public class YoushuOrdersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(YoushuOrders.class)
    @ConditionalOnBean(EventDispatcher.class)
    DefaultYoushuOrders youshuOrders(EventDispatcher dispatcher, YoushuOrdersProperties orders,
            YoushuProperties properties, ObjectProvider<DataSourceIdResolver> dataSource) {
        ZoneId zone = properties.getZone() != null ? properties.getZone() : ZoneId.systemDefault();
        DataSourceIdResolver resolver = dataSource.getIfAvailable();
        return new DefaultYoushuOrders(dispatcher, new OrderValidator(orders.isStrictAmounts()),
                new OrderJsonSerializer(zone), properties.getFailureMode(), resolver == null ? null : resolver::state);
    }
}
