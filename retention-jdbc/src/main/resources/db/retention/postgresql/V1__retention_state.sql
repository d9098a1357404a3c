-- retention-jdbc schema, version 1 (PostgreSQL 14 and later). Flyway's naming: a user's Flyway may
-- run this script with the placeholder prefix set (e.g. 'retention_'); RetentionSchema.migrate
-- applies it without Flyway.

-- one row per customer the library has seen: the summaries the triggers need without reading the
-- events, and the ledger's version (the compare-and-append of redemptions)
CREATE TABLE ${prefix}customers (
    customer_id     TEXT PRIMARY KEY,
    event_count     BIGINT NOT NULL DEFAULT 0,
    order_count     BIGINT NOT NULL DEFAULT 0,
    last_order_sec  BIGINT,
    last_order_nano INTEGER,
    ledger_version  BIGINT NOT NULL DEFAULT 0
);

-- the customer's running totals of orders and refunds per currency, in minor units
CREATE TABLE ${prefix}spend (
    customer_id    TEXT NOT NULL,
    currency       CHAR(3) NOT NULL,
    ordered_minor  BIGINT NOT NULL DEFAULT 0,
    refunded_minor BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, currency)
);

-- every event; kind, order, amount and currency as columns for the money checks, the rest as JSON
CREATE TABLE ${prefix}events (
    customer_id   TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    occurred_sec  BIGINT NOT NULL,
    occurred_nano INTEGER NOT NULL,
    order_id      TEXT,
    amount_minor  BIGINT,
    currency      CHAR(3),
    body          TEXT NOT NULL,
    PRIMARY KEY (customer_id, event_id)
);
CREATE INDEX ${prefix}events_order ON ${prefix}events (customer_id, order_id) WHERE order_id IS NOT NULL;

CREATE TABLE ${prefix}profiles (
    customer_id TEXT PRIMARY KEY,
    body        TEXT NOT NULL
);

-- the campaign engine's outbox: seq keeps the recording order, due_* the claimable time
CREATE TABLE ${prefix}fire_log (
    seq         BIGSERIAL PRIMARY KEY,
    entry_key   TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    status      TEXT NOT NULL,
    due_sec     BIGINT NOT NULL,
    due_nano    INTEGER NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX ${prefix}fire_log_customer ON ${prefix}fire_log (customer_id, seq);
CREATE INDEX ${prefix}fire_log_open ON ${prefix}fire_log (due_sec, due_nano) WHERE status IN ('PENDING', 'IN_FLIGHT');

CREATE TABLE ${prefix}ledger (
    seq         BIGSERIAL PRIMARY KEY,
    customer_id TEXT NOT NULL,
    entry_key   TEXT NOT NULL,
    body        TEXT NOT NULL,
    UNIQUE (customer_id, entry_key)
);
