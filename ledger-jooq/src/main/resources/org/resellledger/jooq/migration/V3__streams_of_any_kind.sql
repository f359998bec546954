-- Streams of any kind that core registers beyond items and orders (a StreamType: proposals, provider
-- events, count sessions...). Their events are in ledger_events like every other; these two tables are
-- their projections, so the store needs no table or code per kind.

-- A stream's state as a JSON document (body) and its version: a commit moves it with
-- UPDATE ... WHERE version = expected, as it moves an item's row, so writers of one stream queue here.
CREATE TABLE ledger_streams (
  workspace_id        VARCHAR(64)  NOT NULL,
  stream_kind         VARCHAR(16)  NOT NULL,
  stream_id           VARCHAR(64)  NOT NULL,
  version             BIGINT       NOT NULL,
  body                VARCHAR      NOT NULL,
  CONSTRAINT ledger_streams_pk PRIMARY KEY (workspace_id, stream_kind, stream_id)
);

-- The unique keys those states hold, one row each: the primary key refuses a key another stream of the
-- same kind holds in the workspace, the way ledger_items_sku_uk refuses a taken SKU.
CREATE TABLE ledger_stream_keys (
  workspace_id        VARCHAR(64)  NOT NULL,
  stream_kind         VARCHAR(16)  NOT NULL,
  key_name            VARCHAR(64)  NOT NULL,
  key_value           VARCHAR(200) NOT NULL,
  stream_id           VARCHAR(64)  NOT NULL,
  CONSTRAINT ledger_stream_keys_pk PRIMARY KEY (workspace_id, stream_kind, key_name, key_value)
);

CREATE INDEX ledger_stream_keys_stream_ix ON ledger_stream_keys (workspace_id, stream_kind, stream_id);
