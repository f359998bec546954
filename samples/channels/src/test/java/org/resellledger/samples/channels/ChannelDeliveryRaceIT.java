package org.resellledger.samples.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.jooq.StoreOptions;
import org.resellledger.samples.channels.Sandbox.Delivery;

/**
 * Issue #11's race at the level of effects, through the real path: 1,000 distinct Shopify {@code orders/create}
 * webhooks, each delivered 5 times, shuffled and posted by 8 threads to two receivers (two application nodes, each
 * its own {@code JooqLedgerStore} and pool) on one PostgreSQL schema. Exactly 1,000 orders; every delivery
 * acknowledged 200 and counted on its entry; none failed, parked or refused by contention.
 * {@code -Dchannels.race.webhooks=N} for another size.
 */
class ChannelDeliveryRaceIT {
  private static final String URL = env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("LEDGER_PG_USER", "postgres");
  private static final String PASSWORD = env("LEDGER_PG_PASSWORD", "");
  private static final int WEBHOOKS = Integer.getInteger("channels.race.webhooks", 1000);
  private static final int COPIES = 5;
  private static final int THREADS = 8;
  private static final int ITEMS = 20;

  private final String schema = "channels_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
      .toLowerCase(Locale.ROOT);
  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  @AfterEach
  void drop() throws SQLException {
    pools.forEach(JdbcConnectionPool::dispose);
    admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private JdbcConnectionPool pool() {
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(URL);
    source.setUser(USER);
    source.setPassword(PASSWORD);
    source.setCurrentSchema(schema);
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(10);
    pools.add(pool);
    return pool;
  }

  @Test
  void thousandWebhooks_fiveDeliveriesEach_eightThreads_twoNodes_exactlyOneOrderEach() throws Exception {
    Assumptions.assumeTrue(reachable(), "PostgreSQL not reachable at " + URL);
    admin("CREATE SCHEMA " + schema);
    JooqLedgerStore storeA = JooqLedgerStore.forDataSource(pool());
    JooqLedgerStore storeB = JooqLedgerStore.forDataSource(pool(), StoreOptions.builder().migrate(false).build());
    Sandbox nodeA = new Sandbox(storeA, new MemoryChannelLinks(), "race");
    Sandbox nodeB = new Sandbox(storeB, new MemoryChannelLinks(), "race");
    for (int i = 0; i < ITEMS; i++) {
      nodeA.stock("RACE-" + i, WEBHOOKS, Channel.SHOPIFY, Long.toString(600_000L + i), "45.00");
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (int n = 0; n < WEBHOOKS; n++) {
      var order = Sandbox.shopifyOrder(5_000_000L + n, 90_000L + n, "RACE-" + (n % ITEMS), 1);
      order.put("product_id", 600_000L + n % ITEMS);
      Delivery d = Sandbox.shopify("orders/create", "race-" + n, Fixtures.json("shopify/order.json", order));
      for (int k = 0; k < COPIES; k++) {
        deliveries.add(d);
      }
    }
    Collections.shuffle(deliveries, new Random(20261207L));
    ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>(deliveries);
    ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    AtomicInteger acknowledged = new AtomicInteger();

    try (WebhookReceiver a = WebhookReceiver.start(nodeA.ledger, storeA, nodeA.links, nodeA.readers(),
            nodeA.mappers(), 0, 4);
        WebhookReceiver b = WebhookReceiver.start(nodeB.ledger, storeB, nodeB.links, nodeB.readers(),
            nodeB.mappers(), 0, 4)) {
      int[] ports = {a.port(), b.port()};
      ExecutorService clients = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int port = ports[t % 2];
        running.add(clients.submit(() -> {
          for (Delivery d = queue.poll(); d != null; d = queue.poll()) {
            Http.Answer answer = Http.post(port, d);
            if (answer.status() == 200) {
              acknowledged.incrementAndGet();
            } else {
              refused.add(answer.status() + " " + answer.text());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get(10, TimeUnit.MINUTES);
      }
      clients.shutdown();
      assertThat(a.awaitProcessed(Duration.ofMinutes(5))).isTrue();
      assertThat(b.awaitProcessed(Duration.ofMinutes(5))).isTrue();
    }

    assertThat(refused).isEmpty();
    assertThat(acknowledged.get()).isEqualTo(WEBHOOKS * COPIES);
    assertThat(nodeA.ledger.orders()).hasSize(WEBHOOKS);
    assertThat(nodeA.ledger.events().stream().filter(e -> e.payload() instanceof OrderItemFact.ChannelSaleRecorded))
        .hasSize(WEBHOOKS);
    long sold = 0;
    for (int i = 0; i < ITEMS; i++) {
      sold += WEBHOOKS - nodeA.ledger.item(Sku.of("RACE-" + i)).orElseThrow().available();
    }
    assertThat(sold).isEqualTo(WEBHOOKS);
    java.util.Map<InboxState, List<InboxEntry>> byState = new java.util.EnumMap<>(InboxState.class);
    for (InboxState state : InboxState.values()) {
      List<InboxEntry> entries = new ArrayList<>();
      for (int offset = 0; offset < WEBHOOKS + 1; offset += 500) {
        entries.addAll(storeA.inboxEntries(nodeA.workspace, state, offset, 500));
      }
      if (!entries.isEmpty()) {
        byState.put(state, entries);
      }
    }
    assertThat(byState.keySet()).as(() -> byState.entrySet().stream().filter(e -> e.getKey() != InboxState.APPLIED)
        .map(e -> e.getKey() + " " + e.getValue().size() + " e.g. " + e.getValue().get(0).outcome())
        .toList().toString()).containsExactly(InboxState.APPLIED);
    List<InboxEntry> applied = byState.get(InboxState.APPLIED);
    assertThat(applied).hasSize(WEBHOOKS);
    assertThat(applied.stream().mapToInt(InboxEntry::deliveries).sum()).isEqualTo(WEBHOOKS * COPIES);
    assertThat(nodeA.ledger.replayMatchesProjections()).isTrue();
  }

  private static boolean reachable() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Creating and dropping the test's own schema; the name is generated here. */
  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
