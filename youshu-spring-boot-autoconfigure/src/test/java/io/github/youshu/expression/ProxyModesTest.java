package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotations work on interface methods and on class methods, whether the bean is proxied by
 * interface (JDK proxy: the starter's own auto-proxy creator, no Boot AOP) or by class (CGLIB, as
 * with Spring Boot's AOP auto-configuration).
 */
class ProxyModesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    @Test
    void anAnnotatedInterfaceMethodIsReportedThroughAJdkProxy() {
        runner.run(context -> {
            CheckoutApi api = context.getBean(CheckoutApi.class);
            assertThat(AopUtils.isJdkDynamicProxy(api)).isTrue();

            assertThat(api.submit("o-1")).isEqualTo(Order.of("o-1"));

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/order/order_status").asText())
                    .isEqualTo("give_order");
        });
    }

    @Test
    void anAnnotatedInterfaceMethodIsReportedThroughACglibProxy() {
        runner.withUserConfiguration(ClassProxying.class).run(context -> {
            CheckoutApi api = context.getBean(CheckoutApi.class);
            assertThat(AopUtils.isCglibProxy(api)).isTrue();

            assertThat(((CheckoutService) api).submit("o-2")).isEqualTo(Order.of("o-2"));

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/order/order_id").asText())
                    .isEqualTo("o-2");
        });
    }

    @Test
    void anAnnotationOnTheImplementationWinsOverTheInterfaceOne() {
        runner.run(context -> {
            context.getBean(CheckoutApi.class).cancel("o-3");

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/order/order_status").asText())
                    .isEqualTo("cancel_give_order");
        });
        runner.withUserConfiguration(ClassProxying.class).run(context -> {
            context.getBean(CheckoutApi.class).cancel("o-3");

            assertThat(context.getBean(RecordingEventDispatcher.class).single().at("/props/order/order_status").asText())
                    .isEqualTo("cancel_give_order");
        });
    }

    @Test
    void worksWithoutSpringWebOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.web", "jakarta.servlet")).run(context -> {
            assertThat(context).hasNotFailed();

            context.getBean(CheckoutApi.class).submit("o-4");

            assertThat(context.getBean(RecordingEventDispatcher.class).events).hasSize(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    static class ClassProxying {
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        CheckoutApi checkoutService() {
            return new CheckoutService();
        }
    }

    public interface CheckoutApi {

        @ReportOrderStatus(status = "give_order", orderId = "#orderId", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        Order submit(String orderId);

        @ReportOrderStatus(status = "cancel_pay", orderId = "#orderId", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        Order cancel(String orderId);
    }

    static class CheckoutService implements CheckoutApi {

        @Override
        public Order submit(String orderId) {
            return Order.of(orderId);
        }

        @Override
        @ReportOrderStatus(status = "cancel_give_order", orderId = "#orderId", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        public Order cancel(String orderId) {
            return Order.of(orderId);
        }
    }
}
