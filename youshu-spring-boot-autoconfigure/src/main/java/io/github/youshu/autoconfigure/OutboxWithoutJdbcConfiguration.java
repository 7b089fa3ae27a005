package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code youshu.outbox.enabled=true} without spring-jdbc on the classpath: startup stops naming the
 * dependency to add, instead of Spring's "required a bean of type EventStore".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "youshu.outbox", name = "enabled", havingValue = "true")
@ConditionalOnMissingClass("org.springframework.jdbc.core.JdbcTemplate")
class OutboxWithoutJdbcConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventStore youshuEventStore() {
        throw OutboxSetupMessages.jdbcMissing();
    }
}
