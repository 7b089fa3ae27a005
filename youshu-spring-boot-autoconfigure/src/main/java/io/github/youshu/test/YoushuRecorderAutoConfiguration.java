package io.github.youshu.test;

import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.LossReporter;
import io.github.youshu.delivery.TransactionAwareEventDispatcher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code youshu.test.recording=true}, hands every event to a {@link YoushuRecorder} instead of
 * the event store: the application's own tests see what would be reported, and nothing reaches
 * Youshu. Runs before {@link YoushuAutoConfiguration}, whose dispatcher then backs off; the event
 * store and relay stay, and find nothing to send.
 */
@AutoConfiguration(before = YoushuAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "youshu.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("youshu.test.recording")
@EnableConfigurationProperties(YoushuTestProperties.class)
public class YoushuRecorderAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    YoushuRecorder youshuRecorder(YoushuTestProperties properties) {
        return new YoushuRecorder(properties.getRecorderCapacity(), properties.getAwaitTimeout());
    }

    @Bean
    @ConditionalOnMissingBean(EventDispatcher.class)
    EventDispatcher youshuRecordingEventDispatcher(YoushuRecorder recorder, DeliveryStatistics statistics,
            LossReporter lossReporter) {
        return new TransactionAwareEventDispatcher(new RecordingEventStore(recorder), statistics, lossReporter);
    }
}
