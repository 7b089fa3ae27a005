-- Youshu outbox table for MySQL 8+ and MariaDB 10.6+. Idempotent. The starter replaces the name
-- youshu_outbox with youshu.outbox.table-name; times are epoch milliseconds (UTC).
-- The index youshu_outbox_due serves the claim (status = 'pending' AND next_attempt_at <= now,
-- oldest first), the purge of done rows and the dead-letter listing; youshu_outbox_order the
-- claim's per-order check (no earlier pending event of the same order_id). MySQL has no CREATE
-- INDEX IF NOT EXISTS: on a table made by an earlier version the starter adds youshu_outbox_order when it
-- initializes the schema (or see the README for the ALTER TABLE). The same holds for the column
-- route (where a row goes: 'events', or a data-api path such as 'order/add_order').
CREATE TABLE IF NOT EXISTS youshu_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    event_type       VARCHAR(255)  NOT NULL,
    route            VARCHAR(64)   DEFAULT 'events' NOT NULL,
    order_id         VARCHAR(255),
    payload          MEDIUMTEXT    NOT NULL,
    payload_bytes    INT           NOT NULL,
    created_at       BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    claim_owner      VARCHAR(128),
    lease_expires_at BIGINT,
    last_error       VARCHAR(1000),
    PRIMARY KEY (id),
    INDEX youshu_outbox_due (status, next_attempt_at, id),
    INDEX youshu_outbox_order (order_id, status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
