package io.github.youshu.expression;

import ch.qos.logback.classic.Level;
import io.github.youshu.annotation.ReportOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Lazy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An annotated method that a proxy can never intercept (private, static, final with class-based
 * proxies, not on an interface with interface-based proxies, a bean that is not proxied) is named in
 * a startup warning; intercepted methods are not. The behaviour the warnings describe is asserted too:
 * such a method really reports nothing.
 */
class InterceptionWarningTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class);

    static class Unreachable {

        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1", openId = "'o-user'")
        public void reachable(String orderId) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1", openId = "'o-user'")
        public final void finalPay(String orderId) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1", openId = "'o-user'")
        private void privatePay(String orderId) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1", openId = "'o-user'")
        public static void staticPay(String orderId) {
        }

        /** Calls the private method from inside the bean, as a caller would have to. */
        public void callPrivate(String orderId) {
            privatePay(orderId);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    static class ClassProxying {
    }

    @Test
    void privateStaticAndFinalMethodsOfAClassProxiedBeanAreNamedInAWarning() {
        try (LogCapture log = verifierLog()) {
            runner.withUserConfiguration(ClassProxying.class).withBean("unreachable", Unreachable.class).run(context -> {
                assertThat(context).hasNotFailed();
                Unreachable bean = context.getBean(Unreachable.class);
                assertThat(AopUtils.isCglibProxy(bean)).isTrue();

                bean.finalPay("o-final");
                bean.callPrivate("o-private");
                Unreachable.staticPay("o-static");
                assertThat(context.getBean(RecordingEventDispatcher.class).events).isEmpty();
                assertThat(context.getBean(RecordingEventDispatcher.class).invalid).isEmpty();
                bean.reachable("o-public");
                assertThat(context.getBean(RecordingEventDispatcher.class).events).hasSize(1);
            });

            String prefix = "Youshu report annotation: bean 'unreachable' (" + Unreachable.class.getName() + "), method ";
            assertThat(log.messages(Level.WARN)).hasSize(3).anySatisfy(message -> assertThat(message)
                    .startsWith(prefix + "Unreachable.finalPay(String) is final: the class-based (CGLIB) proxy cannot override it")
                    .contains("its report annotations never run", "public, non-final instance method"));
            assertThat(log.messages(Level.WARN)).anySatisfy(message -> assertThat(message)
                    .startsWith(prefix + "Unreachable.privatePay(String) is private: a proxy cannot intercept private methods"));
            assertThat(log.messages(Level.WARN)).anySatisfy(message -> assertThat(message)
                    .startsWith(prefix + "Unreachable.staticPay(String) is static"));
            assertThat(String.join("\n", log.messages())).doesNotContain("reachable(String)");
        }
    }

    @Test
    void lazyBeansAreCheckedFromTheirClass() {
        try (LogCapture log = verifierLog()) {
            runner.withUserConfiguration(ClassProxying.class, LazyUnreachable.class)
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).hasSize(3)
                    .anySatisfy(message -> assertThat(message).contains("bean 'lazyUnreachable'", "Unreachable.finalPay(String) is final"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyUnreachable {
        @Bean
        @Lazy
        Unreachable lazyUnreachable() {
            return new Unreachable();
        }
    }

    public interface Checkout {
        void pay(String orderId);
    }

    static class InterfaceProxied implements Checkout {

        @Override
        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void pay(String orderId) {
        }

        @ReportOrderStatus(status = "refund", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void refund(String orderId) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InterfaceProxiedBean {
        @Bean
        Checkout interfaceProxied() {
            return new InterfaceProxied();
        }
    }

    @Test
    void aMethodNoInterfaceDeclaresIsNamedWhenTheBeanIsProxiedByInterface() {
        try (LogCapture log = verifierLog()) {
            runner.withUserConfiguration(InterfaceProxiedBean.class).run(context -> {
                assertThat(AopUtils.isJdkDynamicProxy(context.getBean(Checkout.class))).isTrue();
            });

            assertThat(log.messages(Level.WARN)).singleElement().satisfies(message -> assertThat(message).contains(
                    "bean 'interfaceProxied' (" + InterfaceProxied.class.getName() + "), method InterfaceProxied.refund(String) "
                            + "is not declared by any interface of its JDK (interface-based) proxy (Checkout)",
                    "spring.aop.proxy-target-class=true"));
        }
    }

    @Test
    void interceptedMethodsGiveNoWarning() {
        try (LogCapture log = verifierLog()) {
            runner.withUserConfiguration(ClassProxying.class, InterfaceProxiedBean.class)
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages()).isEmpty();
        }
    }

    @Test
    void aBeanThatIsNotProxiedAtAllIsNamed() {
        try (LogCapture log = verifierLog()) {
            runner.withInitializer(context -> context.getBeanFactory().registerSingleton("manual", new Unreachable()))
                    .run(context -> assertThat(AopUtils.isAopProxy(context.getBean("manual"))).isFalse());

            assertThat(log.messages(Level.WARN)).anySatisfy(message -> assertThat(message).contains(
                    "bean 'manual' (" + Unreachable.class.getName() + "), method Unreachable.reachable(String) is on a bean "
                            + "that is not proxied"));
        }
    }

    static final class FinalService {
        @ReportOrderStatus(status = "payed", orderId = "#orderId", orderTime = "1717230600000L", orderAmount = "1",
                payAmount = "1", openId = "'o-user'")
        public void pay(String orderId) {
        }
    }

    /** What the README says of final classes: Spring itself stops startup when it must proxy one by class. */
    @Test
    void aFinalClassCannotBeProxiedByClassAndStartupSaysSo() {
        runner.withUserConfiguration(ClassProxying.class).withBean("finalService", FinalService.class).run(context ->
                assertThat(context.getStartupFailure()).hasMessageContaining("finalService")
                        .hasMessageContaining("Could not generate CGLIB subclass")
                        .hasMessageContaining("final class"));
    }

    private static LogCapture verifierLog() {
        return new LogCapture(ReportDefinitionVerifier.class, Level.WARN);
    }
}
