package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The interceptor on a hand-made proxy, outside any application context. */
class ReportInterceptorTest {

    private final RecordingEventDispatcher dispatcher = new RecordingEventDispatcher();
    private final ReportOperationSource source = new ReportOperationSource(null);
    private final ReportInterceptor interceptor = new ReportInterceptor(source, new StaticListableBeanFactory(Map.of("reporter",
            new DefaultYoushuReporter(dispatcher, List.of(), ReportingTestConfiguration.SETTINGS)))
            .getBeanProvider(DefaultYoushuReporter.class));

    @Test
    void reportsThroughAHandMadeProxy() {
        Service service = proxy(new Service());

        service.pay("o-1");

        assertThat(dispatcher.single().at("/props/order/order_id").asText()).isEqualTo("o-1");
    }

    @Test
    void annotationsTheStartupCheckDidNotSeeAreLoggedWhenCalledNeverThrown() {
        Service service = proxy(new Service());
        try (LogCapture log = LogCapture.failures()) {

            assertThat(service.broken("o-2")).isEqualTo("o-2");
            service.broken("o-3");

            assertThat(log.messages()).containsExactly("Youshu report annotations of Service.broken(String) are invalid and "
                    + "not reported: @ReportOrderStatus(paid): status \"paid\": Unknown order_status 'paid'; allowed values: "
                    + "give_order, cancel_pay, cancel_give_order, pay, payed, refund; did you mean 'payed'?");
            assertThat(dispatcher.events).isEmpty();
        }
    }

    private Service proxy(Service target) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new ReportOperationSourceAdvisor(source) {
            {
                setAdvice(interceptor);
            }
        });
        return (Service) factory.getProxy();
    }

    static class Service {
        @ReportOrderStatus(status = "pay", orderId = "#id", orderTime = "1717200000000L", orderAmount = "1", payAmount = "1",
                openId = "'open'")
        public void pay(String id) {
        }

        @ReportOrderStatus(status = "paid", orderId = "#id", orderTime = "1717200000000L", orderAmount = "1", payAmount = "1")
        public String broken(String id) {
            return id;
        }
    }
}
