package io.github.youshu.benchmarks.shop;

import com.mzt.logapi.starter.annotation.LogRecord;

/**
 * The annotation-and-SpEL peer: mzt-biz-log's {@code @LogRecord}, writing one operation record
 * with the same six values (order id, order time, order amount, pay amount, open id, page) and the
 * status, from the method's result ({@code #_ret}).
 */
public class BizLogOrderService implements OrderService {

    private final OrderBook book;

    public BizLogOrderService(OrderBook book) {
        this.book = book;
    }

    @Override
    @LogRecord(type = "custom_order", subType = "payed", bizNo = "{{#_ret.id}}", operator = "{{#_ret.openId}}",
            success = "order {{#_ret.id}} placed {{#_ret.createdAt}} amount {{#_ret.total}} paid {{#_ret.paid}}",
            extra = "{{'" + BenchApp.PAGE + "'}}")
    public ShopOrder pay(String orderId) {
        return book.find(orderId);
    }
}
