package org.resellledger.jooq.internal;

import static org.jooq.impl.DSL.excluded;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_EVENTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_RECEIPTS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAMS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
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
 * Writes one {@link Commit} inside the caller's transaction, in this order:
 *
 * <ol>
 *   <li>move every stream head the commit names, in one fixed order (kind, id):
 *       {@code UPDATE ... SET version = new WHERE version = expected}, or insert the head of a new stream. 0
 *       rows, or a head that already exists, is a stale version. Writers of one stream queue on its head
 *       row; the loser re-reads it after the winner commits and finds 0 rows (PostgreSQL at READ COMMITTED),
 *       or is refused for updating a row changed since it began (H2 at REPEATABLE READ, see {@link
 *       Database}). A stream the commit only read gets
 *       {@code SET version = version}, which still takes the row lock, so nobody moves it before we
 *       commit. Heads are locked in one global order, so two commits never deadlock on them;
 *   <li>insert the receipt: the primary key refuses a provider event recorded before (or being recorded by a
 *       concurrent commit, which PostgreSQL makes us wait for);
 *   <li>insert the events: the unique stream version is a second guard behind the heads;
 *   <li>upsert the projections: the unique SKU and external ids refuse a key another item or order holds.
 * </ol>
 *
 * Any refusal throws before the caller commits, so the transaction rolls back and nothing is written.
 */
public final class CommitWriter {
  /** Rows per multi-row INSERT: keeps the bind values of one statement well below driver limits. */
  private static final int ROWS_PER_INSERT = 500;

  private CommitWriter() {}

  public static void write(DSLContext dsl, Commit c) {
    String ws = c.workspace().value();
    moveStreamHeads(dsl, ws, c);
    c.receipt().ifPresent(r -> insertReceipt(dsl, c.workspace(), r));
    guarded("an event's stream version or id is taken", () -> insertEvents(dsl, c.events()));
    guarded("a SKU or a channel's external listing id is taken", () -> upsertItems(dsl, c.workspace(), c.items()));
    guarded("a channel's external order id is taken", () -> upsertOrders(dsl, c.workspace(), c.orders()));
  }

  private static void moveStreamHeads(DSLContext dsl, String ws, Commit c) {
    Map<StreamId, long[]> firstAndLast = new LinkedHashMap<>();
    for (LedgerEvent e : c.events()) {
      firstAndLast.computeIfAbsent(e.stream(), s -> new long[] {e.version(), e.version()})[1] = e.version();
    }
    List<StreamId> streams = new ArrayList<>(c.expectedVersions().keySet());
    firstAndLast.keySet().stream().filter(s -> !c.expectedVersions().containsKey(s)).forEach(streams::add);
    streams.sort(Comparator.comparing((StreamId s) -> s.kind().name()).thenComparing(StreamId::id));
    for (StreamId stream : streams) {
      long[] written = firstAndLast.get(stream);
      // a stream the commit writes without naming its version must at least continue where its events say
      long expected = c.expectedVersions().containsKey(stream)
          ? c.expectedVersions().get(stream)
          : written[0] - 1;
      long next = written == null ? expected : written[1];
      moveHead(dsl, ws, stream, expected, next, written != null);
    }
  }

  private static void moveHead(DSLContext dsl, String ws, StreamId stream, long expected, long next,
      boolean writes) {
    var head = LEDGER_STREAMS.WORKSPACE_ID.eq(ws)
        .and(LEDGER_STREAMS.STREAM_KIND.eq(stream.kind().name()))
        .and(LEDGER_STREAMS.STREAM_ID.eq(stream.id()));
    if (expected > 0) {
      int moved = dsl.update(LEDGER_STREAMS)
          .set(LEDGER_STREAMS.VERSION, next)
          .where(head.and(LEDGER_STREAMS.VERSION.eq(expected)))
          .execute();
      if (moved == 0) {
        throw stale(dsl, head, stream, expected);
      }
    } else if (writes) {
      try {
        dsl.insertInto(LEDGER_STREAMS)
            .set(LEDGER_STREAMS.WORKSPACE_ID, ws)
            .set(LEDGER_STREAMS.STREAM_KIND, stream.kind().name())
            .set(LEDGER_STREAMS.STREAM_ID, stream.id())
            .set(LEDGER_STREAMS.VERSION, next)
            .execute();
      } catch (DataAccessException e) {
        if (SqlFailures.isUniqueViolation(e)) {
          throw new ConcurrencyException(stream + " was started by another commit, expected it new", e);
        }
        throw e;
      }
    } else if (dsl.fetchExists(LEDGER_STREAMS, head)) {
      throw stale(dsl, head, stream, expected);
    }
  }

  private static ConcurrencyException stale(DSLContext dsl, org.jooq.Condition head, StreamId stream,
      long expected) {
    Long actual = dsl.select(LEDGER_STREAMS.VERSION).from(LEDGER_STREAMS).where(head)
        .fetchOptional(LEDGER_STREAMS.VERSION).orElse(0L);
    return new ConcurrencyException(stream + " is at version " + actual + ", expected " + expected);
  }

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

  private static void insertEvents(DSLContext dsl, List<LedgerEvent> events) {
    List<LedgerEventsRecord> rows = events.stream().map(EventRows::toRecord).toList();
    for (List<LedgerEventsRecord> chunk : chunks(rows)) {
      var insert = dsl.insertInto(LEDGER_EVENTS).columns(eventColumns());
      for (LedgerEventsRecord r : chunk) {
        insert = insert.values(valuesOf(r));
      }
      insert.execute();
    }
  }

  private static org.jooq.Field<?>[] eventColumns() {
    return java.util.Arrays.stream(LEDGER_EVENTS.fields())
        .filter(f -> !f.equals(LEDGER_EVENTS.SEQ))
        .toArray(org.jooq.Field<?>[]::new);
  }

  private static List<?> valuesOf(LedgerEventsRecord r) {
    List<Object> values = new ArrayList<>(r.size() - 1);
    for (org.jooq.Field<?> f : eventColumns()) {
      values.add(r.get(f));
    }
    return values;
  }

  /** Upserts items and their listings; a later copy of the same item in the list wins, as in memory. */
  public static void upsertItems(DSLContext dsl, WorkspaceId ws, List<Item> items) {
    Map<Object, Item> latest = new LinkedHashMap<>();
    items.forEach(i -> latest.put(i.id(), i));
    for (Item item : latest.values()) {
      ItemRows.Rows rows = ItemRows.toRows(ws, item);
      LedgerItemsRecord r = rows.item();
      dsl.insertInto(LEDGER_ITEMS)
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
      upsertListings(dsl, rows.listings());
    }
  }

  private static void upsertListings(DSLContext dsl, List<LedgerListingsRecord> listings) {
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
  }

  /** Upserts orders; a later copy of the same order in the list wins, as in memory. */
  public static void upsertOrders(DSLContext dsl, WorkspaceId ws, List<Order> orders) {
    Map<Object, Order> latest = new LinkedHashMap<>();
    orders.forEach(o -> latest.put(o.id(), o));
    List<LedgerOrdersRecord> rows = latest.values().stream().map(o -> OrderRows.toRecord(ws, o)).toList();
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
  }

  private static void guarded(String what, Runnable step) {
    try {
      step.run();
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
