package io.github.youshu.benchmarks.checkout;

import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import io.github.youshu.benchmarks.shop.PlainOrderService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checkout with nothing reported: the business method with nothing around it. */
@Configuration(proxyBeanMethods = false)
public class BareCheckoutConfiguration {

    @Bean
    OrderService orderService() {
        return new PlainOrderService(new OrderBook());
    }
}
