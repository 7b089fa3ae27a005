package io.github.youshu.benchmarks.checkout;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Spring Modulith's JDBC event publication registry: an {@link OrderPaid} published inside the
 * checkout transaction is written to {@code event_publication} with it, and an
 * {@link ApplicationModuleListener} (asynchronous, after commit) completes it — the registry's
 * equivalent of the starter's outbox row and relay.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableAsync
public class ModulithCheckoutConfiguration {

    @Bean
    OrderPaidListener orderPaidListener() {
        return new OrderPaidListener();
    }

    /** Counts the events it receives (where the application would call Youshu). */
    public static class OrderPaidListener {

        private final AtomicLong received = new AtomicLong();

        @ApplicationModuleListener
        public void on(OrderPaid event) {
            received.incrementAndGet();
        }

        public long received() {
            return received.get();
        }
    }
}
