package io.github.youshu.autoconfigure;

import io.github.youshu.YoushuOrders;
import io.github.youshu.actuate.YoushuDailyTotalsEndpoint;
import io.github.youshu.dailytotals.DailyTotalsScheduler;
import io.github.youshu.dailytotals.DailyTotalsSender;
import io.github.youshu.dailytotals.JdbcSentDays;
import io.github.youshu.dailytotals.MemorySentDays;
import io.github.youshu.dailytotals.SentDays;
import io.github.youshu.order.OrderDailyTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Daily totals: with an {@link OrderDailyTotals} bean, sends {@code order/add_order_sum} for the
 * previous day once a day ({@code youshu.orders.daily-totals.*}) through the application's
 * {@link YoushuOrders} bean; does nothing (one INFO line) when there is none. With a single
 * {@link DataSource} the days sent are recorded in a table shared by every instance (each day is
 * sent once); without one, per instance in memory. The clock is the application's single
 * {@link Clock} bean, else the system clock.
 */
@AutoConfiguration(after = {YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class}, afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnProperty(prefix = "youshu", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "youshu.orders.daily-totals", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(OrderDailyTotals.class)
@EnableConfigurationProperties(YoushuDailyTotalsProperties.class)
public class YoushuDailyTotalsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(YoushuDailyTotalsAutoConfiguration.class);

    /** Without a single DataSource (or spring-jdbc): every instance sends the totals itself. */
    @Bean
    @ConditionalOnMissingBean
    SentDays youshuSentDays(ObjectProvider<Clock> clock) {
        log.info("Youshu daily totals: no single DataSource, so every instance sends them itself (days sent are kept in memory)");
        return new MemorySentDays(clock(clock), instanceName());
    }

    @Bean
    @ConditionalOnMissingBean
    DailyTotalsSender youshuDailyTotalsSender(OrderDailyTotals totals, ObjectProvider<YoushuOrders> orders, SentDays days,
                                              YoushuDailyTotalsProperties properties, ObjectProvider<YoushuProperties> youshu,
                                              ObjectProvider<Clock> clock) {
        YoushuProperties settings = youshu.getIfAvailable();
        ZoneId zone = settings != null && settings.getZone() != null ? settings.getZone() : ZoneId.systemDefault();
        return new DailyTotalsSender(totals, orders::getIfUnique, days, clock(clock), zone, properties.getSendAt(),
                properties.getCatchUpDays());
    }

    @Bean
    @ConditionalOnMissingBean
    DailyTotalsScheduler youshuDailyTotalsScheduler(DailyTotalsSender sender, YoushuDailyTotalsProperties properties,
                                                   ObjectProvider<Clock> clock) {
        return new DailyTotalsScheduler(sender, clock(clock), properties.getRetryInterval());
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }

    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The days sent as rows of a table in the application's single DataSource (registered before the memory fallback). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.jdbc.core.simple.JdbcClient",
        "org.springframework.transaction.PlatformTransactionManager"})
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcSentDaysConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SentDays youshuJdbcSentDays(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
                                    YoushuDailyTotalsProperties properties, ObjectProvider<Clock> clock) {
            YoushuDailyTotalsProperties.SchemaInitialization mode = properties.getInitializeSchema();
            try {
                if (mode != YoushuDailyTotalsProperties.SchemaInitialization.NEVER) {
                    JdbcSentDays.initializeSchema(dataSource, properties.getTableName(),
                            mode == YoushuDailyTotalsProperties.SchemaInitialization.ALWAYS);
                }
            }
            catch (IllegalStateException ex) {
                throw new YoushuConfigurationException(ex.getMessage(), "Create the table with the script shipped in the jar "
                        + "(META-INF/youshu/order-sum-day/schema-<database>.sql), or set "
                        + "youshu.orders.daily-totals.initialize-schema=always.", ex);
            }
            PlatformTransactionManager transactions = transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource));
            return new JdbcSentDays(dataSource, transactions, properties.getTableName(), clock(clock), instanceName());
        }
    }

    /** The {@code youshudailytotals} actuator endpoint, when Actuator is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        YoushuDailyTotalsEndpoint youshuDailyTotalsEndpoint(DailyTotalsSender sender) {
            return new YoushuDailyTotalsEndpoint(sender);
        }
    }
}
