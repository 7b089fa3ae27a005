CREATE TABLE IF NOT EXISTS product_sku (
    sku_id     VARCHAR(32)    PRIMARY KEY,
    spu_id     VARCHAR(32)    NOT NULL,
    spu_name   VARCHAR(64)    NOT NULL,
    name       VARCHAR(64)    NOT NULL,
    price      DECIMAL(12, 2) NOT NULL
);

CREATE TABLE IF NOT EXISTS shop_coupon (
    coupon_id  VARCHAR(32)    PRIMARY KEY,
    batch_id   VARCHAR(32)    NOT NULL,
    name       VARCHAR(64)    NOT NULL,
    amount     DECIMAL(12, 2) NOT NULL
);

-- total: the goods' amount; coupon_amount: taken off by the coupon; payable = total - coupon_amount.
-- created_on / paid_on: the local day (youshu.zone) the order was placed / paid, for the daily totals.
CREATE TABLE IF NOT EXISTS shop_order (
    id             VARCHAR(32)    PRIMARY KEY,
    open_id        VARCHAR(64)    NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    total          DECIMAL(12, 2) NOT NULL,
    coupon_id      VARCHAR(32),
    coupon_amount  DECIMAL(12, 2) NOT NULL,
    payable        DECIMAL(12, 2) NOT NULL,
    transaction_id VARCHAR(32),
    created_at     TIMESTAMP      NOT NULL,
    created_on     DATE           NOT NULL,
    paid_at        TIMESTAMP,
    paid_on        DATE,
    updated_at     TIMESTAMP      NOT NULL
);

-- amount = unit_price * quantity; payment_amount: the line's share of what the buyer pays (after the coupon).
CREATE TABLE IF NOT EXISTS shop_order_line (
    order_id       VARCHAR(32)    NOT NULL,
    line_no        INT            NOT NULL,
    sku_id         VARCHAR(32)    NOT NULL,
    quantity       INT            NOT NULL,
    unit_price     DECIMAL(12, 2) NOT NULL,
    payment_amount DECIMAL(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE IF NOT EXISTS shop_refund (
    id           VARCHAR(32)    PRIMARY KEY,
    order_id     VARCHAR(32)    NOT NULL,
    amount       DECIMAL(12, 2) NOT NULL,
    completed_at TIMESTAMP      NOT NULL
);

CREATE TABLE IF NOT EXISTS coupon_order (
    id         VARCHAR(32)    PRIMARY KEY,
    open_id    VARCHAR(64)    NOT NULL,
    batch_id   VARCHAR(64)    NOT NULL,
    quantity   INT            NOT NULL,
    paid       DECIMAL(12, 2) NOT NULL,
    created_at TIMESTAMP      NOT NULL
);
