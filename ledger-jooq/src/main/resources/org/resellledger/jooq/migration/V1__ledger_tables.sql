-- resell ledger: events (append-only), provider receipts, and the projections rebuilt from the events.
-- Written in SQL that both H2 and PostgreSQL accept. A PostgreSQL-only block sits between jOOQ's ignore
-- markers (the code generator skips it) and between the pg_only_begin / pg_only_end Flyway placeholders,
-- which the store sets to nothing on PostgreSQL and to a block-comment opener and closer on H2.
-- Every table leads with workspace_id: every query is scoped to one workspace and served by an index on it.

-- Every fact, never updated or deleted. seq is the global commit order; the unique stream version is the
-- optimistic-concurrency constraint: two writers appending the same version to a stream cannot both commit.
CREATE TABLE ledger_events (
  seq                 BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
  workspace_id        VARCHAR(64)  NOT NULL,
  event_id            VARCHAR(64)  NOT NULL,
  stream_kind         VARCHAR(16)  NOT NULL,
  stream_id           VARCHAR(64)  NOT NULL,
  version             BIGINT       NOT NULL,
  kind                VARCHAR(64)  NOT NULL,
  item_id             VARCHAR(64),
  listing_id          VARCHAR(64),
  order_id            VARCHAR(64),
  movement_qty        INTEGER,
  movement_from       VARCHAR(16),
  movement_to         VARCHAR(16),
  source              VARCHAR(16)  NOT NULL,
  actor_kind          VARCHAR(16)  NOT NULL,
  actor_name          VARCHAR(120) NOT NULL,
  -- timestamps keep microseconds (PostgreSQL's precision); the *_nanos columns keep the 0-999 nanoseconds
  -- below that, so an event reads back exactly as it was written
  occurred_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  occurred_at_nanos   INTEGER      NOT NULL,
  recorded_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  recorded_at_nanos   INTEGER      NOT NULL,
  provider            VARCHAR(32),
  provider_event_id   VARCHAR(200),
  reason              VARCHAR(1000),
  causation           VARCHAR(200),
  payload             VARCHAR      NOT NULL,
  CONSTRAINT ledger_events_pk PRIMARY KEY (seq),
  CONSTRAINT ledger_events_stream_version_uk UNIQUE (workspace_id, stream_kind, stream_id, version),
  CONSTRAINT ledger_events_event_id_uk UNIQUE (workspace_id, event_id),
  CONSTRAINT ledger_events_movement_ck CHECK (
    (movement_qty IS NULL AND movement_from IS NULL AND movement_to IS NULL)
    OR (movement_qty > 0 AND movement_from IS NOT NULL AND movement_to IS NOT NULL))
);

CREATE INDEX ledger_events_workspace_seq_ix ON ledger_events (workspace_id, seq);

-- A provider event applied once per workspace: idempotency is this primary key, not a check-then-insert.
CREATE TABLE ledger_receipts (
  workspace_id        VARCHAR(64)  NOT NULL,
  provider            VARCHAR(32)  NOT NULL,
  provider_event_id   VARCHAR(200) NOT NULL,
  fingerprint         VARCHAR(128) NOT NULL,
  event_ids           VARCHAR      NOT NULL,
  CONSTRAINT ledger_receipts_pk PRIMARY KEY (workspace_id, provider, provider_event_id)
);

-- Projection: an item as its stream says it is now. details, balances and conflicts are JSON.
-- version is the item stream's version: a commit moves it with UPDATE ... WHERE version = expected, so
-- writers of one item queue on this row and the loser updates 0 rows; writers of other items never meet.
CREATE TABLE ledger_items (
  workspace_id        VARCHAR(64)  NOT NULL,
  item_id             VARCHAR(64)  NOT NULL,
  sku                 VARCHAR(64)  NOT NULL,
  status              VARCHAR(32)  NOT NULL,
  version             BIGINT       NOT NULL,
  lot_units           BIGINT       NOT NULL,
  details             VARCHAR      NOT NULL,
  balances            VARCHAR      NOT NULL,
  conflicts           VARCHAR      NOT NULL,
  CONSTRAINT ledger_items_pk PRIMARY KEY (workspace_id, item_id),
  CONSTRAINT ledger_items_sku_uk UNIQUE (workspace_id, sku)
);

-- Projection: the listings of items, in the order they were created (position within the item).
-- NULL external ids are distinct on both databases, so the unique key holds only where one is set.
CREATE TABLE ledger_listings (
  workspace_id        VARCHAR(64)  NOT NULL,
  listing_id          VARCHAR(64)  NOT NULL,
  item_id             VARCHAR(64)  NOT NULL,
  position            INTEGER      NOT NULL,
  channel             VARCHAR(32)  NOT NULL,
  external_id         VARCHAR(100),
  status              VARCHAR(16)  NOT NULL,
  last_error          VARCHAR(2000),
  details             VARCHAR      NOT NULL,
  CONSTRAINT ledger_listings_pk PRIMARY KEY (workspace_id, listing_id),
  CONSTRAINT ledger_listings_external_id_uk UNIQUE (workspace_id, channel, external_id)
);

CREATE INDEX ledger_listings_item_ix ON ledger_listings (workspace_id, item_id, position);

-- Projection: an order as its stream says it is now; what no query needs is in body (JSON). version is
-- the order stream's version, checked like the item's.
CREATE TABLE ledger_orders (
  workspace_id        VARCHAR(64)  NOT NULL,
  order_id            VARCHAR(64)  NOT NULL,
  channel             VARCHAR(32)  NOT NULL,
  external_order_id   VARCHAR(200),
  status              VARCHAR(32)  NOT NULL,
  placed_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  placed_at_nanos     INTEGER      NOT NULL,
  version             BIGINT       NOT NULL,
  body                VARCHAR      NOT NULL,
  CONSTRAINT ledger_orders_pk PRIMARY KEY (workspace_id, order_id),
  CONSTRAINT ledger_orders_external_id_uk UNIQUE (workspace_id, channel, external_order_id)
);

CREATE INDEX ledger_orders_placed_ix ON ledger_orders (workspace_id, placed_at, placed_at_nanos, order_id);

-- PostgreSQL refuses to change or remove an event, whoever asks (the store itself has no such path).
/* [jooq ignore start] */
${pg_only_begin}
CREATE FUNCTION ledger_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_events is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER ledger_events_append_only
  BEFORE UPDATE OR DELETE ON ledger_events
  FOR EACH ROW EXECUTE FUNCTION ledger_events_refuse_change();

CREATE TRIGGER ledger_events_no_truncate
  BEFORE TRUNCATE ON ledger_events
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_refuse_change();
${pg_only_end}
/* [jooq ignore stop] */
