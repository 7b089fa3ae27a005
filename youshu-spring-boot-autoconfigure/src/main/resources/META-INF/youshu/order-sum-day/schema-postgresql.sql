-- Youshu daily totals record for PostgreSQL. Idempotent. One row per local day (youshu.zone) whose
-- order/add_order_sum was handed to delivery: the primary key makes every instance sharing the
-- database send a day once. The starter replaces the name youshu_order_sum_day with
-- youshu.orders.daily-totals.table-name; sent_at is epoch milliseconds (UTC).
CREATE TABLE IF NOT EXISTS youshu_order_sum_day (
    ref_date DATE         NOT NULL PRIMARY KEY,
    sent_at  BIGINT       NOT NULL,
    instance VARCHAR(128) NOT NULL
);
