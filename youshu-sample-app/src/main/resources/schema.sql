CREATE TABLE IF NOT EXISTS shop_order (
    id         VARCHAR(32)    PRIMARY KEY,
    open_id    VARCHAR(64)    NOT NULL,
    status     VARCHAR(20)    NOT NULL,
    total      DECIMAL(12, 2) NOT NULL,
    payable    DECIMAL(12, 2) NOT NULL,
    created_at TIMESTAMP      NOT NULL
);

CREATE TABLE IF NOT EXISTS coupon_order (
    id         VARCHAR(32)    PRIMARY KEY,
    open_id    VARCHAR(64)    NOT NULL,
    batch_id   VARCHAR(64)    NOT NULL,
    quantity   INT            NOT NULL,
    paid       DECIMAL(12, 2) NOT NULL,
    created_at TIMESTAMP      NOT NULL
);
