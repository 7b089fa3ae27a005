package io.github.youshu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.delivery.EventDispatcher;
import io.github.youshu.delivery.OutboundEvent;
import io.github.youshu.sample.order.OrderService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A method with both {@code @Transactional} and a report annotation hands its event to delivery
 * inside its own transaction, so the outbox row commits or rolls back with the order (the report
 * interceptor must sit inside the transaction interceptor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "sample.simulator.port=0",
        "spring.datasource.url=jdbc:h2:mem:sample-tx;DB_CLOSE_DELAY=-1"})
class ReportInsideTransactionTest {

    /** What was dispatched, by order id, and whether a transaction was active then. */
    record Dispatch(String orderId, boolean transactionActive) {
    }

    static final List<Dispatch> dispatches = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class RecordTransactionAtDispatch {

        @Bean
        static BeanPostProcessor recordTransactionAtDispatch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof EventDispatcher dispatcher)) {
                        return bean;
                    }
                    return new EventDispatcher() {
                        @Override
                        public boolean dispatch(OutboundEvent event) {
                            dispatches.add(new Dispatch(event.orderId(),
                                    TransactionSynchronizationManager.isActualTransactionActive()));
                            return dispatcher.dispatch(event);
                        }

                        @Override
                        public void countInvalid(String type) {
                            dispatcher.countInvalid(type);
                        }
                    };
                }
            };
        }
    }

    @Autowired
    OrderService orders;

    @Test
    void theOutboxRowIsWrittenInTheBusinessTransaction() {
        dispatches.clear();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Youshu-Open-Id", "oTxUser");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        String orderId;
        try {
            orderId = orders.placeOrder("oTxUser", List.of(new OrderService.LineRequest("SKU-CAP-NAVY", 1)), null).id();
        }
        finally {
            RequestContextHolder.resetRequestAttributes();
        }

        // the daily totals the starter sends at startup (no order id) may be dispatched meanwhile
        assertThat(dispatches).filteredOn(dispatch -> orderId.equals(dispatch.orderId()))
                .as("give_order event, add_order item").map(Dispatch::transactionActive).containsExactly(true, true);
    }
}
