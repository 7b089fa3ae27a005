package io.github.youshu.benchmarks;

import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import io.github.youshu.benchmarks.shop.ReportedOrderService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A shop that reports with the annotation, configured by the starter's auto-configuration. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ReportingShopConfiguration {

    /** Its orders: {@code bench.order-book-size} of them ({@link OrderBook#SIZE} by default). */
    @Bean
    OrderService orderService(@Value("${bench.order-book-size:" + OrderBook.SIZE + "}") int orders) {
        return new ReportedOrderService(new OrderBook(orders));
    }
}
