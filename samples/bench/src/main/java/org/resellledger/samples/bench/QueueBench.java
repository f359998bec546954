package org.resellledger.samples.bench;

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
 * sale waits to ship, with a ship-by date), on H2 and
 * PostgreSQL, each beside the same SQL statements written by hand with JDBC (rows read into plain values, no
 * domain mapping): p50 and p95 of each, and the ratio of the p95s. Plus the drift report against a plain read
 * of every event. Default 10,000 items (about 110,000 events); {@code -Dbench.items=100000} for 1,100,000.
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

  private QueueBench() {}

  public static void main(String[] args) throws Exception {
    int items = Integer.getInteger("bench.items", 10_000);
    int runs = Integer.getInteger("bench.runs", 20);
    int reviewRuns = Integer.getInteger("bench.reviewRuns", 5);
    System.out.printf(Locale.ROOT, "QueueBench: %,d items, about %,d events; %d runs (review %d); max heap %d MB%n",
        items, items * 11L, runs, reviewRuns, Runtime.getRuntime().maxMemory() >> 20);
    try (BenchDatabase db = BenchDatabase.h2()) {
      run(db, items, runs, reviewRuns);
    }
    if (BenchDatabase.postgresReachable()) {
      try (BenchDatabase db = BenchDatabase.postgres()) {
        run(db, items, runs, reviewRuns);
      }
    }
  }

  private static void run(BenchDatabase db, int items, int runs, int reviewRuns) throws Exception {
    long start = System.nanoTime();
    load(db.store, items);
    db.analyze();
    System.out.printf(Locale.ROOT, "%n%s: loaded in %.1f s%n", db.kind, (System.nanoTime() - start) / 1e9);
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
    compare("queues top (50)", runs, () -> queues.top(50).size(), () -> hand.lateShipmentPage(50));
    compare("daily dashboard", runs, () -> reports.daily(day, ZoneOffset.UTC, USD).toShip().size(),
        () -> hand.daily(day));
    compare("weekly review", reviewRuns,
        () -> reports.weekly(weekFrom, END, USD, Duration.ofDays(30)).sales().parts().size(),
        () -> hand.weekly(weekFrom, END));
    Ledger ledger = Ledger.open(store, WS, config);
    compare("drift report vs a plain read of the events", reviewRuns,
        () -> ledger.drift(100).differences().size(), () -> (int) store.forEachEvent(WS, e -> { }));
  }

  // ---- timing -------------------------------------------------------------------------------------------

  private static void compare(String what, int runs, Callable<Integer> library, Callable<Integer> jdbc)
      throws Exception {
    library.call();
    jdbc.call();
    long[] lib = new long[runs];
    long[] raw = new long[runs];
    for (int r = 0; r < runs; r++) {
      long t = System.nanoTime();
      library.call();
      lib[r] = System.nanoTime() - t;
      t = System.nanoTime();
      jdbc.call();
      raw[r] = System.nanoTime() - t;
    }
    System.out.printf(Locale.ROOT, "  %-44s library p50 %8.1f ms p95 %8.1f ms | JDBC p50 %8.1f ms p95 %8.1f ms"
        + " | p95 ratio %.2f%n", what, p(lib, 50), p(lib, 95), p(raw, 50), p(raw, 95), p(lib, 95) / p(raw, 95));
  }

  private static double p(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  // ---- the data -----------------------------------------------------------------------------------------

  /** {@code items} items' histories, 10 events each, in commits of 500 items; projections folded by core. */
  static void load(LedgerStore store, int items) {
    for (int from = 0; from < items; from += 500) {
      Map<StreamId, Long> expected = new HashMap<>();
      List<LedgerEvent> events = new ArrayList<>();
      List<Item> states = new ArrayList<>();
      List<Order> orders = new ArrayList<>();
      for (int i = from; i < Math.min(items, from + 500); i++) {
        history(i, items, expected, events, states, orders);
      }
      store.commit(new Commit(WS, expected, events, states, orders, Optional.empty()));
    }
  }

  private static void history(int i, int items, Map<StreamId, Long> expected, List<LedgerEvent> events,
      List<Item> states, List<Order> orders) {
    Instant at = T0.plus(SPAN.multipliedBy(i).dividedBy(items)).truncatedTo(ChronoUnit.SECONDS);
    ItemId item = ItemId.of("q-item-" + i);
    Sku sku = Sku.of(String.format("Q-%07d", i));
    ListingId listing = ListingId.of("q-listing-" + i);
    StreamId stream = StreamId.of(item);
    expected.put(stream, 0L);
    String p = "q-" + i + "-";
    ItemDetails details = ItemDetails.builder().sku(sku).title("Bench item " + i)
        .category(Category.of(CATEGORIES[i % CATEGORIES.length], "Misc"))
        .condition(org.resellledger.core.item.Condition.VERY_GOOD).costBasis(Money.of("8.00", "USD"))
        .acquiredOn(LocalDate.ofInstant(at, ZoneOffset.UTC))
        .location(org.resellledger.core.item.StorageLocation.of("GARAGE", "S" + i % 20, "B" + i % 50))
        .photoStatus(i % 20 == 0 ? PhotoStatus.NONE : PhotoStatus.COMPLETE)
        .estimatedValue(Money.of(i % 20 == 0 ? "500.00" : "30.00", "USD"))
        .acquisitionSource(AcquisitionSource.of(AcquisitionSource.Kind.values()[i % 5])).build();
    SyncStatus listed = i % 50 == 0 ? SyncStatus.ERROR : i % 7 == 0 ? SyncStatus.DRAFT : SyncStatus.LIVE;
    OrderId a = OrderId.of("q-order-" + i + "-a");
    OrderId b = OrderId.of("q-order-" + i + "-b");
    expected.put(StreamId.of(a), 0L);
    expected.put(StreamId.of(b), 0L);
    List<LedgerEvent> itemEvents = List.of(
        event(p + 0, stream, 1, item, null, null, Movement.of(4, Bucket.SUPPLIER, Bucket.AVAILABLE), at,
            new ItemFact.ItemAcquired(details, 4, ItemStatus.READY_TO_LIST)),
        event(p + 1, stream, 2, item, listing, null, null, at.plusSeconds(60),
            new ListingFact.ListingCreated(listing, ListingDetails.builder().channel(Channel.EBAY)
                .title("Bench item " + i).price(PRICE).listedQuantity(2).build(), listed)),
        event(p + 3, stream, 3, item, listing, a, Movement.of(1, Bucket.AVAILABLE, Bucket.COMMITTED),
            at.plusSeconds(3600), new OrderItemFact.ChannelSaleRecorded(Channel.EBAY, 1, 1, PRICE)),
        event(p + 5, stream, 4, item, listing, b, Movement.of(1, Bucket.AVAILABLE, Bucket.COMMITTED),
            at.plusSeconds(7200), new OrderItemFact.ChannelSaleRecorded(Channel.EBAY, 1, 1, PRICE)),
        event(p + 7, stream, 5, item, listing, a, Movement.of(1, Bucket.COMMITTED, Bucket.BUYER),
            at.plus(Duration.ofDays(1)), new OrderItemFact.UnitsShipped("USPS", "1Z" + i)));
    // orders of the last three days wait to ship (by a ship-by date); older ones shipped
    boolean recent = at.isAfter(END.minus(Duration.ofDays(3)));
    if (!recent) {
      itemEvents = new ArrayList<>(itemEvents);
      itemEvents.add(event(p + 10, stream, 6, item, listing, b, Movement.of(1, Bucket.COMMITTED, Bucket.BUYER),
          at.plus(Duration.ofDays(1)), new OrderItemFact.UnitsShipped("USPS", "9400" + i)));
    }
    Item state = null;
    for (LedgerEvent e : itemEvents) {
      state = Projector.apply(state, e);
    }
    List<OrderLine> line = List.of(new OrderLine(item, sku, Optional.of(listing), 1, PRICE, 1, 0, 0));
    List<LedgerEvent> aEvents = List.of(
        event(p + 2, StreamId.of(a), 1, null, null, a, null, at.plusSeconds(3600), new OrderFact.OrderPlaced(
            Channel.EBAY, Optional.of("QA-" + i), line, FEES, Money.of("0.00", "USD"), OrderStatus.PAID)),
        event(p + 6, StreamId.of(a), 2, null, null, a, null, at.plus(Duration.ofDays(1)), new OrderFact.OrderShipped(
            OrderStatus.PAID, "USPS", i % 30 == 0 ? "" : "1Z" + i, Money.of("4.10", "USD"))),
        event(p + 8, StreamId.of(a), 3, null, null, a, null, at.plus(Duration.ofDays(3)),
            new OrderFact.PayoutReceived("PO-" + i, Money.of("21.74", "USD"), FEES)));
    List<LedgerEvent> bEvents = List.of(
        event(p + 4, StreamId.of(b), 1, null, null, b, null, at.plusSeconds(7200), new OrderFact.OrderPlaced(
            Channel.ETSY, Optional.of("QB-" + i), line, FEES, Money.of("0.00", "USD"), OrderStatus.PAID)),
        recent ? event(p + 9, StreamId.of(b), 2, null, null, b, null, at.plusSeconds(7300),
            new OrderFact.ShipByDateSet(Optional.empty(), at.plus(Duration.ofDays(3))))
            : event(p + 9, StreamId.of(b), 2, null, null, b, null, at.plus(Duration.ofDays(1)),
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

  private static LedgerEvent event(String id, StreamId stream, long version, ItemId item, ListingId listing,
      OrderId order, Movement movement, Instant at, EventPayload payload) {
    return new LedgerEvent(WS, EventId.of(id), stream, version, Optional.ofNullable(item), Optional.ofNullable(listing),
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

    private static List<String> column(Connection c, String sql, Object... binds) throws SQLException {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < binds.length; i++) {
          ps.setObject(i + 1, binds[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    }

    /** The entries' streams in one statement, as the library reads a page's evidence. */
    private int streams(Connection c, String kind, List<String> ids) throws SQLException {
      if (ids.isEmpty()) {
        return 0;
      }
      Object[] binds = new Object[ids.size() + 2];
      binds[0] = WS.value();
      binds[1] = kind;
      for (int i = 0; i < ids.size(); i++) {
        binds[i + 2] = ids.get(i);
      }
      return rows(c, "SELECT * FROM ledger_events WHERE workspace_id = ? AND stream_kind = ? AND stream_id IN ("
          + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ") ORDER BY stream_id, version", binds);
    }

    int lateShipmentPage(int limit) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        List<String> ids = column(c, "SELECT order_id FROM ledger_orders WHERE workspace_id = ? AND status IN"
            + " ('PAID', 'PICKED', 'PACKED') ORDER BY placed_at, placed_at_nanos, order_id" + collate + " LIMIT 200",
            WS.value());
        rows(c, "SELECT * FROM ledger_orders WHERE workspace_id = ? AND status IN ('PAID', 'PICKED', 'PACKED')"
            + " ORDER BY placed_at, placed_at_nanos, order_id" + collate + " LIMIT 200", WS.value());
        return streams(c, "ORDER", ids.subList(0, Math.min(limit, ids.size())));
      }
    }

    int syncErrorPage(int limit) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        String where = " FROM ledger_items i WHERE i.workspace_id = ? AND EXISTS (SELECT 1 FROM ledger_listings l"
            + " WHERE l.workspace_id = i.workspace_id AND l.item_id = i.item_id AND l.status = 'ERROR')"
            + " ORDER BY i.sku" + collate + " LIMIT 200";
        List<String> ids = column(c, "SELECT i.item_id" + where, WS.value());
        rows(c, "SELECT i.*" + where, WS.value());
        rows(c, "SELECT * FROM ledger_listings WHERE workspace_id = ? AND item_id IN (SELECT i.item_id" + where
            + ") ORDER BY item_id, position", WS.value(), WS.value());
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
        n += rows(c, "SELECT i.*" + items + " ORDER BY i.sku" + collate, WS.value());
        n += rows(c, "SELECT * FROM ledger_listings WHERE workspace_id = ? AND item_id IN (SELECT i.item_id" + items
            + ")", WS.value(), WS.value());
        return n;
      }
    }

    int weekly(Instant from, Instant before) throws SQLException {
      try (Connection c = db.pool.getConnection()) {
        c.setAutoCommit(false); // PostgreSQL fetches with a cursor only inside a transaction
        int n = rows(c, "SELECT * FROM ledger_events WHERE workspace_id = ? ORDER BY seq", WS.value());
        n += rows(c, "SELECT * FROM ledger_items WHERE workspace_id = ? ORDER BY sku" + collate, WS.value());
        n += rows(c, "SELECT * FROM ledger_listings WHERE workspace_id = ? ORDER BY item_id, position", WS.value());
        List<String> placed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ledger_events WHERE workspace_id = ? AND kind IN"
            + " (?, ?, ?, ?, ?, ?) AND occurred_at >= ? AND occurred_at < ? ORDER BY seq")) {
          ps.setString(1, WS.value());
          for (int k = 0; k < SALE_KINDS.length; k++) {
            ps.setString(2 + k, SALE_KINDS[k]);
          }
          ps.setObject(8, t(from));
          ps.setObject(9, t(before));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getString("payload");
              if (rs.getString("kind").equals("OrderPlaced")) {
                placed.add(rs.getString("order_id"));
              }
              n++;
            }
          }
        }
        for (String order : placed) {
          n += rows(c, "SELECT * FROM ledger_orders WHERE workspace_id = ? AND order_id = ?", WS.value(), order);
        }
        c.rollback();
        return n;
      }
    }
  }
}
