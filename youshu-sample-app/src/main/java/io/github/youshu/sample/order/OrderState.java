package io.github.youshu.sample.order;

/** The sample shop's own order states (its database values, not Youshu's). */
public enum OrderState {
    PLACED, CANCELLED, PAYING, PAID, REFUND_REQUESTED
}
