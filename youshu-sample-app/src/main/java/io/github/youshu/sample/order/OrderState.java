package io.github.youshu.sample.order;

/** The sample shop's own order states (its database values, not Youshu's: see ShopOrderMapper for those). */
public enum OrderState {
    PLACED, CANCELLED, PAYING, PAID, SHIPPED, COMPLETED, REFUND_REQUESTED, RETURNED
}
