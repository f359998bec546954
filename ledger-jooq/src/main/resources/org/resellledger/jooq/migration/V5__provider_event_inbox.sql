-- The provider-event inbox: every delivery of a provider's message, stored as received before anything
-- else happens to it (core's org.resellledger.core.inbox). Written in SQL that both H2 and PostgreSQL
-- accept (BYTEA is H2's name for BINARY VARYING too). Every key leads with workspace_id.
--
-- One row per (workspace, dedupe key, body): ledger_inbox_body_uk makes a redelivery meet the row it
-- repeats (the store then counts it there), and ledger_inbox_key_uk numbers the rows of one key (variant 0
-- is the first, every later one is a conflict), so two writers storing the same key at once cannot both
-- make a first row. seq orders entries made at the same received-at (newest first).
CREATE TABLE ledger_inbox (
  workspace_id        VARCHAR(64)  NOT NULL,
  entry_id            VARCHAR(64)  NOT NULL,
  seq                 BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
  dedupe_key          VARCHAR(600) NOT NULL,
  variant             INTEGER      NOT NULL,
  body_digest         VARCHAR(64)  NOT NULL,
  provider            VARCHAR(32)  NOT NULL,
  account             VARCHAR(120) NOT NULL,
  topic               VARCHAR(100) NOT NULL,
  provider_event_id   VARCHAR(200) NOT NULL,
  delivery_id         VARCHAR(200),
  -- instants to the microsecond, as core keeps a provider event's
  received_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  occurred_at         TIMESTAMP(6) WITH TIME ZONE,
  body                BYTEA        NOT NULL,
  headers             VARCHAR      NOT NULL,
  signature           VARCHAR(16)  NOT NULL,
  state               VARCHAR(16)  NOT NULL,
  detail              VARCHAR(2000),
  event_ids           VARCHAR      NOT NULL,
  deliveries          INTEGER      NOT NULL,
  last_received_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  -- moved by every change of state: a settle updates WHERE version = the one it read
  version             INTEGER      NOT NULL,
  CONSTRAINT ledger_inbox_pk PRIMARY KEY (workspace_id, entry_id),
  CONSTRAINT ledger_inbox_key_uk UNIQUE (workspace_id, dedupe_key, variant),
  CONSTRAINT ledger_inbox_body_uk UNIQUE (workspace_id, dedupe_key, body_digest),
  CONSTRAINT ledger_inbox_variant_ck CHECK (variant >= 0),
  CONSTRAINT ledger_inbox_deliveries_ck CHECK (deliveries > 0)
);

-- The lists by state (parked, held, failed), newest first.
CREATE INDEX ledger_inbox_state_ix ON ledger_inbox (workspace_id, state, received_at, seq);
