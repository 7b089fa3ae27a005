package io.github.youshu.order.readme.sync;

/** The shop's own storage, as the README's order sync example assumes. */
public interface ShopOrderRepository {

    ShopOrder find(String orderId);

    ShopOrder save(ShopOrder order);

    Shipment ship(String orderId, String trackingNumber);

    ShopRefund completeRefund(String refundId);
}
