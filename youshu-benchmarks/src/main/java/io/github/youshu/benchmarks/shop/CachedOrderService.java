package io.github.youshu.benchmarks.shop;

import org.springframework.cache.annotation.Cacheable;

/** The reference: Spring's own SpEL-on-every-call path, a {@code @Cacheable} hit on a one-expression key. */
public class CachedOrderService implements OrderService {

    private final OrderBook book;

    public CachedOrderService(OrderBook book) {
        this.book = book;
    }

    @Override
    @Cacheable(cacheNames = "orders", key = "#orderId")
    public ShopOrder pay(String orderId) {
        return book.find(orderId);
    }
}
