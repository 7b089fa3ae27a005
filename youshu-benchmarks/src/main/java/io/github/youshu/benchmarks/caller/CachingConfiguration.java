package io.github.youshu.benchmarks.caller;

import io.github.youshu.benchmarks.shop.CachedOrderService;
import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference context: Spring caching over a {@link ConcurrentMapCacheManager}, nothing else. */
@Configuration(proxyBeanMethods = false)
@EnableCaching(proxyTargetClass = true)
public class CachingConfiguration {

    @Bean
    CacheManager cacheManager() {
        return new ConcurrentMapCacheManager("orders");
    }

    @Bean
    OrderService orderService() {
        return new CachedOrderService(new OrderBook());
    }
}
