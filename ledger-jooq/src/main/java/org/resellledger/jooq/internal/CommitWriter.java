package org.resellledger.jooq.internal;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.max;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.DuplicateReceiptException;
import org.resellledger.core.store.Receipt;
import org.resellledger.jooq.internal.mapping.EventRows;
import org.resellledger.jooq.internal.mapping.ItemRows;
import org.resellledger.jooq.internal.mapping.OrderRows;
import org.resellledger.jooq.internal.mapping.ReceiptRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerOrdersRecord;

/**
 * Writes one {@link Commit} inside the caller's transaction. An item's or order's projection row carries
 * its stream's version, so the row is also the stream's head:
 *
 * <ol>
 *   <li>every stream the commit names, in one fixed order (items, then orders, each by id):
 *       <ul>
 *         <li>an existing stream it writes: {@code UPDATE <projection> SET ..., version = new WHERE
 *             version = expected}. Writers of one stream queue on that row; the loser finds 0 rows (see
 *             {@link Database} for how PostgreSQL and H2 get there) and the commit is a stale version;
 *         <li>a new stream: {@code INSERT} of its projection; a row already there is a stale version;
 *         <li>a stream it only read: {@code UPDATE ... SET version = version WHERE version = expected},
 *             which checks and locks it, so nobody moves it before this commit ends.
 *       </ul>
 *       All UPDATEs of a kind go in one JDBC batch and all INSERTs in multi-row statements, so a sale is one
 *       round trip per kind of row. Rows are locked in one global order, so two commits never deadlock on
 *       them;
 *   <li>insert the receipt: its primary key refuses a provider event recorded before, or being recorded by
 *       a concurrent commit (PostgreSQL makes us wait for that one to end);
 *   <li>insert the events: the unique (stream, version) is a second guard behind the projection rows;
 *   <li>upsert the items' listings: the unique external id refuses one another listing holds.
 * </ol>
 *
 * A stream whose projection the commit does not carry (the port says it always does, but the store does
 * not rely on it) is checked against the highest version among its events instead. Any refusal throws
 * before the caller commits, so the transaction rolls back and nothing is written.
 */
public final class CommitWriter {
  /** Rows per multi-row INSERT: keeps the bind values of one statement well below driver limits. */
  private static final int ROWS_PER_INSERT = 500;
  private static final Field<?>[] EVENT_COLUMNS = Arrays.stream(LEDGER_EVENTS.fields())
      .filter(f -> !f.equals(LEDGER_EVENTS.SEQ))
      .toArray(Field<?>[]::new);

  /** Items before orders, each by id: the order in which a commit locks projection rows. */
  private static final Comparator<StreamId> LOCK_ORDER =
      Comparator.comparing((StreamId s) -> s.kind()).thenComparing(StreamId::id);

  private CommitWriter() {}

  public static void write(DSLContext dsl, Commit c) {
    WorkspaceId ws = c.workspace();
    Set<StreamId> written = new HashSet<>();
    c.events().forEach(e -> written.add(e.stream()));
    Map<StreamId, ItemRows.Rows> items = new TreeMap<>(LOCK_ORDER);
    c.items().forEach(i -> items.put(StreamId.of(i.id()), ItemRows.toRows(ws, i)));
    Map<StreamId, LedgerOrdersRecord> orders = new TreeMap<>(LOCK_ORDER);
    c.orders().forEach(o -> orders.put(StreamId.of(o.id()), OrderRows.toRecord(ws, o)));

    // items, then orders, each by id: one global lock order, so two commits never deadlock on these rows
    Map<StreamId, LedgerItemsRecord> itemRows = new TreeMap<>(LOCK_ORDER);
    items.forEach((stream, rows) -> itemRows.put(stream, rows.item()));
    new ItemHeads(dsl, ws).write(itemRows, c.expectedVersions());
    new OrderHeads(dsl, ws).write(orders, c.expectedVersions());
    List<StreamId> others = new ArrayList<>(c.expectedVersions().keySet());
    others.removeIf(s -> items.containsKey(s) || orders.containsKey(s));
    others.sort(LOCK_ORDER);
    for (StreamId stream : others) {
      checkWithoutProjection(dsl, ws, stream, c.expectedVersions().get(stream), written.contains(stream));
    }
    c.receipt().ifPresent(r -> insertReceipt(dsl, ws, r));
    guarded("an event's stream version or id is taken", () -> insertEvents(dsl, c.events()));
    List<LedgerListingsRecord> listings = new ArrayList<>();
    items.values().forEach(rows -> listings.addAll(rows.listings()));
    guarded("a channel's external listing id is taken", () -> upsertListings(dsl, listings));
  }

  // ---- projections as stream heads ---------------------------------------------------------------------

  /**
   * Writes projection rows as their streams' heads, each kind of statement for all rows at once: one JDBC
   * batch of version-checked UPDATEs for the existing streams, multi-row INSERTs for the new ones.
   */
  private abstract static class Heads<R extends TableRecord<R>> {
    final DSLContext dsl;
    final WorkspaceId ws;

    Heads(DSLContext dsl, WorkspaceId ws) {
      this.dsl = dsl;
      this.ws = ws;
    }

    abstract Table<R> table();

    /** The unique key other than the primary key, for the message when it is taken. */
    abstract String uniqueKey();

    /** The version-checked UPDATE, its values as placeholders (bound per row by {@link #updateBinds}). */
    abstract Query update();

    abstract Object[] updateBinds(R row, long expected);

    abstract Condition row(StreamId stream);

    abstract Field<Long> version();

    abstract int upsert(R row);

    void write(Map<StreamId, R> rows, Map<StreamId, Long> expectedVersions) {
      List<StreamId> updates = new ArrayList<>();
      List<R> inserts = new ArrayList<>();
      for (Map.Entry<StreamId, R> e : rows.entrySet()) {
        Long expected = expectedVersions.get(e.getKey());
        if (expected == null) {
          guarded(uniqueKey() + " is taken", () -> upsert(e.getValue()));
        } else if (expected > 0) {
          updates.add(e.getKey());
        } else {
          inserts.add(e.getValue());
        }
      }
      if (!updates.isEmpty()) {
        BatchBindStep batch = dsl.batch(update());
        for (StreamId stream : updates) {
          batch = batch.bind(updateBinds(rows.get(stream), expectedVersions.get(stream)));
        }
        int[] moved = guardedBatch(uniqueKey() + " is taken", batch);
        for (int i = 0; i < updates.size(); i++) {
          if (moved[i] == 0) {
            StreamId stream = updates.get(i);
            requireMissingAt(dsl, ws, stream, expectedVersions.get(stream),
                dsl.select(version()).from(table()).where(row(stream)).fetchOptional(version()));
            inserts.add(rows.get(stream));
          }
        }
      }
      for (List<R> chunk : chunks(inserts)) {
        try {
          var insert = dsl.insertInto(table()).columns(table().fields());
          for (R r : chunk) {
            insert = insert.values(r.intoList());
          }
          insert.execute();
        } catch (DataAccessException e) {
          if (SqlFailures.isUniqueViolation(e)) {
            throw new ConcurrencyException("a new stream exists already, or " + uniqueKey() + " is taken: "
                + SqlFailures.message(e), e);
          }
          throw e;
        }
      }
    }
  }

  private static final class ItemHeads extends Heads<LedgerItemsRecord> {
    ItemHeads(DSLContext dsl, WorkspaceId ws) {
      super(dsl, ws);
    }

    @Override
    Table<LedgerItemsRecord> table() {
      return LEDGER_ITEMS;
    }

    @Override
    String uniqueKey() {
      return "a SKU";
    }

    @Override
    Query update() {
      return dsl.update(LEDGER_ITEMS)
          .set(LEDGER_ITEMS.SKU, (String) null)
          .set(LEDGER_ITEMS.STATUS, (String) null)
          .set(LEDGER_ITEMS.VERSION, (Long) null)
          .set(LEDGER_ITEMS.LOT_UNITS, (Long) null)
          .set(LEDGER_ITEMS.DETAILS, (String) null)
          .set(LEDGER_ITEMS.BALANCES, (String) null)
          .set(LEDGER_ITEMS.CONFLICTS, (String) null)
          .where(LEDGER_ITEMS.WORKSPACE_ID.eq((String) null))
          .and(LEDGER_ITEMS.ITEM_ID.eq((String) null))
          .and(LEDGER_ITEMS.VERSION.eq((Long) null));
    }

    @Override
    Object[] updateBinds(LedgerItemsRecord r, long expected) {
      return new Object[] {r.getSku(), r.getStatus(), r.getVersion(), r.getLotUnits(), r.getDetails(),
          r.getBalances(), r.getConflicts(), r.getWorkspaceId(), r.getItemId(), expected};
    }

    @Override
    Condition row(StreamId stream) {
      return LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ITEMS.ITEM_ID.eq(stream.id()));
    }

    @Override
    Field<Long> version() {
      return LEDGER_ITEMS.VERSION;
    }

    @Override
    int upsert(LedgerItemsRecord r) {
      return upsertItem(dsl, r);
    }
  }

  private static final class OrderHeads extends Heads<LedgerOrdersRecord> {
    OrderHeads(DSLContext dsl, WorkspaceId ws) {
      super(dsl, ws);
    }

    @Override
    Table<LedgerOrdersRecord> table() {
      return LEDGER_ORDERS;
    }

    @Override
    String uniqueKey() {
      return "a channel's external order id";
    }

    @Override
    Query update() {
      return dsl.update(LEDGER_ORDERS)
          .set(LEDGER_ORDERS.CHANNEL, (String) null)
          .set(LEDGER_ORDERS.EXTERNAL_ORDER_ID, (String) null)
          .set(LEDGER_ORDERS.STATUS, (String) null)
          .set(LEDGER_ORDERS.PLACED_AT, (OffsetDateTime) null)
          .set(LEDGER_ORDERS.PLACED_AT_NANOS, (Integer) null)
          .set(LEDGER_ORDERS.VERSION, (Long) null)
          .set(LEDGER_ORDERS.BODY, (String) null)
          .where(LEDGER_ORDERS.WORKSPACE_ID.eq((String) null))
          .and(LEDGER_ORDERS.ORDER_ID.eq((String) null))
          .and(LEDGER_ORDERS.VERSION.eq((Long) null));
    }

    @Override
    Object[] updateBinds(LedgerOrdersRecord r, long expected) {
      return new Object[] {r.getChannel(), r.getExternalOrderId(), r.getStatus(), r.getPlacedAt(),
          r.getPlacedAtNanos(), r.getVersion(), r.getBody(), r.getWorkspaceId(), r.getOrderId(), expected};
    }

    @Override
    Condition row(StreamId stream) {
      return LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ORDERS.ORDER_ID.eq(stream.id()));
    }

    @Override
    Field<Long> version() {
      return LEDGER_ORDERS.VERSION;
    }

    @Override
    int upsert(LedgerOrdersRecord r) {
      return upsertOrders(dsl, List.of(r));
    }
  }

  /** A stream the commit names without its projection: only read, or written by a commit without it. */
  private static void checkWithoutProjection(DSLContext dsl, WorkspaceId ws, StreamId stream, long expected,
      boolean writes) {
    if (!writes && expected > 0) {
      // lock the row the stream's writers update, so that it cannot move before this commit ends
      int locked = stream.kind() == StreamId.Kind.ITEM
          ? dsl.update(LEDGER_ITEMS).set(LEDGER_ITEMS.VERSION, LEDGER_ITEMS.VERSION)
              .where(LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ITEMS.ITEM_ID.eq(stream.id()))
                  .and(LEDGER_ITEMS.VERSION.eq(expected))).execute()
          : dsl.update(LEDGER_ORDERS).set(LEDGER_ORDERS.VERSION, LEDGER_ORDERS.VERSION)
              .where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ORDERS.ORDER_ID.eq(stream.id()))
                  .and(LEDGER_ORDERS.VERSION.eq(expected))).execute();
      if (locked == 1) {
        return;
      }
    }
    long actual = eventsVersion(dsl, ws, stream);
    if (actual != expected) {
      throw stale(stream, actual, expected);
    }
  }

  /**
   * After an update found no row at the expected version: stale if the row is there at another version;
   * if there is no row (projections replaced without it), the stream's events decide.
   */
  private static void requireMissingAt(DSLContext dsl, WorkspaceId ws, StreamId stream, long expected,
      java.util.Optional<Long> projectionVersion) {
    if (projectionVersion.isPresent()) {
      throw stale(stream, projectionVersion.get(), expected);
    }
    long actual = eventsVersion(dsl, ws, stream);
    if (actual != expected) {
      throw stale(stream, actual, expected);
    }
  }

  private static long eventsVersion(DSLContext dsl, WorkspaceId ws, StreamId stream) {
    Long v = dsl.select(max(LEDGER_EVENTS.VERSION)).from(LEDGER_EVENTS)
        .where(LEDGER_EVENTS.WORKSPACE_ID.eq(ws.value())
            .and(LEDGER_EVENTS.STREAM_KIND.eq(stream.kind().name()))
            .and(LEDGER_EVENTS.STREAM_ID.eq(stream.id())))
        .fetchOne(0, Long.class);
    return v == null ? 0 : v;
  }

  private static ConcurrencyException stale(StreamId stream, long actual, long expected) {
    return new ConcurrencyException(stream + " is at version " + actual + ", expected " + expected);
  }

  // ---- receipt and events ------------------------------------------------------------------------------

  private static void insertReceipt(DSLContext dsl, WorkspaceId ws, Receipt receipt) {
    try {
      dsl.executeInsert(ReceiptRows.toRecord(ws, receipt));
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        DuplicateReceiptException duplicate = new DuplicateReceiptException(receipt.provider());
        duplicate.initCause(e);
        throw duplicate;
      }
      throw e;
    }
  }

  private static int insertEvents(DSLContext dsl, List<LedgerEvent> events) {
    List<LedgerEventsRecord> rows = events.stream().map(EventRows::toRecord).toList();
    for (List<LedgerEventsRecord> chunk : chunks(rows)) {
      var insert = dsl.insertInto(LEDGER_EVENTS).columns(EVENT_COLUMNS);
      for (LedgerEventsRecord r : chunk) {
        List<Object> values = new ArrayList<>(EVENT_COLUMNS.length);
        for (Field<?> f : EVENT_COLUMNS) {
          values.add(r.get(f));
        }
        insert = insert.values(values);
      }
      insert.execute();
    }
    return rows.size();
  }

  // ---- replacing projections, and commits that name no version ----------------------------------------

  /**
   * Inserts items, their listings and orders into projection tables emptied for the workspace: plain
   * multi-row INSERTs, no upsert needed. A later copy of the same item or order in a list wins, as in memory.
   */
  public static void insertProjections(DSLContext dsl, WorkspaceId ws, List<Item> items, List<Order> orders) {
    Map<Object, Item> latestItems = new LinkedHashMap<>();
    items.forEach(i -> latestItems.put(i.id(), i));
    List<LedgerItemsRecord> itemRows = new ArrayList<>();
    List<LedgerListingsRecord> listingRows = new ArrayList<>();
    for (Item item : latestItems.values()) {
      ItemRows.Rows rows = ItemRows.toRows(ws, item);
      itemRows.add(rows.item());
      listingRows.addAll(rows.listings());
    }
    Map<Object, Order> latestOrders = new LinkedHashMap<>();
    orders.forEach(o -> latestOrders.put(o.id(), o));
    guarded("a SKU is given twice", () -> insertRows(dsl, LEDGER_ITEMS, itemRows));
    guarded("a channel's external listing id is given twice", () -> insertRows(dsl, LEDGER_LISTINGS, listingRows));
    guarded("a channel's external order id is given twice", () -> insertRows(dsl, LEDGER_ORDERS,
        latestOrders.values().stream().map(o -> OrderRows.toRecord(ws, o)).toList()));
  }

  private static <R extends TableRecord<R>> int insertRows(DSLContext dsl, Table<R> table, List<R> rows) {
    for (List<R> chunk : chunks(rows)) {
      var insert = dsl.insertInto(table).columns(table.fields());
      for (R r : chunk) {
        insert = insert.values(r.intoList());
      }
      insert.execute();
    }
    return rows.size();
  }

  private static int upsertItem(DSLContext dsl, LedgerItemsRecord r) {
    return dsl.insertInto(LEDGER_ITEMS)
        .set(r)
        .onConflict(LEDGER_ITEMS.WORKSPACE_ID, LEDGER_ITEMS.ITEM_ID)
        .doUpdate()
        .set(LEDGER_ITEMS.SKU, r.getSku())
        .set(LEDGER_ITEMS.STATUS, r.getStatus())
        .set(LEDGER_ITEMS.VERSION, r.getVersion())
        .set(LEDGER_ITEMS.LOT_UNITS, r.getLotUnits())
        .set(LEDGER_ITEMS.DETAILS, r.getDetails())
        .set(LEDGER_ITEMS.BALANCES, r.getBalances())
        .set(LEDGER_ITEMS.CONFLICTS, r.getConflicts())
        .execute();
  }

  private static int upsertListings(DSLContext dsl, List<LedgerListingsRecord> listings) {
    for (List<LedgerListingsRecord> chunk : chunks(listings)) {
      var insert = dsl.insertInto(LEDGER_LISTINGS).columns(LEDGER_LISTINGS.fields());
      for (LedgerListingsRecord l : chunk) {
        insert = insert.values(l.intoList());
      }
      insert.onConflict(LEDGER_LISTINGS.WORKSPACE_ID, LEDGER_LISTINGS.LISTING_ID)
          .doUpdate()
          .set(LEDGER_LISTINGS.ITEM_ID, excluded(LEDGER_LISTINGS.ITEM_ID))
          .set(LEDGER_LISTINGS.POSITION, excluded(LEDGER_LISTINGS.POSITION))
          .set(LEDGER_LISTINGS.CHANNEL, excluded(LEDGER_LISTINGS.CHANNEL))
          .set(LEDGER_LISTINGS.EXTERNAL_ID, excluded(LEDGER_LISTINGS.EXTERNAL_ID))
          .set(LEDGER_LISTINGS.STATUS, excluded(LEDGER_LISTINGS.STATUS))
          .set(LEDGER_LISTINGS.LAST_ERROR, excluded(LEDGER_LISTINGS.LAST_ERROR))
          .set(LEDGER_LISTINGS.DETAILS, excluded(LEDGER_LISTINGS.DETAILS))
          .execute();
    }
    return listings.size();
  }

  private static int upsertOrders(DSLContext dsl, List<LedgerOrdersRecord> rows) {
    for (List<LedgerOrdersRecord> chunk : chunks(rows)) {
      var insert = dsl.insertInto(LEDGER_ORDERS).columns(LEDGER_ORDERS.fields());
      for (LedgerOrdersRecord o : chunk) {
        insert = insert.values(o.intoList());
      }
      insert.onConflict(LEDGER_ORDERS.WORKSPACE_ID, LEDGER_ORDERS.ORDER_ID)
          .doUpdate()
          .set(LEDGER_ORDERS.CHANNEL, excluded(LEDGER_ORDERS.CHANNEL))
          .set(LEDGER_ORDERS.EXTERNAL_ORDER_ID, excluded(LEDGER_ORDERS.EXTERNAL_ORDER_ID))
          .set(LEDGER_ORDERS.STATUS, excluded(LEDGER_ORDERS.STATUS))
          .set(LEDGER_ORDERS.PLACED_AT, excluded(LEDGER_ORDERS.PLACED_AT))
          .set(LEDGER_ORDERS.PLACED_AT_NANOS, excluded(LEDGER_ORDERS.PLACED_AT_NANOS))
          .set(LEDGER_ORDERS.VERSION, excluded(LEDGER_ORDERS.VERSION))
          .set(LEDGER_ORDERS.BODY, excluded(LEDGER_ORDERS.BODY))
          .execute();
    }
    return rows.size();
  }

  private static int[] guardedBatch(String what, BatchBindStep batch) {
    try {
      return batch.execute();
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException(what + ": " + SqlFailures.message(e), e);
      }
      throw e;
    }
  }

  private static int guarded(String what, java.util.function.IntSupplier step) {
    try {
      return step.getAsInt();
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException(what + ": " + SqlFailures.message(e), e);
      }
      throw e;
    }
  }

  static <T> List<List<T>> chunks(List<T> rows) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
    }
    return chunks;
  }
}
