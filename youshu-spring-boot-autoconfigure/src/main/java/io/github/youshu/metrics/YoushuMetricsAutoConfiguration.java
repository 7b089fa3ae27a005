package io.github.youshu.metrics;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of Youshu reporting, when micrometer-core is on the classpath: Spring Boot
 * binds {@link YoushuMetrics} to every meter registry of the application.
 * <ul>
 * <li>{@code youshu.events} (function counter), tags {@code type} and {@code outcome}
 * ({@code accepted}, {@code sent}, {@code dropped}, {@code dead_lettered}, {@code invalid});</li>
 * <li>{@code youshu.queue.size} (gauge): events waiting for delivery, in flight included for the memory store;</li>
 * <li>{@code youshu.http.requests} (timer), tag {@code outcome} ({@code accepted}, {@code rejected}, {@code request_rejected},
 * {@code transient}).</li>
 * </ul>
 */
@AutoConfiguration(after = YoushuAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBooleanProperty(name = "youshu.enabled", matchIfMissing = true)
@ConditionalOnBean({DeliveryStatistics.class, EventStore.class})
public class YoushuMetricsAutoConfiguration {

    @Bean
    YoushuMetrics youshuMetrics(DeliveryStatistics statistics, EventStore store) {
        return new YoushuMetrics(statistics, store);
    }

    @Bean
    static YoushuMetricsPostProcessor youshuMetricsPostProcessor(ObjectProvider<YoushuMetrics> metrics) {
        return new YoushuMetricsPostProcessor(metrics);
    }
}
