package org.resellledger.samples.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.InboxProcessor;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.samples.channels.MemoryChannelLinks;
import org.resellledger.samples.channels.shopify.ShopifyMapper;
import org.resellledger.samples.channels.shopify.ShopifyWebhooks;
import org.resellledger.testkit.gen.Samples;

/**
 * Webhook ingest as the sample receiver does it, without the HTTP layer: read a Shopify {@code orders/create}
 * delivery and verify its HMAC-SHA256 over the raw body (constant-time compare), store it in the inbox (dedupe by
 * key and body), map it with the Shopify mapper and apply the sale it carries, then settle the entry. Against the
 * floor: a plain JDBC insert of the raw delivery row (one per transaction). The duplicate path is a redelivery of
 * a stored, applied webhook: verify, find it in the inbox (its delivery counted), nothing else, as the receiver
 * does (it processes only a first delivery or an entry still RECEIVED). At 1 and 8 threads, on embedded H2 and on
 * PostgreSQL (when reachable). Rounds alternate the order of the floor and the two paths after a warm-up; every
 * ratio is of times measured side by side in the same round.
 *
 * <p>{@code -Dbench.webhooks=2000} (per round), {@code -Dbench.rounds=3}, {@code -Dbench.h2=false},
 * {@code -Dbench.postgres=false}.
 */
public final class IngestBench {
  private static final String SECRET = "bench-secret-0123456789";
  private static final String SHOP = "bench.myshopify.com";
  private static final int ITEMS = 100;

  private final int webhooks = Integer.getInteger("bench.webhooks", 2000);
  private final int rounds = Integer.getInteger("bench.rounds", 3);
  private final ShopifyWebhooks reader = ShopifyWebhooks.withSecret(SECRET, java.time.Clock.systemUTC());
  private final List<String> summary = new ArrayList<>();
  private int next;

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    Logger.getLogger("org.jooq").setLevel(Level.WARNING);
    IngestBench bench = new IngestBench();
    System.out.printf(Locale.ROOT, "machine: %d cores, load %.2f, Java %s%n", Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty("java.version"));
    if (Boolean.parseBoolean(System.getProperty("bench.h2", "true"))) {
      try (BenchDatabase h2 = BenchDatabase.h2()) {
        bench.run(h2);
      }
    }
    if (Boolean.parseBoolean(System.getProperty("bench.postgres", "true")) && BenchDatabase.postgresReachable()) {
      try (BenchDatabase pg = BenchDatabase.postgres()) {
        bench.run(pg);
      }
    }
    System.out.println();
    System.out.println("summary (times per webhook; ratios are of times, so below 1.0x is faster)");
    bench.summary.forEach(System.out::println);
  }

  private void run(BenchDatabase db) throws Exception {
    WorkspaceId ws = WorkspaceId.of("ingest");
    int first = next;
    JooqLedgerStore store = db.store;
    MemoryChannelLinks links = new MemoryChannelLinks();
    Ledger setup = Ledger.open(store, ws);
    for (int i = 0; i < ITEMS; i++) {
      setup.execute(new IntakeItem(Samples.details("ING-" + i), 100_000, ItemStatus.READY_TO_LIST, Samples.manual("ana")));
      setup.execute(new CreateListing(Sku.of("ING-" + i), Samples.listing(Channel.SHOPIFY, Long.toString(700_000L + i),
          Samples.usd("45.00")), SyncStatus.DRAFT, Samples.manual("ana")));
    }
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bench_raw_deliveries (id VARCHAR(64) PRIMARY KEY, provider VARCHAR(32) NOT NULL, "
          + "topic VARCHAR(100) NOT NULL, event_id VARCHAR(200) NOT NULL, received_at TIMESTAMP NOT NULL, "
          + (db.isPostgres() ? "body BYTEA" : "body VARBINARY") + " NOT NULL, signature VARCHAR(100) NOT NULL)");
    }
    db.analyze();
    System.out.println();
    System.out.println("== " + db.kind);
    for (int threads : new int[] {1, 8}) {
      pass(db, store, links, ws, threads, webhooks / 4, false); // warm-up
      List<String> perRound = new ArrayList<>();
      double[] sums = new double[3];
      double freshOverFloor = 0;
      double duplicateOverFresh = 0;
      for (int round = 0; round < rounds; round++) {
        double[] micros = pass(db, store, links, ws, threads, webhooks, round % 2 == 1);
        for (int k = 0; k < 3; k++) {
          sums[k] += micros[k];
        }
        freshOverFloor += micros[1] / micros[0];
        duplicateOverFresh += micros[2] / micros[1];
        perRound.add(String.format(Locale.ROOT, "fresh/JDBC %.2fx, duplicate/fresh %.2fx", micros[1] / micros[0],
            micros[2] / micros[1]));
      }
      double dup = duplicateOverFresh / rounds;
      String line = String.format(Locale.ROOT,
          "%-10s %d thread%s: plain JDBC %.0f us | fresh %.0f us (%.2fx JDBC) | duplicate %.0f us (%.2fx fresh: %s)"
              + " | means of %d rounds of %,d; per round: %s",
          db.kind, threads, threads == 1 ? " " : "s", sums[0] / rounds, sums[1] / rounds, freshOverFloor / rounds,
          sums[2] / rounds, dup, dup <= 1.0 ? "<= 1.0x, met" : "above 1.0x, NOT met", rounds, webhooks,
          String.join("; ", perRound));
      System.out.println(line);
      summary.add(line);
    }
    Ledger check = Ledger.open(store, ws);
    int orders = check.orders().size();
    int notApplied = 0;
    for (InboxState s : List.of(InboxState.RECEIVED, InboxState.FAILED, InboxState.PARKED, InboxState.HELD,
        InboxState.IGNORED, InboxState.DUPLICATE, InboxState.CONFLICT)) {
      notApplied += store.inboxEntries(ws, s, 0, 500).size();
    }
    String line = String.format(Locale.ROOT, "%-10s %,d webhooks ingested, %,d orders; inbox entries not APPLIED: %d",
        db.kind, (next - first) / 2, orders, notApplied);
    System.out.println(line);
    summary.add(line);
  }

  /**
   * One round over {@code n} new webhooks: the floor, then the fresh path, then the duplicate path (the same
   * webhooks again), or with {@code floorLast} the floor after the other two; returns the microseconds per webhook
   * (wall time x threads / n) of the floor, the fresh path and the duplicate path.
   */
  private double[] pass(BenchDatabase db, JooqLedgerStore store, MemoryChannelLinks links, WorkspaceId ws,
      int threads, int n, boolean floorLast) throws Exception {
    List<Delivery> fresh = new ArrayList<>();
    List<Delivery> floor = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fresh.add(delivery(next++));
      floor.add(delivery(next++));
    }
    Node[] nodes = new Node[threads];
    for (int t = 0; t < threads; t++) {
      Ledger ledger = Ledger.open(store, ws);
      nodes[t] = new Node(ledger, InboxProcessor.of(ledger, store, links, List.<ChannelMapper>of(new ShopifyMapper())));
    }
    long jdbc = floorLast ? 0 : timed(threads, floor, (t, d) -> insertRaw(db, d));
    long freshNanos = timed(threads, fresh, (t, d) -> ingest(store, ws, nodes[t], d, true));
    long duplicate = timed(threads, fresh, (t, d) -> ingest(store, ws, nodes[t], d, false));
    if (floorLast) {
      jdbc = timed(threads, floor, (t, d) -> insertRaw(db, d));
    }
    double perWebhook = threads / (n * 1e3);
    return new double[] {jdbc * perWebhook, freshNanos * perWebhook, duplicate * perWebhook};
  }

  private record Node(Ledger ledger, InboxProcessor processor) {}

  private record Delivery(String eventId, Map<String, String> headers, byte[] body, Instant at) {}

  private Delivery delivery(int n) {
    int item = n % ITEMS;
    String body = "{\"id\": " + (9_000_000L + n) + ", \"currency\": \"USD\", \"financial_status\": \"paid\","
        + " \"cancelled_at\": null, \"updated_at\": \"2026-03-01T07:00:00-05:00\","
        + " \"shipping_lines\": [{\"price\": \"4.00\"}], \"line_items\": [{\"id\": " + (100_000L + n)
        + ", \"variant_id\": " + (800_000L + item) + ", \"product_id\": " + (700_000L + item) + ", \"sku\": \"ING-"
        + item + "\", \"quantity\": 1, \"price\": \"45.00\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>();
    h.put(ShopifyWebhooks.TOPIC, "orders/create");
    h.put(ShopifyWebhooks.HMAC, ShopifyWebhooks.sign(SECRET, bytes));
    h.put(ShopifyWebhooks.SHOP, SHOP);
    h.put(ShopifyWebhooks.WEBHOOK_ID, "wh-" + n);
    h.put(ShopifyWebhooks.EVENT_ID, "ev-" + n);
    h.put(ShopifyWebhooks.TRIGGERED_AT, "2026-03-01T12:00:00Z");
    return new Delivery("ev-" + n, h, bytes, Instant.now());
  }

  /** The receiver's path: read and verify, store, and process a first delivery (or one still RECEIVED). */
  private void ingest(JooqLedgerStore store, WorkspaceId ws, Node node, Delivery d, boolean expectFirst) {
    ProviderEvent event = reader.read(d.headers(), d.body(), Instant.now());
    Delivered delivered = store.receive(ws, InboxEntryId.of(node.ledger().config().ids().next()), event);
    if (delivered.arrival() == Delivered.Arrival.FIRST
        || (delivered.isRedelivery() && delivered.entry().state() == InboxState.RECEIVED)) {
      node.processor().process(delivered.entry().id());
    }
    if (expectFirst != (delivered.arrival() == Delivered.Arrival.FIRST)) {
      throw new IllegalStateException("expected " + (expectFirst ? "a first delivery" : "a redelivery") + " of "
          + d.eventId() + ", was " + delivered.arrival());
    }
  }

  private static void insertRaw(BenchDatabase db, Delivery d) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO bench_raw_deliveries VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, d.eventId());
      s.setString(2, "shopify");
      s.setString(3, "orders/create");
      s.setString(4, d.eventId());
      s.setTimestamp(5, java.sql.Timestamp.from(d.at()));
      s.setBytes(6, d.body());
      s.setString(7, d.headers().get(ShopifyWebhooks.HMAC));
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Wall time of {@code threads} threads taking every {@code threads}-th delivery each. */
  private static long timed(int threads, List<Delivery> work, BiConsumer<Integer, Delivery> each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = thread; i < work.size(); i += threads) {
            each.accept(thread, work.get(i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return System.nanoTime() - t0;
    } finally {
      pool.shutdownNow();
    }
  }
}
