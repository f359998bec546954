-- Indexes for the paged reads (LedgerStore.itemPage, orderPage, eventPage) that the exception queues, the
-- daily dashboard and the weekly review make: keyset pagination within one workspace, by status or kind.
-- No table changes. Items by SKU alone and a stream's events are served by the unique keys of V1 and V4.
-- The reads order SKUs and order ids byte-wise, as String.compareTo orders their ASCII: on PostgreSQL with
-- COLLATE "C" (its default collation orders '-' and '.' otherwise), so those indexes name that collation
-- there; H2 compares that way already. The code generator skips these blocks (indexes change no table).
/* [jooq ignore start] */
${h2_only_begin}
CREATE INDEX ledger_items_status_sku_ix ON ledger_items (workspace_id, status, sku);
CREATE INDEX ledger_orders_status_placed_ix ON ledger_orders
  (workspace_id, status, placed_at, placed_at_nanos, order_id);
${h2_only_end}
${pg_only_begin}
CREATE INDEX ledger_items_status_sku_ix ON ledger_items (workspace_id, status, sku COLLATE "C");
CREATE INDEX ledger_items_sku_c_ix ON ledger_items (workspace_id, sku COLLATE "C");
CREATE INDEX ledger_orders_status_placed_ix ON ledger_orders
  (workspace_id, status, placed_at, placed_at_nanos, order_id COLLATE "C");
CREATE INDEX ledger_orders_placed_c_ix ON ledger_orders
  (workspace_id, placed_at, placed_at_nanos, order_id COLLATE "C");
${pg_only_end}
/* [jooq ignore stop] */

-- listings in a status (ERROR, DRAFT), for the items that have one
CREATE INDEX ledger_listings_status_ix ON ledger_listings (workspace_id, status, item_id);

-- events of some kinds in a range of occurred-at (sales of a day, payouts and refunds of a week)
CREATE INDEX ledger_events_kind_occurred_ix ON ledger_events (workspace_id, kind, occurred_at, seq);
