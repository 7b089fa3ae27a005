package io.github.youshu.expression;

import io.github.youshu.FailureMode;
import io.github.youshu.context.YoushuContextResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.ZoneId;

/**
 * The reporting infrastructure as the auto-configuration will wire it, with a recording dispatcher
 * and test settings (unless the test context defines its own {@link ReportingSettings}).
 */
@Configuration(proxyBeanMethods = false)
@Import(YoushuReportingRegistrar.class)
class ReportingTestConfiguration {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final ReportingSettings SETTINGS = new ReportingSettings(FailureMode.LOG, ZONE, "test-shop", "wx0123456789abcdef",
            new ReportingSettings.Defaults("pages/index/index", null, 1001, null, null, null, "1.2.3"));

    @Bean
    RecordingEventDispatcher recordingEventDispatcher() {
        return new RecordingEventDispatcher();
    }

    @Bean
    DefaultYoushuReporter youshuReporter(RecordingEventDispatcher dispatcher, ObjectProvider<YoushuContextResolver> resolvers,
                                         ObjectProvider<ReportingSettings> settings) {
        return new DefaultYoushuReporter(dispatcher, resolvers.orderedStream().toList(), settings.getIfAvailable(() -> SETTINGS));
    }
}
