package io.github.youshu.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds (and so checks at startup) the backend order data's settings: {@code youshu.orders.*} and
 * {@code youshu.merchant-id}. The data-api transport, the data source id resolver and their place
 * in delivery and health are wired with the delivery of order items.
 */
@AutoConfiguration(after = YoushuAutoConfiguration.class)
@ConditionalOnProperty(prefix = "youshu", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({YoushuOrdersProperties.class, YoushuMerchantProperties.class})
public class YoushuOrdersAutoConfiguration {
}
