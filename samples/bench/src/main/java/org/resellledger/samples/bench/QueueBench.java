package org.resellledger.samples.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.Projector;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderFact;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.Reports;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;

/**
 * The exception queues, the daily dashboard and the weekly review on a workspace of {@code bench.items} items
 * (about 11 events each: intake, a listing, two one-unit sales shipped, a payout; the last three days' second
 * sale waits to ship, with a ship-by date), on H2 and PostgreSQL, each beside the same SQL statements written
 * by hand with JDBC (rows read into plain values, no domain mapping): p50 and p95 of each, and the ratio of the
 * p95s. Plus the drift report against a plain read of every event ({@code forEachEvent}, and a JDBC read of the
 * rows), within the heap the JVM is given ({@code -Xmx512m} below: an OutOfMemoryError ends the run).
 *
 * <p>What users get: every id (item, listing, order, event) comes from the default id source
 * ({@code LedgerConfig.defaults().ids()}, time-ordered UUIDs), the store is opened with its default options,
 * and the reads are the public API's. The two sides of a comparison alternate (library first on even runs,
 * JDBC first on odd ones), and every line prints the machine's load average when it started and ended.
 *
 * <p>System properties: {@code bench.items} (10,000: about 110,000 events; 100,000 gives about 1,100,000),
 * {@code bench.batch} (items per commit while loading, 2,000), {@code bench.runs} (20),
 * {@code bench.reviewRuns} (runs of the weekly review and the drift report, 5; 0 leaves them out), {@code bench.h2} and
 * {@code bench.postgres} (true; PostgreSQL from LEDGER_PG_URL / LEDGER_PG_USER / LEDGER_PG_PASSWORD).
 *
 * <pre>
 * java -Xmx512m -Dbench.items=100000 -cp samples/bench/target/classes:$(cat samples/bench/target/cp.txt) \
 *     org.resellledger.samples.bench.QueueBench
 * </pre>
 */
public final class QueueBench {
  private static final WorkspaceId WS = WorkspaceId.of("queue-bench");
  private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
  private static final Duration SPAN = Duration.ofDays(60);
  private static final Instant END = T0.plus(SPAN);
  private static final Money PRICE = Money.of("24.99", "USD");
  private static final Money FEES = Money.of("3.25", "USD");
  private static final Currency USD = Currency.getInstance("USD");
  private static final String[] CATEGORIES = {"Clothing", "Home", "Toys", "Books", "Electronics"};
  private static final String[] SALE_KINDS = {"OrderPlaced", "ChannelSaleRecorded", "LocalSaleRecorded",
      "PayoutReceived", "RefundIssued", "OrderShipped"};

  /** The ids a ledger opened with the default configuration draws. */
  private static final IdGenerator IDS = LedgerConfig.defaults().ids();

  private QueueBench() {}

  public static void main(String[] args) throws Exception {
    int items = Integer.getInteger("bench.items", 10_000);
    int runs = Integer.getInteger("bench.runs", 20);
    int reviewRuns = Integer.getInteger("bench.reviewRuns", 5);
    System.out.printf(Locale.ROOT, "QueueBench: %,d items, about %,d events; %d runs (review %d); max heap %d MB;"
        + " %d cores, load %s%n", items, items * 11L, runs, reviewRuns, Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), load());
    if (Boolean.parseBoolean(System.getProperty("bench.h2", "true"))) {
      try (BenchDatabase db = BenchDatabase.h2()) {
        run(db, items, runs, reviewRuns);
      }
    }
    if (Boolean.parseBoolean(System.getProperty("bench.postgres", "true")) && BenchDatabase.postgresReachable()) {
      try (BenchDatabase db = BenchDatabase.postgres()) {
        run(db, items, runs, reviewRuns);
      }
    }
  }

  /** The machine's load average over the last minute (the JVM's own view; -1 where it has none). */
  private static String load() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void run(BenchDatabase db, int items, int runs, int reviewRuns) throws Exception {
    long start = System.nanoTime();
    System.out.printf(Locale.ROOT, "%n%s: loading (load %s)%n", db.kind, load());
    load(db.store, items, Integer.getInteger("bench.batch", 2_000));
    db.analyze();
    System.out.printf(Locale.ROOT, "%s: loaded in %.1f s (load %s)%n", db.kind, (System.nanoTime() - start) / 1e9,
        load());
    LedgerStore store = db.store;
    LedgerConfig config = LedgerConfig.defaults().withClock(Clock.fixed(END, ZoneOffset.UTC));
    Queues queues = Queues.open(store, WS, config, QueuePolicy.defaults(), Optional.of(db.store));
    Reports reports = Reports.open(store, WS, Optional.of(db.store));
    Hand hand = new Hand(db);
    LocalDate day = LocalDate.ofInstant(END.minusSeconds(1), ZoneOffset.UTC);
    Instant weekFrom = END.minus(Duration.ofDays(7));

    compare("queue page LATE_SHIPMENT (50)", runs,
        () -> queues.page(QueueKind.LATE_SHIPMENT, Optional.empty(), 50).rows().size(),
        () -> hand.lateShipmentPage(50));
    compare("queue page SYNC_ERROR (50)", runs,
        () -> queues.page(QueueKind.SYNC_ERROR, Optional.empty(), 50).rows().size(),
        () -> hand.syncErrorPage(50));
    compare("queues top (50)", runs, () -> queues.top(50).size(), () -> hand.top(50));
    compare("daily dashboard", runs, () -> reports.daily(day, ZoneOffset.UTC, USD).toShip().size(),
        () -> hand.daily(day));
    if (reviewRuns == 0) {
      return;
    }
    compare("weekly review", reviewRuns,
        () -> reports.weekly(weekFrom, END, USD, Duration.ofDays(30)).sales().parts().size(),
        () -> hand.weekly(weekFrom, END));
    Ledger ledger = Ledger.open(store, WS, config);
    // within the heap: the JVM's -Xmx is the bound (an OutOfMemoryError would end the run here)
    compare("drift report vs forEachEvent", reviewRuns,
        () -> ledger.drift(100).differences().size(), () -> (int) store.forEachEvent(WS, e -> { }));
    compare("drift report vs a JDBC read of the event rows", reviewRuns,
        () -> ledger.drift(100).differences().size(), hand::events);
  }

  // ---- timing -------------------------------------------------------------------------------------------

  /** The two sides alternate: the library first on even runs, JDBC first on odd ones. */
  private static void compare(String what, int runs, Callable<Integer> library, Callable<Integer> jdbc)
      throws Exception {
    String loadBefore = load();
    library.call();
    jdbc.call();
    long[] lib = new long[runs];
    long[] raw = new long[runs];
    for (int r = 0; r < runs; r++) {
      if (r % 2 == 0) {
        lib[r] = time(library);
        raw[r] = time(jdbc);
      } else {
        raw[r] = time(jdbc);
        lib[r] = time(library);
      }
    }
    System.out.printf(Locale.ROOT, "  %-46s library p50 %8.1f ms p95 %8.1f ms | JDBC p50 %8.1f ms p95 %8.1f ms"
        + " | p95 ratio %.2f | load %s-%s%n", what, p(lib, 50), p(lib, 95), p(raw, 50), p(raw, 95),
        p(lib, 95) / p(raw, 95), loadBefore, load());
  }

  private static long time(Callable<Integer> work) throws Exception {
    long t = System.nanoTime();
    work.call();
    return System.nanoTime() - t;
  }

  private static double p(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  // ---- the data -----------------------------------------------------------------------------------------

  /**
   * {@code items} items' histories, about 11 events each, in commits of {@code batch} items through the store's
   * own commit; the projections are folded by core. Prints its progress every tenth of the way.
   */
  static void load(LedgerStore store, int items, int batch) {
    long start = System.nanoTime();
    int step = Math.max(batch, items / 10 / batch * batch);
    for (int from = 0; from < items; from += batch) {
      Map<StreamId, Long> expected = new HashMap<>();
      List<LedgerEvent> events = new ArrayList<>();
      List<Item> states = new ArrayList<>();
      List<Order> orders = new ArrayList<>();
      for (int i = from; i < Math.min(items, from + batch); i++) {
        history(i, items, expected, events, states, orders);
      }
      store.commit(new Commit(WS, expected, events, states, orders, Optional.empty()));
      int done = Math.min(items, from + batch);
      if (items >= 50_000 && done % step == 0) {
        System.out.printf(Locale.ROOT, "  %,d items loaded, %.0f s (load %s)%n", done,
            (System.nanoTime() - start) / 1e9, load());
      }
    }
  }

  private static void history(int i, int items, Map<StreamId, Long> expected, List<LedgerEvent> events,
      List<Item> states, List<Order> orders) {
    Instant at = T0.plus(SPAN.multipliedBy(i).dividedBy(items)).truncatedTo(ChronoUnit.SECONDS);
    ItemId item = ItemId.of(IDS.next());
    Sku sku = Sku.of(String.format("Q-%07d", i));
    ListingId listing = ListingId.of(IDS.next());
    StreamId stream = StreamId.of(item);
    expected.put(stream, 0L);
    ItemDetails details = ItemDetails.builder().sku(sku).title("Bench item " + i)
        .category(Category.of(CATEGORIES[i % CATEGORIES.length], "Misc"))
        .condition(org.resellledger.core.item.Condition.VERY_GOOD).costBasis(Money.of("8.00", "USD"))
        .acquiredOn(LocalDate.ofInstant(at, ZoneOffset.UTC))
        .location(org.resellledger.core.item.StorageLocation.of("GARAGE", "S" + i % 20, "B" + i % 50))
        .photoStatus(i % 20 == 0 ? PhotoStatus.NONE : PhotoStatus.COMPLETE)
        .estimatedValue(Money.of(i % 20 == 0 ? "500.00" : "30.00", "USD"))
        .acquisitionSource(AcquisitionSource.of(AcquisitionSource.Kind.values()[i % 5])).build();
    SyncStatus listed = i % 50 == 0 ? SyncStatus.ERROR : i % 7 == 0 ? SyncStatus.DRAFT : SyncStatus.LIVE;
    OrderId a = OrderId.of(IDS.next());
    OrderId b = OrderId.of(IDS.next());
    expected.put(StreamId.of(a), 0L);
    expected.put(StreamId.of(b), 0L);
    List<LedgerEvent> itemEvents = List.of(
        event(stream, 1, item, null, null, Movement.of(4, Bucket.SUPPLIER, Bucket.AVAILABLE), at,
            new ItemFact.ItemAcquired(details, 4, ItemStatus.READY_TO_LIST)),
        event(stream, 2, item, listing, null, null, at.plusSeconds(60),
            new ListingFact.ListingCreated(listing, ListingDetails.builder().channel(Channel.EBAY)
                .title("Bench item " + i).price(PRICE).listedQuantity(2).build(), listed)),
        event(stream, 3, item, listing, a, Movement.of(1, Bucket.AVAILABLE, Bucket.COMMITTED),
            at.plusSeconds(3600), new OrderItemFact.ChannelSaleRecorded(Channel.EBAY, 1, 1, PRICE)),
        event(stream, 4, item, listing, b, Movement.of(1, Bucket.AVAILABLE, Bucket.COMMITTED),
            at.plusSeconds(7200), new OrderItemFact.ChannelSaleRecorded(Channel.EBAY, 1, 1, PRICE)),
        event(stream, 5, item, listing, a, Movement.of(1, Bucket.COMMITTED, Bucket.BUYER),
            at.plus(Duration.ofDays(1)), new OrderItemFact.UnitsShipped("USPS", "1Z" + i)));
    // orders of the last three days wait to ship (by a ship-by date); older ones shipped
    boolean recent = at.isAfter(END.minus(Duration.ofDays(3)));
    if (!recent) {
      itemEvents = new ArrayList<>(itemEvents);
      itemEvents.add(event(stream, 6, item, listing, b, Movement.of(1, Bucket.COMMITTED, Bucket.BUYER),
          at.plus(Duration.ofDays(1)), new OrderItemFact.UnitsShipped("USPS", "9400" + i)));
    }
    Item state = null;
    for (LedgerEvent e : itemEvents) {
      state = Projector.apply(state, e);
    }
    List<OrderLine> line = List.of(new OrderLine(item, sku, Optional.of(listing), 1, PRICE, 1, 0, 0));
    List<LedgerEvent> aEvents = List.of(
        event(StreamId.of(a), 1, null, null, a, null, at.plusSeconds(3600), new OrderFact.OrderPlaced(
            Channel.EBAY, Optional.of("QA-" + i), line, FEES, Money.of("0.00", "USD"), OrderStatus.PAID)),
        event(StreamId.of(a), 2, null, null, a, null, at.plus(Duration.ofDays(1)), new OrderFact.OrderShipped(
            OrderStatus.PAID, "USPS", i % 30 == 0 ? "" : "1Z" + i, Money.of("4.10", "USD"))),
        event(StreamId.of(a), 3, null, null, a, null, at.plus(Duration.ofDays(3)),
            new OrderFact.PayoutReceived("PO-" + i, Money.of("21.74", "USD"), FEES)));
    List<LedgerEvent> bEvents = List.of(
        event(StreamId.of(b), 1, null, null, b, null, at.plusSeconds(7200), new OrderFact.OrderPlaced(
            Channel.ETSY, Optional.of("QB-" + i), line, FEES, Money.of("0.00", "USD"), OrderStatus.PAID)),
        recent ? event(StreamId.of(b), 2, null, null, b, null, at.plusSeconds(7300),
            new OrderFact.ShipByDateSet(Optional.empty(), at.plus(Duration.ofDays(3))))
            : event(StreamId.of(b), 2, null, null, b, null, at.plus(Duration.ofDays(1)),
                new OrderFact.OrderShipped(OrderStatus.PAID, "USPS", "9400" + i, Money.of("4.10", "USD"))));
    events.addAll(itemEvents);
    events.addAll(aEvents);
    events.addAll(bEvents);
    states.add(state);
    orders.add(fold(aEvents));
    orders.add(fold(bEvents));
  }

  private static Order fold(List<LedgerEvent> events) {
    Order o = null;
    for (LedgerEvent e : events) {
      o = Projector.apply(o, e);
    }
    return o;
  }

  private static LedgerEvent event(StreamId stream, long version, ItemId item, ListingId listing,
      OrderId order, Movement movement, Instant at, EventPayload payload) {
    return new LedgerEvent(WS, EventId.of(IDS.next()), stream, version, Optional.ofNullable(item), Optional.ofNullable(listing),
        Optional.ofNullable(order), Optional.ofNullable(movement), Source.SYSTEM_RULE, Actor.system("bench"), at, at,
        Optional.empty(), Optional.empty(), Optional.empty(), payload);
  }

  // ---- the same SQL, by hand ----------------------------------------------------------------------------

  /** The statements the library's reads make, written with JDBC: rows read into plain values. */
  private static final class Hand {
    private final BenchDatabase db;
    private final String collate;

    Hand(BenchDatabase db) {
      this.db = db;
      this.collate = db.isPostgres() ? " COLLATE \"C\"" : "";
    }

    /** Reads every column of every row as an object; returns the row count. */
    private static int rows(Connection c, String sql, Object... binds) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < binds.length; i++) {
          ps.setObject(i + 1, binds[i]);
        }
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          int n = 0;
          while (rs.next()) {
            for (int col = 1; col <= md.getColumnCount(); col++) {
              rs.getObject(col);
            }
            n++;
          }
          return n;
        }
      }
    }

    /** Reads every column of every row as {@link #rows} does; returns the values of column {@code id}. */
    private static List<String> rowsWithIds(Connection c, String id, String sql, Object... binds) throws SQLException {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < binds.length; i++) {
          ps.setObject(i + 1, binds[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            for (int col = 1; col <= md.getColumnCount(); col++) {
              rs.getObject(col);
            }
            out.add(rs.getString(id));
          }
        }
      }
      return out;
    }

    /**
     * {@code FROM <the ids as a table asked(id)> LEFT JOIN}: how the library looks rows up by a list of ids (one
     * index lookup per id; H2 would scan the workspace's rows for an IN list on an index's second column).
     */
    private String asked() {
      return " FROM unnest(cast(? as varchar(64)" + (db.isPostgres() ? "[]" : " array") + ")) asked (id) LEFT JOIN ";
    }

    private static java.sql.Array array(Connection c, List<String> ids) throws SQLException {
      return c.createArrayOf("VARCHAR", ids.toArray());
    }

    /** The entries' streams in one statement, as the library reads a page's evidence. */
    private int streams(Connection c, String kind, List<String> ids) throws SQLException {
      if (ids.isEmpty()) {
        return 0;
      }
      return rows(c, "SELECT e.*" + asked() + "ledger_events e ON e.workspace_id = ? AND e.stream_kind = ?"
          + " AND e.stream_id = asked.id WHERE e.seq IS NOT NULL ORDER BY e.stream_id, e.version",
          array(c, ids), WS.value(), kind);
    }

    /** The items' listings in one statement, as the library reads a page's listings. */
    private int listings(Connection c, List<String> ids) throws SQLException {
      if (ids.isEmpty()) {
        return 0;
      }
      return rows(c, "SELECT l.*" + asked() + "ledger_listings l ON l.workspace_id = ? AND l.item_id = asked.id"
          + " WHERE l.listing_id IS NOT NULL ORDER BY l.item_id, l.position", array(c, ids), WS.value());
    }

    int lateShipmentPage(int limit) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        // one index range per status, merged, as the library reads a page of several statuses
        String order = " ORDER BY placed_at, placed_at_nanos, order_id" + collate + " LIMIT 200";
        List<String> each = new ArrayList<>();
        for (String status : List.of("PACKED", "PAID", "PICKED")) {
          each.add("(SELECT * FROM ledger_orders WHERE workspace_id = ? AND status = '" + status + "'" + order + ")");
        }
        List<String> ids = rowsWithIds(c, "order_id", "SELECT * FROM (" + String.join(" UNION ALL ", each)
            + ") merged" + order, WS.value(), WS.value(), WS.value());
        return streams(c, "ORDER", ids.subList(0, Math.min(limit, ids.size())));
      }
    }

    /**
     * The top of the queues here: the double-sale queue's read (items with conflicts; none in this data),
     * then the late-shipment page, the one queue this data fills to 50.
     */
    int top(int limit) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        rows(c, "SELECT * FROM ledger_items WHERE workspace_id = ? AND conflicts <> '[]' ORDER BY sku" + collate
            + " LIMIT 200", WS.value());
      }
      return lateShipmentPage(limit);
    }

    int syncErrorPage(int limit) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        String where = " FROM ledger_items i WHERE i.workspace_id = ? AND EXISTS (SELECT 1 FROM ledger_listings l"
            + " WHERE l.workspace_id = i.workspace_id AND l.item_id = i.item_id AND l.status = 'ERROR')"
            + " ORDER BY i.sku" + collate + " LIMIT 200";
        List<String> ids = rowsWithIds(c, "item_id", "SELECT i.*" + where, WS.value());
        listings(c, ids);
        return streams(c, "ITEM", ids.subList(0, Math.min(limit, ids.size())));
      }
    }

    private static OffsetDateTime t(Instant at) {
      return at.atOffset(ZoneOffset.UTC);
    }

    int daily(LocalDate day) throws SQLException {
      Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant before = from.plus(Duration.ofDays(1));
      try (Connection c = db.pool.getConnection()) {
        int n = rows(c, "SELECT * FROM ledger_events WHERE workspace_id = ? AND kind IN ('OrderPlaced')"
            + " AND occurred_at >= ? AND occurred_at < ? ORDER BY seq", WS.value(), t(from), t(before));
        n += rows(c, "SELECT * FROM ledger_orders WHERE workspace_id = ? AND status IN ('PAID', 'PICKED', 'PACKED')"
            + " ORDER BY placed_at, placed_at_nanos, order_id" + collate, WS.value());
        n += rows(c, "SELECT * FROM ledger_events WHERE workspace_id = ? AND kind IN ('MarketValueEstimated')"
            + " AND occurred_at >= ? AND occurred_at < ? ORDER BY seq", WS.value(), t(from), t(before));
        for (String state : List.of("PARKED", "HELD", "FAILED")) {
          n += rows(c, "SELECT * FROM ledger_inbox WHERE workspace_id = ? AND state = ? LIMIT 500", WS.value(), state);
        }
        String items = " FROM ledger_items i WHERE i.workspace_id = ? AND EXISTS (SELECT 1 FROM ledger_listings l"
            + " WHERE l.workspace_id = i.workspace_id AND l.item_id = i.item_id AND l.status = 'ERROR')";
        List<String> ids = rowsWithIds(c, "item_id", "SELECT i.*" + items + " ORDER BY i.sku" + collate, WS.value());
        n += ids.size() + listings(c, ids);
        return n;
      }
    }

    /** Every event row of the workspace in commit order, through a cursor: the plain read of the events. */
    int events() throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        c.setAutoCommit(false); // PostgreSQL fetches with a cursor only inside a transaction
        int n = rows(c, "SELECT * FROM ledger_events WHERE workspace_id = ? ORDER BY seq", WS.value());
        c.rollback();
        return n;
      }
    }

    int weekly(Instant from, Instant before) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        c.setAutoCommit(false); // PostgreSQL fetches with a cursor only inside a transaction
        int n = rows(c, "SELECT * FROM ledger_events WHERE workspace_id = ? ORDER BY seq", WS.value());
        n += rows(c, "SELECT * FROM ledger_items WHERE workspace_id = ? ORDER BY sku" + collate, WS.value());
        n += rows(c, "SELECT * FROM ledger_listings WHERE workspace_id = ? ORDER BY item_id, position", WS.value());
        int placed = 0;
        java.util.Set<String> paid = new java.util.LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.*" + asked() + "ledger_events e ON e.workspace_id = ?"
            + " AND e.kind = asked.id AND e.occurred_at >= ? AND e.occurred_at < ? WHERE e.seq IS NOT NULL"
            + " ORDER BY e.seq")) {
          ps.setArray(1, c.createArrayOf("VARCHAR", SALE_KINDS));
          ps.setString(2, WS.value());
          ps.setObject(3, t(from));
          ps.setObject(4, t(before));
          ps.setFetchSize(1000);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getString("payload");
              String kind = rs.getString("kind");
              if (kind.equals("OrderPlaced")) {
                placed++;
              } else if (kind.equals("PayoutReceived")) {
                paid.add(rs.getString("order_id"));
              }
              n++;
            }
          }
        }
        // each paid order's channel, one order at a time, as the library looks them up
        for (String order : paid) {
          n += rows(c, "SELECT * FROM ledger_orders WHERE workspace_id = ? AND order_id = ?", WS.value(), order);
        }
        // the orders placed in the range, in one statement (the library reads them in keyset pages)
        if (placed > 0) {
          n += rows(c, "SELECT * FROM ledger_orders WHERE workspace_id = ? AND placed_at >= ? AND placed_at < ?"
              + " ORDER BY placed_at, placed_at_nanos, order_id" + collate, WS.value(), t(from), t(before));
        }
        c.rollback();
        return n;
      }
    }
  }
}
