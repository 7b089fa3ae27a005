package io.github.youshu.sample.web;

import io.github.youshu.sample.coupon.CouponPurchase;
import io.github.youshu.sample.coupon.CouponService;
import io.github.youshu.sample.order.OrderService;
import io.github.youshu.sample.order.ShopOrder;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's REST API as the mini-program calls it. The mini-program sends the buyer's open id,
 * page and scene in X-Youshu-* headers (see the README); the starter reads them for the reports.
 */
@RestController
public class ShopController {

    private final OrderService orders;
    private final CouponService coupons;

    public ShopController(OrderService orders, CouponService coupons) {
        this.orders = orders;
        this.coupons = coupons;
    }

    /** Body of a new order. */
    public record PlaceOrder(BigDecimal total, BigDecimal payable) {
    }

    /** Body of a coupon purchase. */
    public record BuyCoupon(String batchId, int quantity, BigDecimal price) {
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public ShopOrder placeOrder(@RequestHeader("X-Youshu-Open-Id") String openId, @RequestBody PlaceOrder body) {
        return orders.placeOrder(openId, body.total(), body.payable());
    }

    @PostMapping("/orders/{id}/cancel")
    public ShopOrder cancel(@PathVariable String id) {
        return orders.cancelOrder(id);
    }

    @PostMapping("/orders/{id}/payment")
    public ShopOrder startPayment(@PathVariable String id) {
        return orders.startPayment(id);
    }

    @PostMapping("/orders/{id}/payment/close")
    public ShopOrder closePayment(@PathVariable String id) {
        return orders.closePayment(id);
    }

    @PostMapping("/orders/{id}/payment/confirm")
    public ShopOrder confirmPayment(@PathVariable String id) {
        return orders.confirmPayment(id);
    }

    @PostMapping("/orders/{id}/refund")
    public ShopOrder refund(@PathVariable String id) {
        return orders.requestRefund(id);
    }

    @PostMapping("/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    public CouponPurchase buyCoupon(@RequestHeader("X-Youshu-Open-Id") String openId, @RequestBody BuyCoupon body) {
        return coupons.buy(openId, body.batchId(), body.quantity(), body.price());
    }
}
