package io.github.youshu.expression;

/** The SpEL attributes of the report and order sync annotations, by their annotation attribute name. */
enum ReportAttribute {

    CONDITION("condition"),
    STATUS_EXPRESSION("statusExpression"),
    ORDER_ID("orderId"),
    ORDER_TIME("orderTime"),
    ORDER_AMOUNT("orderAmount"),
    PAY_AMOUNT("payAmount"),
    SUB_ORDERS("subOrders"),
    COUPON_BATCH_ID("couponBatchId"),
    COUPON_IDS("couponIds"),
    PROPS("props"),
    OPEN_ID("openId"),
    UNION_ID("unionId"),
    USER_ID("userId"),
    PAGE("page"),
    PAGE_TITLE("pageTitle"),
    SCENE("scene"),
    SHOP_ID("shopId"),
    SHOP_NAME("shopName"),
    TRACKING_ID("trackingId"),
    ORDER("order"),
    RETURN_ORDER("returnOrder"),
    STATUS_CHANGE_TIME("time");

    static final ReportAttribute[] VALUES = values();

    private final String attributeName;

    ReportAttribute(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The name of the annotation attribute, e.g. {@code orderId}. */
    String attributeName() {
        return attributeName;
    }
}
