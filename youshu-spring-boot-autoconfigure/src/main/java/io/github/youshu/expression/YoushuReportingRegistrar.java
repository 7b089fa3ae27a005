package io.github.youshu.expression;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the infrastructure of the report annotations: an auto-proxy creator when the
 * application has none (so the annotations work without Spring Boot's AOP auto-configuration),
 * the {@link ReportOperationSource}, the {@link ReportInterceptor}, the
 * {@link ReportOperationSourceAdvisor}, the {@link OrderSyncSupport} of the order sync annotations and
 * the {@link ReportDefinitionVerifier}, all as infrastructure beans. Use with {@code @Import(YoushuReportingRegistrar.class)}; the application
 * context must also hold a {@link DefaultYoushuReporter} bean, which the interceptor looks up on
 * the first report.
 */
public class YoushuReportingRegistrar implements ImportBeanDefinitionRegistrar {

    /** The bean name of the {@link ReportOperationSource}. */
    public static final String OPERATION_SOURCE_BEAN_NAME = "youshuReportOperationSource";

    /** The bean name of the {@link ReportInterceptor}. */
    public static final String INTERCEPTOR_BEAN_NAME = "youshuReportInterceptor";

    /** The bean name of the {@link ReportOperationSourceAdvisor}. */
    public static final String ADVISOR_BEAN_NAME = "youshuReportAdvisor";

    /** The bean name of the {@link OrderSyncSupport}. */
    public static final String ORDER_SYNC_BEAN_NAME = "youshuOrderSyncSupport";

    /** The bean name of the {@link ReportDefinitionVerifier}. */
    public static final String VERIFIER_BEAN_NAME = "youshuReportDefinitionVerifier";

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
        AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
        if (registry.containsBeanDefinition(ADVISOR_BEAN_NAME)) {
            return;
        }
        RootBeanDefinition source = infrastructure(ReportOperationSource.class);
        source.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        registry.registerBeanDefinition(OPERATION_SOURCE_BEAN_NAME, source);

        RootBeanDefinition orderSync = infrastructure(OrderSyncSupport.class);
        orderSync.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        registry.registerBeanDefinition(ORDER_SYNC_BEAN_NAME, orderSync);

        RootBeanDefinition interceptor = infrastructure(ReportInterceptor.class);
        interceptor.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(OPERATION_SOURCE_BEAN_NAME));
        interceptor.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        registry.registerBeanDefinition(INTERCEPTOR_BEAN_NAME, interceptor);

        RootBeanDefinition advisor = infrastructure(ReportOperationSourceAdvisor.class);
        advisor.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(OPERATION_SOURCE_BEAN_NAME));
        advisor.getPropertyValues().add("adviceBeanName", INTERCEPTOR_BEAN_NAME);
        registry.registerBeanDefinition(ADVISOR_BEAN_NAME, advisor);

        RootBeanDefinition verifier = infrastructure(ReportDefinitionVerifier.class);
        verifier.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(OPERATION_SOURCE_BEAN_NAME));
        verifier.getConstructorArgumentValues().addIndexedArgumentValue(1, new RuntimeBeanReference(ORDER_SYNC_BEAN_NAME));
        registry.registerBeanDefinition(VERIFIER_BEAN_NAME, verifier);
    }

    private static RootBeanDefinition infrastructure(Class<?> type) {
        RootBeanDefinition definition = new RootBeanDefinition(type);
        definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        return definition;
    }
}
