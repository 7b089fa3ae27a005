package io.github.youshu.sample.web;

import io.github.youshu.sample.coupon.CouponPurchase;
import io.github.youshu.sample.coupon.CouponService;
import io.github.youshu.sample.catalog.Catalog;
import io.github.youshu.sample.catalog.Sku;
import io.github.youshu.sample.order.OrderService;
import io.github.youshu.sample.order.OrderService.LineRequest;
import io.github.youshu.sample.order.ShopOrder;
import io.github.youshu.sample.order.ShopRefund;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's REST API as the mini-program calls it. The mini-program sends the buyer's open id,
 * page and scene in X-Youshu-* headers (see the README); the starter reads them for the reports.
 * The buyer places, pays, cancels and asks for refunds; the merchant's back office ships, completes and
 * takes returns ({@code /orders/{id}/ship}, {@code /complete}, {@code /return}).
 */
@RestController
public class ShopController {

    private final OrderService orders;
    private final CouponService coupons;
    private final Catalog catalog;

    public ShopController(OrderService orders, CouponService coupons, Catalog catalog) {
        this.orders = orders;
        this.coupons = coupons;
        this.catalog = catalog;
    }

    /**
     * Body of a new order, e.g.
     * {@code {"lines":[{"skuId":"SKU-TEE-WHITE-M","quantity":1},{"skuId":"SKU-SOCKS-GREY","quantity":2}],"couponId":"CPN-10-OFF"}}.
     */
    public record PlaceOrder(List<LineRequest> lines, String couponId) {
    }

    /** Body of WeChat Pay's payment notification (optional in the demo: a transaction id is made up). */
    public record PaymentNotice(String transactionId) {
    }

    /** Body of a coupon purchase. */
    public record BuyCoupon(String batchId, int quantity, BigDecimal price) {
    }

    @GetMapping("/products")
    public List<Sku> products() {
        return catalog.skus();
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public ShopOrder placeOrder(@RequestHeader("X-Youshu-Open-Id") String openId, @RequestBody PlaceOrder body) {
        return orders.placeOrder(openId, body.lines(), body.couponId());
    }

    @GetMapping("/orders/{id}")
    public ShopOrder order(@PathVariable String id) {
        return orders.find(id);
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
    public ShopOrder confirmPayment(@PathVariable String id, @RequestBody(required = false) PaymentNotice notice) {
        return orders.confirmPayment(id, notice == null ? null : notice.transactionId());
    }

    @PostMapping("/orders/{id}/ship")
    public ShopOrder ship(@PathVariable String id) {
        return orders.ship(id);
    }

    @PostMapping("/orders/{id}/complete")
    public ShopOrder complete(@PathVariable String id) {
        return orders.complete(id);
    }

    @PostMapping("/orders/{id}/refund")
    public ShopOrder refund(@PathVariable String id) {
        return orders.requestRefund(id);
    }

    @PostMapping("/orders/{id}/return")
    public ShopRefund completeReturn(@PathVariable String id) {
        return orders.completeReturn(id);
    }

    @PostMapping("/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    public CouponPurchase buyCoupon(@RequestHeader("X-Youshu-Open-Id") String openId, @RequestBody BuyCoupon body) {
        return coupons.buy(openId, body.batchId(), body.quantity(), body.price());
    }
}
