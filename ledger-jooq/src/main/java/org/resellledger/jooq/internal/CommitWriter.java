package org.resellledger.jooq.internal;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.max;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
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
 *       Rows are locked in one global order, so two commits never deadlock on them;
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

  private CommitWriter() {}

  public static void write(DSLContext dsl, Commit c) {
    WorkspaceId ws = c.workspace();
    Map<StreamId, long[]> written = new LinkedHashMap<>();
    for (LedgerEvent e : c.events()) {
      written.computeIfAbsent(e.stream(), s -> new long[] {e.version(), e.version()})[1] = e.version();
    }
    Map<StreamId, Item> items = new LinkedHashMap<>();
    c.items().forEach(i -> items.put(StreamId.of(i.id()), i));
    Map<StreamId, Order> orders = new LinkedHashMap<>();
    c.orders().forEach(o -> orders.put(StreamId.of(o.id()), o));

    Set<StreamId> streams = new HashSet<>(c.expectedVersions().keySet());
    streams.addAll(written.keySet());
    streams.addAll(items.keySet());
    streams.addAll(orders.keySet());
    List<StreamId> inLockOrder = new ArrayList<>(streams);
    inLockOrder.sort(Comparator.comparing((StreamId s) -> s.kind()).thenComparing(StreamId::id));
    for (StreamId stream : inLockOrder) {
      Long expected = c.expectedVersions().get(stream);
      if (items.containsKey(stream)) {
        writeItem(dsl, ws, stream, expected, items.get(stream));
      } else if (orders.containsKey(stream)) {
        writeOrder(dsl, ws, stream, expected, orders.get(stream));
      } else if (expected != null) {
        checkWithoutProjection(dsl, ws, stream, expected, written.containsKey(stream));
      }
    }
    c.receipt().ifPresent(r -> insertReceipt(dsl, ws, r));
    guarded("an event's stream version or id is taken", () -> insertEvents(dsl, c.events()));
    for (Item item : items.values()) {
      guarded("a channel's external listing id is taken",
          () -> upsertListings(dsl, ItemRows.toRows(ws, item).listings()));
    }
  }

  // ---- projections as stream heads ---------------------------------------------------------------------

  private static void writeItem(DSLContext dsl, WorkspaceId ws, StreamId stream, Long expected, Item item) {
    LedgerItemsRecord r = ItemRows.toRows(ws, item).item();
    Condition row = LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ITEMS.ITEM_ID.eq(item.id().value()));
    if (expected != null && expected > 0) {
      int moved = guarded("a SKU is taken", () -> dsl.update(LEDGER_ITEMS)
          .set(LEDGER_ITEMS.SKU, r.getSku())
          .set(LEDGER_ITEMS.STATUS, r.getStatus())
          .set(LEDGER_ITEMS.VERSION, r.getVersion())
          .set(LEDGER_ITEMS.LOT_UNITS, r.getLotUnits())
          .set(LEDGER_ITEMS.DETAILS, r.getDetails())
          .set(LEDGER_ITEMS.BALANCES, r.getBalances())
          .set(LEDGER_ITEMS.CONFLICTS, r.getConflicts())
          .where(row.and(LEDGER_ITEMS.VERSION.eq(expected)))
          .execute());
      if (moved == 0) {
        requireMissingAt(dsl, ws, stream, expected, dsl.fetchOptional(LEDGER_ITEMS, row).map(LedgerItemsRecord::getVersion));
        insertItem(dsl, stream, r);
      }
    } else if (expected != null) {
      insertItem(dsl, stream, r);
    } else {
      guarded("a SKU is taken", () -> upsertItem(dsl, r));
    }
  }

  private static void writeOrder(DSLContext dsl, WorkspaceId ws, StreamId stream, Long expected, Order order) {
    LedgerOrdersRecord r = OrderRows.toRecord(ws, order);
    Condition row = LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ORDERS.ORDER_ID.eq(order.id().value()));
    if (expected != null && expected > 0) {
      int moved = guarded("a channel's external order id is taken", () -> dsl.update(LEDGER_ORDERS)
          .set(LEDGER_ORDERS.CHANNEL, r.getChannel())
          .set(LEDGER_ORDERS.EXTERNAL_ORDER_ID, r.getExternalOrderId())
          .set(LEDGER_ORDERS.STATUS, r.getStatus())
          .set(LEDGER_ORDERS.PLACED_AT, r.getPlacedAt())
          .set(LEDGER_ORDERS.PLACED_AT_NANOS, r.getPlacedAtNanos())
          .set(LEDGER_ORDERS.VERSION, r.getVersion())
          .set(LEDGER_ORDERS.BODY, r.getBody())
          .where(row.and(LEDGER_ORDERS.VERSION.eq(expected)))
          .execute());
      if (moved == 0) {
        requireMissingAt(dsl, ws, stream, expected,
            dsl.fetchOptional(LEDGER_ORDERS, row).map(LedgerOrdersRecord::getVersion));
        insertOrder(dsl, stream, r);
      }
    } else if (expected != null) {
      insertOrder(dsl, stream, r);
    } else {
      guarded("a channel's external order id is taken", () -> upsertOrders(dsl, List.of(r)));
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

  private static void insertItem(DSLContext dsl, StreamId stream, LedgerItemsRecord r) {
    try {
      dsl.executeInsert(r);
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException(stream + " exists already, or its SKU is taken: " + SqlFailures.message(e), e);
      }
      throw e;
    }
  }

  private static void insertOrder(DSLContext dsl, StreamId stream, LedgerOrdersRecord r) {
    try {
      dsl.executeInsert(r);
    } catch (DataAccessException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException(
            stream + " exists already, or its external order id is taken: " + SqlFailures.message(e), e);
      }
      throw e;
    }
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

  // ---- upserts (replacing projections, and commits that name no version) --------------------------------

  /** Writes items and their listings, whatever is stored; a later copy of the same item wins, as in memory. */
  public static void upsertItems(DSLContext dsl, WorkspaceId ws, List<Item> items) {
    Map<Object, Item> latest = new LinkedHashMap<>();
    items.forEach(i -> latest.put(i.id(), i));
    for (Item item : latest.values()) {
      ItemRows.Rows rows = ItemRows.toRows(ws, item);
      upsertItem(dsl, rows.item());
      upsertListings(dsl, rows.listings());
    }
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

  /** Writes orders, whatever is stored; a later copy of the same order wins, as in memory. */
  public static void upsertOrders(DSLContext dsl, WorkspaceId ws, List<Order> orders) {
    Map<Object, Order> latest = new LinkedHashMap<>();
    orders.forEach(o -> latest.put(o.id(), o));
    upsertOrders(dsl, latest.values().stream().map(o -> OrderRows.toRecord(ws, o)).toList());
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
