package io.github.youshu.actuate;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code youshu} health indicator as a bean whose type is the HealthIndicator
 * interface of the Boot line on the classpath, so that Boot's health registry finds it by type.
 * The bean name {@value #BEAN_NAME} makes the contributor's name {@code youshu}. A problem reports
 * {@code DEGRADED}, which leaves the application's aggregate health, its groups (liveness,
 * readiness) and its HTTP status alone; with
 * {@code youshu.actuator.affects-aggregate-health=true} it
 * reports {@code DOWN}.
 */
final class YoushuHealthIndicatorRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

    static final String BEAN_NAME = "youshuHealthIndicator";

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Class<?> indicatorType = HealthIndicatorBridge.indicatorType(getClass().getClassLoader());
        if (indicatorType == null || registry.containsBeanDefinition(BEAN_NAME)) {
            return;
        }
        BeanFactory factory = beanFactory;
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(indicatorType);
        definition.setInstanceSupplier(() -> HealthIndicatorBridge.create(indicatorType, factory.getBean(DeliveryHealth.class),
                factory.getBean(YoushuActuatorProperties.class).isAffectsAggregateHealth() ? HealthIndicatorBridge.DOWN_STATUS
                        : HealthIndicatorBridge.PROBLEM_STATUS));
        registry.registerBeanDefinition(BEAN_NAME, definition);
    }
}
