package io.github.youshu.benchmarks.shop;

/** The benchmarked business method: marks an order paid and returns it. */
public interface OrderService {

    ShopOrder pay(String orderId);
}
