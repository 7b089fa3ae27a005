package io.github.youshu.autoconfigure;

import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.EventStore;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.RecentDrops;
import io.github.youshu.delivery.TransactionAwareEventDispatcher;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.test.YoushuRecorder;
import io.github.youshu.transport.HttpYoushuTransport;
import io.github.youshu.transport.TransportSettings;
import io.github.youshu.transport.YoushuCredentials;
import io.github.youshu.transport.YoushuTransport;
import io.github.youshu.validation.EventValidator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of Youshu reporting.
 *
 * <p>Ordered after Spring Boot's transaction auto-configuration (named as strings: the class moved
 * between Boot 3 and 4) so that the report interceptor is registered after the transaction advisor
 * and runs inside a {@code @Transactional} method's transaction: the outbox row then commits or
 * rolls back with the business data.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration",
    "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnProperty(prefix = "youshu", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(YoushuProperties.class)
@Import({DataApiConfiguration.class, MemoryDeliveryConfiguration.class, OutboxDeliveryConfiguration.class,
    OutboxWithoutJdbcConfiguration.class,
    YoushuReportingConfiguration.class})
public class YoushuAutoConfiguration {

    /**
     * @throws YoushuConfigurationException when a {@code youshu.*} value keeps an unresolved
     *                                      {@code ${…}} placeholder (checked before any bean is made)
     */
    YoushuAutoConfiguration(Environment environment) {
        UnresolvedPlaceholders.check(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    YoushuCredentials youshuCredentials(YoushuProperties properties) {
        boolean appIdMissing = !StringUtils.hasText(properties.getAppId());
        boolean appSecretMissing = !StringUtils.hasText(properties.getAppSecret());
        if (appIdMissing || appSecretMissing) {
            throw YoushuConfigurationException.missingCredentials(appIdMissing, appSecretMissing);
        }
        try {
            return YoushuCredentials.of(properties.getAppId(), properties.getAppSecret());
        }
        catch (IllegalArgumentException ex) {
            throw new YoushuConfigurationException(ex.getMessage(),
                    "Correct youshu.app-id / youshu.app-secret: the exact values Youshu issued, without surrounding "
                            + "spaces or newlines (e.g. read a mounted secret file with its trailing newline removed).",
                    ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    TransportSettings youshuTransportSettings(YoushuProperties properties) {
        try {
            return TransportSettings.of(properties.getEnvironment(), properties.getBaseUrl(), properties.getEndpoint(),
                    properties.getHttp().getConnectTimeout(), properties.getHttp().getRequestTimeout());
        }
        catch (IllegalArgumentException ex) {
            throw YoushuConfigurationException.invalidSetting(ex.getMessage(),
                    "Set youshu.environment (production or test), or a youshu.base-url with https "
                            + "(plain http only to localhost, 127.0.0.0/8 or [::1]), and positive youshu.http.* timeouts.",
                    ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    YoushuTransport youshuTransport(TransportSettings settings, YoushuCredentials credentials) {
        return new HttpYoushuTransport(settings, credentials);
    }

    @Bean
    @ConditionalOnMissingBean
    EventJsonSerializer youshuEventJsonSerializer() {
        return new EventJsonSerializer();
    }

    @Bean
    @ConditionalOnMissingBean
    EventValidator youshuEventValidator() {
        return new EventValidator();
    }

    @Bean
    @ConditionalOnMissingBean
    DeliverySettings youshuDeliverySettings(YoushuProperties properties) {
        try {
            return properties.getDelivery().toSettings();
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw YoushuConfigurationException.invalidSetting(ex.getMessage(), "Correct the youshu.delivery.* setting named above.",
                    ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    DeliveryStatistics youshuDeliveryStatistics() {
        return new DeliveryStatistics();
    }

    @Bean
    @ConditionalOnMissingBean
    RecentDrops youshuRecentDrops(YoushuProperties properties) {
        try {
            return new RecentDrops(properties.getDelivery().getRecentDropsKept(), Clock.systemUTC());
        }
        catch (IllegalArgumentException ex) {
            throw YoushuConfigurationException.invalidSetting(ex.getMessage(), "Correct the youshu.delivery.* setting named above.",
                    ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    LossReporter youshuLossReporter(RecentDrops recentDrops) {
        return new LossReporter(recentDrops, Clock.systemUTC());
    }

    @Bean
    YoushuStartupLine youshuStartupLine(EventStore store, TransportSettings transport, YoushuCredentials credentials,
            YoushuProperties properties, ObjectProvider<YoushuRecorder> recorder) {
        return new YoushuStartupLine(store, transport, credentials, properties, recorder.getIfAvailable() != null);
    }

    @Bean
    @ConditionalOnMissingBean
    EventDispatcher youshuEventDispatcher(EventStore store, DeliveryStatistics statistics, LossReporter lossReporter) {
        return new TransactionAwareEventDispatcher(store, statistics, lossReporter);
    }
}
