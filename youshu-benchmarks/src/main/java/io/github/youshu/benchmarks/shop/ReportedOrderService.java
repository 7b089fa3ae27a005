package io.github.youshu.benchmarks.shop;

import io.github.youshu.annotation.ReportOrderStatus;

/**
 * Ours: the business method reporting its {@code payed} status change with six expressions
 * (order id, order time, order amount, pay amount, open id and page) and a status literal.
 */
public class ReportedOrderService implements OrderService {

    private final OrderBook book;

    public ReportedOrderService(OrderBook book) {
        this.book = book;
    }

    @Override
    @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.createdAt",
            orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId",
            page = "'" + BenchApp.PAGE + "'")
    public ShopOrder pay(String orderId) {
        return book.find(orderId);
    }
}
