package io.github.youshu.autoconfigure;

import io.github.youshu.context.RequestHeaderContextResolver;
import io.github.youshu.context.RequestHeaderNames;
import io.github.youshu.context.YoushuContextResolver;
import io.github.youshu.delivery.DeliverySettings;
import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.expression.DefaultYoushuReporter;
import io.github.youshu.expression.ReportingSettings;
import io.github.youshu.expression.YoushuReportingRegistrar;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The reporting front: the annotations' interceptor, the {@code YoushuReporter} and the context
 * resolvers (annotation attribute, then resolvers, then {@code youshu.defaults.*}).
 */
@Configuration(proxyBeanMethods = false)
@Import(YoushuReportingRegistrar.class)
class YoushuReportingConfiguration {

    @Bean
    DefaultYoushuReporter youshuReporter(EventDispatcher dispatcher, ObjectProvider<YoushuContextResolver> resolvers,
            YoushuProperties properties, Environment environment, ObjectProvider<DeliverySettings> deliverySettings) {
        if (!StringUtils.hasText(properties.getWxAppId())) {
            throw new YoushuConfigurationException(
                    "youshu.wx-app-id is not set: every event needs wx_user.app_id, the mini-program's appid.",
                    """
                    Add your mini-program's appid (wx..., from the WeChat console) to application.yml:

                        youshu:
                          wx-app-id: wx0123456789abcdef""");
        }
        YoushuProperties.Defaults d = properties.getDefaults();
        String from = StringUtils.hasText(properties.getFrom()) ? properties.getFrom()
                : environment.getProperty("spring.application.name");
        if (!StringUtils.hasText(from)) {
            throw new YoushuConfigurationException(
                    "Neither youshu.from nor spring.application.name is set: every event needs \"from\", the data source name.",
                    """
                    Name the application (or the data source) in application.yml:

                        spring:
                          application:
                            name: my-shop
                    """);
        }
        return new DefaultYoushuReporter(dispatcher, resolvers.orderedStream().toList(),
                new ReportingSettings(properties.getFailureMode(),
                        properties.getZone() != null ? properties.getZone() : ZoneId.systemDefault(), from,
                        properties.getWxAppId(), new ReportingSettings.Defaults(d.getPage(), d.getPageTitle(), d.getScene(),
                                d.getChanId(), d.getShopId(), d.getShopName(), d.getSrSdkVersion())),
                maxEventBytes(deliverySettings.getIfAvailable()));
    }

    /** What one request carries alone: youshu.delivery.max-batch-bytes less the array's two brackets. */
    private static long maxEventBytes(DeliverySettings delivery) {
        return delivery == null ? DefaultYoushuReporter.DEFAULT_MAX_EVENT_BYTES : delivery.maxBatchBytes() - 2;
    }

    /** Reads the X-Youshu-* headers of the current servlet request; absent in a non-web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = {"org.springframework.web.context.request.RequestContextHolder",
        "jakarta.servlet.http.HttpServletRequest"})
    @ConditionalOnProperty(prefix = "youshu.context.headers", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class RequestHeaderContextConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RequestHeaderContextResolver youshuRequestHeaderContextResolver(YoushuProperties properties) {
            YoushuProperties.Headers h = properties.getContext().getHeaders();
            return new RequestHeaderContextResolver(new RequestHeaderNames(h.getOpenId(), h.getUnionId(), h.getUserId(),
                    h.getPage(), h.getPageTitle(), h.getScene(), h.getChanId(), h.getTrackingId()));
        }
    }
}
