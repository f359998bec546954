package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ITEMS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_LISTINGS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_ORDERS;
import static org.resellledger.jooq.internal.schema.Tables.LEDGER_STREAMS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.DuplicateReceiptException;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.StorableText;
import org.resellledger.core.store.StreamState;
import org.resellledger.jooq.internal.Statements.Stmt;
import org.resellledger.jooq.internal.mapping.EventRows;
import org.resellledger.jooq.internal.mapping.ItemRows;
import org.resellledger.jooq.internal.mapping.ListingChanges;
import org.resellledger.jooq.internal.mapping.OrderRows;
import org.resellledger.jooq.internal.mapping.ReceiptRows;
import org.resellledger.jooq.internal.mapping.RoundTrip;
import org.resellledger.jooq.internal.mapping.StreamRows;
import org.resellledger.jooq.internal.schema.tables.records.LedgerEventsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerItemsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerListingsRecord;
import org.resellledger.jooq.internal.schema.tables.records.LedgerOrdersRecord;

/**
 * Writes one {@link Commit} inside the caller's transaction. An item's or order's projection row carries
 * its stream's version, so the row is also the stream's head:
 *
 * <ol>
 *   <li>before any statement, the round-trip guard: every row about to be written, read back with the
 *       mapping reads use, equals the value it was made from ({@link RoundTrip}), and the text core does
 *       not check can be stored ({@link StorableText}); else the commit is refused {@code INVALID_VALUE};
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
 *   <li>the states of streams of other registered kinds ({@link StreamWriter}), the same way, with their
 *       unique keys;
 *   <li>upsert the listing rows that changed: the unique external id refuses one another listing holds.
 *       For an item whose row was moved in place that is the listings its events create or change
 *       ({@link ListingChanges}); an item row inserted, and an item the commit carries without any event
 *       of its stream, get all their listings written.
 * </ol>
 *
 * Every statement has one text rendered once per store ({@link Statements}); the rows of one kind go as
 * one JDBC batch of that statement, so a sale is one round trip per kind of row and the database parses
 * each text once per connection. A stream whose projection the commit does not carry (the port says it
 * always does, but the store does not rely on it) is checked against the highest version among its events
 * instead. Any refusal throws before the caller commits, so the transaction rolls back and nothing is
 * written.
 */
public final class CommitWriter {
  /** Rows per multi-row INSERT when replacing projections: well below driver limits on bind values. */
  private static final int ROWS_PER_INSERT = 500;

  /** Items before orders, each by id: the order in which a commit locks projection rows. */
  private static final Comparator<StreamId> LOCK_ORDER =
      Comparator.comparing((StreamId s) -> s.kind()).thenComparing(StreamId::id);

  private final Statements sql;

  public CommitWriter(Statements sql) {
    this.sql = sql;
  }

  /**
   * Locks the head rows of these streams ({@code SELECT version ... FOR UPDATE}) in the order
   * {@link #write} locks them: items, then orders, each by id, then the states of streams of other kinds by
   * kind and id. A stream without a row locks nothing (a new one is still refused by its key).
   */
  public void lock(Connection c, WorkspaceId ws, java.util.Collection<StreamId> streams) {
    List<StreamId> items = new ArrayList<>();
    List<StreamId> orders = new ArrayList<>();
    List<StreamId> others = new ArrayList<>();
    List<StreamId> sorted = new ArrayList<>(new HashSet<>(streams));
    sorted.sort(LOCK_ORDER);
    for (StreamId s : sorted) {
      (s.kind().equals(StreamId.Kind.ITEM) ? items : s.kind().equals(StreamId.Kind.ORDER) ? orders : others).add(s);
    }
    var dsl = sql.on(c);
    for (StreamId s : items) {
      dsl.select(LEDGER_ITEMS.VERSION).from(LEDGER_ITEMS)
          .where(LEDGER_ITEMS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ITEMS.ITEM_ID.eq(s.id()))).forUpdate().fetch();
    }
    for (StreamId s : orders) {
      dsl.select(LEDGER_ORDERS.VERSION).from(LEDGER_ORDERS)
          .where(LEDGER_ORDERS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_ORDERS.ORDER_ID.eq(s.id()))).forUpdate().fetch();
    }
    for (StreamId s : others) {
      dsl.select(LEDGER_STREAMS.VERSION).from(LEDGER_STREAMS)
          .where(LEDGER_STREAMS.WORKSPACE_ID.eq(ws.value()).and(LEDGER_STREAMS.STREAM_KIND.eq(s.kind().name()))
              .and(LEDGER_STREAMS.STREAM_ID.eq(s.id()))).forUpdate().fetch();
    }
  }

  public void write(Connection c, Commit commit) throws SQLException {
    WorkspaceId ws = commit.workspace();
    Map<StreamId, Long> expected = commit.expectedVersions();
    Set<StreamId> written = new HashSet<>();
    commit.events().forEach(e -> written.add(e.stream()));
    Map<StreamId, Item> items = new TreeMap<>(LOCK_ORDER);
    commit.items().forEach(i -> items.put(StreamId.of(i.id()), i));
    Map<StreamId, LedgerItemsRecord> itemRows = new TreeMap<>(LOCK_ORDER);
    items.forEach((stream, item) -> itemRows.put(stream, ItemRows.toRecord(ws, item)));
    Map<StreamId, LedgerOrdersRecord> orderRows = new TreeMap<>(LOCK_ORDER);
    commit.orders().forEach(o -> orderRows.put(StreamId.of(o.id()), OrderRows.toRecord(ws, o)));
    List<Object[]> events = new ArrayList<>(commit.events().size());
    List<LedgerEventsRecord> eventRows = new ArrayList<>(commit.events().size());
    for (LedgerEvent e : commit.events()) {
      LedgerEventsRecord row = EventRows.toRecord(e);
      eventRows.add(row);
      events.add(sql.eventInsert.valuesOf(row));
    }
    // the listing rows to write: those the events change, or all of an item whose row is new
    ListingChanges changes = ListingChanges.of(commit);
    Map<StreamId, List<LedgerListingsRecord>> listingRows = new TreeMap<>(LOCK_ORDER);
    items.forEach((stream, item) -> listingRows.put(stream, ItemRows.listingRecords(ws, item,
        expected.getOrDefault(stream, 0L) > 0 ? changes.toWrite(item.id()) : id -> true)));
    refuseWhatWouldNotReadBack(commit, items, itemRows, orderRows, eventRows, listingRows);

    // items, then orders, each by id: one global lock order, so two commits never deadlock on these rows
    Set<StreamId> itemsInserted = new Heads(c, ws, sql.itemUpdate, sql.itemInsert, sql.itemUpsert,
        sql.itemVersion, "a SKU").write(itemRows, expected);
    new Heads(c, ws, sql.orderUpdate, sql.orderInsert, sql.orderUpsert, sql.orderVersion,
        "a channel's external order id").write(orderRows, expected);
    // streams of other registered kinds: one generic path, no code per kind (not on a sale's path)
    Set<StreamId> states = new HashSet<>();
    commit.streams().forEach(s -> states.add(s.stream()));
    if (!states.isEmpty()) {
      StreamWriter.write(sql.on(c), ws, commit.streams(), expected);
      ApprovalRows.write(sql.on(c), ws, commit);
    }
    List<StreamId> others = new ArrayList<>(expected.keySet());
    others.removeIf(s -> itemRows.containsKey(s) || orderRows.containsKey(s) || states.contains(s));
    others.sort(LOCK_ORDER);
    for (StreamId stream : others) {
      checkWithoutProjection(c, ws, stream, expected.get(stream), written.contains(stream));
    }
    if (commit.receipt().isPresent()) {
      insertReceipt(c, ws, commit.receipt().get());
    }
    guarded("an event's stream version or id is taken", () -> batch(c, sql.eventInsert, events));

    List<Object[]> listings = new ArrayList<>();
    for (Map.Entry<StreamId, List<LedgerListingsRecord>> e : listingRows.entrySet()) {
      List<LedgerListingsRecord> rows = e.getValue();
      if (itemsInserted.contains(e.getKey()) && expected.getOrDefault(e.getKey(), 0L) > 0) {
        // its row was missing (projections replaced without it): all its listings, guarded in turn
        Item item = items.get(e.getKey());
        rows = ItemRows.listingRecords(ws, item, id -> true);
        rows.forEach(l -> RoundTrip.listing(item.listings().get(ListingId.of(l.getListingId())), l));
      }
      rows.forEach(l -> listings.add(sql.listingUpsert.valuesOf(l)));
    }
    guarded("a channel's external listing id is taken", () -> batch(c, sql.listingUpsert, listings));
  }

  /**
   * The round-trip guard ({@link RoundTrip}), before any row is written: the commit's text that core does
   * not check ({@link StorableText}), then every row of it read back and compared with its value.
   */
  private static void refuseWhatWouldNotReadBack(Commit commit, Map<StreamId, Item> items,
      Map<StreamId, LedgerItemsRecord> itemRows, Map<StreamId, LedgerOrdersRecord> orderRows,
      List<LedgerEventsRecord> eventRows, Map<StreamId, List<LedgerListingsRecord>> listingRows) {
    StorableText.check(commit);
    for (int i = 0; i < eventRows.size(); i++) {
      RoundTrip.event(commit.events().get(i), eventRows.get(i));
    }
    items.forEach((stream, item) -> {
      RoundTrip.item(item, itemRows.get(stream));
      listingRows.get(stream).forEach(l -> RoundTrip.listing(item.listings().get(ListingId.of(l.getListingId())), l));
    });
    for (Order order : commit.orders()) {
      RoundTrip.order(order, orderRows.get(StreamId.of(order.id())));
    }
    for (StreamState s : commit.streams()) {
      RoundTrip.state(s, StreamRows.toRecord(commit.workspace(), s));
    }
  }

  // ---- projections as stream heads ---------------------------------------------------------------------

  /**
   * Writes projection rows of one kind as their streams' heads: one JDBC batch of version-checked UPDATEs
   * for the existing streams, one batch of INSERTs for the new ones (and for streams whose row is missing).
   */
  private final class Heads {
    private final Connection c;
    private final WorkspaceId ws;
    private final Stmt update;
    private final Stmt insert;
    private final Stmt upsert;
    private final Stmt version;
    /** The unique key other than the primary key, for the message when it is taken. */
    private final String uniqueKey;

    Heads(Connection c, WorkspaceId ws, Stmt update, Stmt insert, Stmt upsert, Stmt version, String uniqueKey) {
      this.c = c;
      this.ws = ws;
      this.update = update;
      this.insert = insert;
      this.upsert = upsert;
      this.version = version;
      this.uniqueKey = uniqueKey;
    }

    /** Returns the streams whose rows were inserted or upserted rather than moved in place. */
    <R extends org.jooq.Record> Set<StreamId> write(Map<StreamId, R> rows, Map<StreamId, Long> expectedVersions) throws SQLException {
      List<StreamId> updates = new ArrayList<>();
      List<StreamId> inserts = new ArrayList<>();
      Set<StreamId> notMoved = new HashSet<>();
      for (Map.Entry<StreamId, R> e : rows.entrySet()) {
        Long expected = expectedVersions.get(e.getKey());
        if (expected == null) {
          guarded(uniqueKey + " is taken", () -> batch(c, upsert, List.<Object[]>of(upsert.valuesOf(e.getValue()))));
          notMoved.add(e.getKey());
        } else if (expected > 0) {
          updates.add(e.getKey());
        } else {
          inserts.add(e.getKey());
        }
      }
      if (!updates.isEmpty()) {
        List<Object[]> binds = new ArrayList<>(updates.size());
        for (StreamId stream : updates) {
          Object[] values = update.valuesOf(rows.get(stream));
          values[values.length - 1] = expectedVersions.get(stream);
          binds.add(values);
        }
        int[] moved = guarded(uniqueKey + " is taken", () -> batch(c, update, binds));
        for (int i = 0; i < updates.size(); i++) {
          if (moved[i] == 0) {
            StreamId stream = updates.get(i);
            requireMissingAt(c, version, ws, stream, expectedVersions.get(stream));
            inserts.add(stream);
          }
        }
      }
      if (!inserts.isEmpty()) {
        List<Object[]> binds = new ArrayList<>(inserts.size());
        inserts.forEach(stream -> binds.add(insert.valuesOf(rows.get(stream))));
        try {
          batch(c, insert, binds);
        } catch (SQLException e) {
          if (SqlFailures.isUniqueViolation(e)) {
            throw new ConcurrencyException("a new stream exists already, or " + uniqueKey + " is taken: "
                + SqlFailures.message(e), e);
          }
          throw e;
        }
        notMoved.addAll(inserts);
      }
      return notMoved;
    }
  }

  /** A stream the commit names without its projection: only read, or written by a commit without it. */
  private void checkWithoutProjection(Connection c, WorkspaceId ws, StreamId stream, long expected,
      boolean writes) throws SQLException {
    boolean item = stream.kind() == StreamId.Kind.ITEM;
    if (stream.kind() != StreamId.Kind.ITEM && stream.kind() != StreamId.Kind.ORDER) {
      if (!writes && expected > 0 && StreamWriter.lock(sql.on(c), ws, stream, expected)) {
        return;
      }
      long actual = StreamWriter.eventsVersion(sql.on(c), ws, stream);
      if (actual != expected) {
        throw stale(stream, actual, expected);
      }
      return;
    }
    if (!writes && expected > 0) {
      // lock the row the stream's writers update, so that it cannot move before this commit ends
      int[] locked = batch(c, item ? sql.itemLock : sql.orderLock,
          List.<Object[]>of(new Object[] {ws.value(), stream.id(), expected}));
      if (locked[0] == 1) {
        return;
      }
    }
    long actual = eventsVersion(c, sql, ws, stream);
    if (actual != expected) {
      throw stale(stream, actual, expected);
    }
  }

  /**
   * After an update found no row at the expected version: stale if the row is there at another version;
   * if there is no row (projections replaced without it), the stream's events decide.
   */
  private void requireMissingAt(Connection c, Stmt version, WorkspaceId ws, StreamId stream, long expected)
      throws SQLException {
    Optional<Long> projectionVersion = queryLong(c, version, ws.value(), stream.id());
    if (projectionVersion.isPresent()) {
      throw stale(stream, projectionVersion.get(), expected);
    }
    long actual = eventsVersion(c, sql, ws, stream);
    if (actual != expected) {
      throw stale(stream, actual, expected);
    }
  }

  private static long eventsVersion(Connection c, Statements sql, WorkspaceId ws, StreamId stream)
      throws SQLException {
    return queryLong(c, sql.eventsVersion, ws.value(), stream.kind().name(), stream.id()).orElse(0L);
  }

  private static Optional<Long> queryLong(Connection c, Stmt query, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query.sql())) {
      query.bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long v = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
      }
    }
  }

  private static ConcurrencyException stale(StreamId stream, long actual, long expected) {
    return new ConcurrencyException(stream + " is at version " + actual + ", expected " + expected);
  }

  // ---- receipt, events, listings -----------------------------------------------------------------------

  private void insertReceipt(Connection c, WorkspaceId ws, Receipt receipt) throws SQLException {
    try {
      batch(c, sql.receiptInsert, List.<Object[]>of(sql.receiptInsert.valuesOf(ReceiptRows.toRecord(ws, receipt))));
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        DuplicateReceiptException duplicate = new DuplicateReceiptException(receipt.provider());
        duplicate.initCause(e);
        throw duplicate;
      }
      throw e;
    }
  }

  /** Executes {@code stmt} once per row of values, as one JDBC batch (nothing for no rows). */
  private static int[] batch(Connection c, Stmt stmt, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
      if (rows.size() == 1) {
        stmt.bind(ps, rows.get(0));
        return new int[] {ps.executeUpdate()};
      }
      for (Object[] row : rows) {
        stmt.bind(ps, row);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  /** A step that may find a unique key taken, which is a lost race for the ledger. */
  @FunctionalInterface
  private interface Step {
    int[] run() throws SQLException;
  }

  private static int[] guarded(String what, Step step) throws SQLException {
    try {
      return step.run();
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        throw new ConcurrencyException(what + ": " + SqlFailures.message(e), e);
      }
      throw e;
    }
  }

  // ---- restoring a backup ------------------------------------------------------------------------------

  /**
   * Inserts restored events and receipts (a batch of a restore, inside its transaction) as JDBC batches,
   * after the same round-trip guard as a commit's events. An event id, a stream version or a receipt already
   * there is a {@link ConcurrencyException}.
   */
  public void insertRestored(Connection c, WorkspaceId ws, List<LedgerEvent> events, List<Receipt> receipts)
      throws SQLException {
    StorableText.check(new Commit(ws, Map.of(), events, List.of(), List.of(), Optional.empty()));
    List<Object[]> eventRows = new ArrayList<>(events.size());
    for (LedgerEvent e : events) {
      LedgerEventsRecord row = EventRows.toRecord(e);
      RoundTrip.event(e, row);
      eventRows.add(sql.eventInsert.valuesOf(row));
    }
    List<Object[]> receiptRows = new ArrayList<>(receipts.size());
    receipts.forEach(r -> receiptRows.add(sql.receiptInsert.valuesOf(ReceiptRows.toRecord(ws, r))));
    guarded("an event's stream version or id is given twice", () -> batch(c, sql.eventInsert, eventRows));
    guarded("a receipt is given twice", () -> batch(c, sql.receiptInsert, receiptRows));
  }

  // ---- replacing projections, and commits that name no version ----------------------------------------

  /**
   * Inserts items, their listings and orders into projection tables emptied for the workspace, with the
   * pre-rendered INSERTs as JDBC batches of {@value #ROWS_PER_INSERT} rows (no upsert needed). A later copy
   * of the same item or order in a list wins, as in memory.
   */
  public void insertProjections(Connection c, WorkspaceId ws, List<Item> items, List<Order> orders)
      throws SQLException {
    Map<Object, Item> latestItems = new LinkedHashMap<>();
    items.forEach(i -> latestItems.put(i.id(), i));
    Map<Object, Order> latestOrders = new LinkedHashMap<>();
    orders.forEach(o -> latestOrders.put(o.id(), o));
    // rows are made a batch at a time: memory holds the projections, not a second copy of them as rows
    for (List<Item> chunk : chunks(List.copyOf(latestItems.values()))) {
      List<Object[]> itemRows = new ArrayList<>(chunk.size());
      List<Object[]> listingRows = new ArrayList<>();
      for (Item item : chunk) {
        ItemRows.Rows rows = ItemRows.toRows(ws, item);
        itemRows.add(sql.itemInsert.valuesOf(rows.item()));
        rows.listings().forEach(l -> listingRows.add(sql.listingUpsert.valuesOf(l)));
      }
      guarded("a SKU is given twice", () -> batch(c, sql.itemInsert, itemRows));
      guarded("a channel's external listing id is given twice", () -> batch(c, sql.listingUpsert, listingRows));
    }
    for (List<Order> chunk : chunks(List.copyOf(latestOrders.values()))) {
      List<Object[]> orderRows = new ArrayList<>(chunk.size());
      chunk.forEach(o -> orderRows.add(sql.orderInsert.valuesOf(OrderRows.toRecord(ws, o))));
      guarded("a channel's external order id is given twice", () -> batch(c, sql.orderInsert, orderRows));
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
