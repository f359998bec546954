package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.testkit.contract.InboxContract;
import org.resellledger.core.command.Command;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;
import java.util.UUID;

/**
 * Races through the public {@link Ledger} API against one database, by 8 threads, on one store or on two
 * stores with separate pools (two application nodes). Correctness only: nothing here is timed. Only the
 * PostgreSQL run proves serializable behaviour; H2 runs the same checks.
 */
abstract class ConcurrencyScenarios {
  static final int THREADS = 8;
  /** As specified; {@code -Dledger.race.sales=N} runs fewer while developing. */
  static final int SALES_PER_THREAD = Integer.getInteger("ledger.race.sales", 1_000);
  static final int UNITS = 100;
  /** Sales per thread of the default-retries race; {@code -Dledger.race.lockedSales=N} runs fewer or more. */
  static final int LOCKED_SALES_PER_THREAD = Integer.getInteger("ledger.race.lockedSales", 250);
  /** As specified; {@code -Dledger.race.events=N} runs fewer while developing. */
  static final int PROVIDER_EVENTS = Integer.getInteger("ledger.race.events", 1_000);
  static final int DELIVERIES = 5;
  /** The provider events sell units of this many items, with stock to spare (no conflicts there). */
  static final int PROVIDER_ITEMS = 50;
  static final List<Channel> CHANNELS = List.of(Channel.EBAY, Channel.ETSY, Channel.MERCARI);
  /** The hot item's listing id on each channel, in the channel's format. */
  static final java.util.Map<Channel, String> HOT_IDS =
      java.util.Map.of(Channel.EBAY, "204500000001", Channel.ETSY, "7000000001", Channel.MERCARI, "m10000000001");
  /** Enough for 8 threads on one item; a command that still loses is retried by the test itself. */
  static final int MAX_RETRIES = 50;

  /** The store the first node uses. */
  protected abstract LedgerStore store();

  /** A store on the same database with its own connection pool: the second node. */
  protected abstract LedgerStore secondStore();

  private final WorkspaceId ws = WorkspaceId.of("race-" + UUID.randomUUID());

  @Test
  void eightThreads_sellOneItemOf100Units_1000TimesEach_onThreeChannels_oneStore() throws Exception {
    LedgerStore store = store();
    hotItemSales(List.of(node(store, "a"), node(store, "b")));
  }

  @Test
  void eightThreads_sellOneItemOf100Units_1000TimesEach_onThreeChannels_twoStores() throws Exception {
    hotItemSales(List.of(node(store(), "a"), node(secondStore(), "b")));
  }

  /**
   * Issue #10 item 6: a sale that happened is never refused because of contention. The ledgers run with
   * the default retry budget and nothing here sends a refused sale again: after a lost race the ledger's
   * retry holds the item's row ({@code LedgerStore.locked}), so every sale is recorded, the stock is sold
   * exactly, and what could not be sold is a conflict. {@code -Dledger.race.lockedSales=N} per thread.
   */
  @Test
  void eightThreads_twoStores_defaultRetries_sellOneHotItem_noSaleRefused() throws Exception {
    ConcurrentLinkedQueue<RejectionException> refused = new ConcurrentLinkedQueue<>();
    List<Ledger> nodes = List.of(Ledger.open(store(), ws, LedgerConfig.defaults().withIds(IdGenerator.sequential("a"))),
        Ledger.open(secondStore(), ws, LedgerConfig.defaults().withIds(IdGenerator.sequential("b"))));
    hotItemSales(nodes, LOCKED_SALES_PER_THREAD, (ledger, command) -> {
      try {
        ledger.execute(command);
      } catch (RejectionException e) {
        refused.add(e);
      }
    }, () -> assertThat(refused).as("sales refused under contention").isEmpty());
  }

  /** The inbox: two stores on one database receive one delivery from 8 threads at once; one entry. */
  @Test
  void inbox_oneDeliveryReceivedByTwoStoresAtOnce_isOneEntry_everyDeliveryCounted() throws Exception {
    InboxContract.raceOneDelivery(List.of((InboxStore) store(), (InboxStore) secondStore()), ws);
  }

  /**
   * The inbox: 1,000 distinct deliveries ({@code -Dledger.race.events=N}), each 5 times, shuffled across 8
   * threads and two stores: one entry each, every delivery counted, none refused by contention.
   */
  @Test
  void inbox_manyDeliveriesFiveTimesEach_shuffledOverTwoStores_oneEntryEach_everyDeliveryCounted() throws Exception {
    InboxContract.raceManyDeliveries(List.of((InboxStore) store(), (InboxStore) secondStore()), ws,
        PROVIDER_EVENTS, DELIVERIES, 11L);
  }

  @Test
  void providerEvents_deliveredFiveTimesEach_shuffled_haveExactlyOneEffectEach() throws Exception {
    Ledger setupNode = node(store(), "setup");
    for (int i = 0; i < PROVIDER_ITEMS; i++) {
      setupNode.execute(new IntakeItem(Samples.details("PE-" + i), PROVIDER_EVENTS / PROVIDER_ITEMS + 5,
          ItemStatus.READY_TO_LIST, Samples.manual("ana")));
    }
    List<Ledger> nodes = List.of(node(store(), "a"), node(secondStore(), "b"));
    List<Integer> deliveries = new ArrayList<>();
    for (int e = 0; e < PROVIDER_EVENTS; e++) {
      for (int d = 0; d < DELIVERIES; d++) {
        deliveries.add(e);
      }
    }
    Collections.shuffle(deliveries, new Random(20261128L));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger firsts = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();

    race(t -> {
      Ledger ledger = nodes.get(t % nodes.size());
      for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
        int e = deliveries.get(i);
        CommandResult result = executeUntilRecorded(ledger, providerSale(e, "10.00"));
        (result.duplicate() ? duplicates : firsts).incrementAndGet();
      }
    });

    assertThat(firsts.get()).isEqualTo(PROVIDER_EVENTS);
    assertThat(duplicates.get()).isEqualTo(PROVIDER_EVENTS * (DELIVERIES - 1));
    List<Order> orders = setupNode.orders();
    assertThat(orders).hasSize(PROVIDER_EVENTS);
    assertThat(orders.stream().map(o -> o.externalOrderId().orElseThrow()).collect(Collectors.toSet()))
        .hasSize(PROVIDER_EVENTS);
    List<LedgerEvent> events = setupNode.events();
    assertThat(events.stream().filter(ev -> ev.payload() instanceof OrderItemFact.ChannelSaleRecorded))
        .hasSize(PROVIDER_EVENTS);
    assertThat(setupNode.items().stream().mapToLong(i -> i.balances().get(Bucket.COMMITTED)).sum())
        .isEqualTo(PROVIDER_EVENTS);
    for (int e = 0; e < PROVIDER_EVENTS; e++) {
      assertThat(store().receipt(ws, org.resellledger.core.ledger.ProviderRef.of("ebay", "pe-" + e))).isPresent();
    }
    assertThat(setupNode.replayMatchesProjections()).isTrue();

    int before = setupNode.events().size();
    assertThatThrownBy(() -> setupNode.execute(providerSale(7, "99.00")))
        .isInstanceOfSatisfying(RejectionException.class,
            r -> assertThat(r.code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT));
    assertThat(setupNode.events()).hasSize(before);
  }

  private void hotItemSales(List<Ledger> nodes) throws Exception {
    hotItemSales(nodes, SALES_PER_THREAD, ConcurrencyScenarios::executeUntilRecorded, () -> {});
  }

  /** How a thread sends one sale. */
  @FunctionalInterface
  private interface Sender {
    void send(Ledger ledger, Command command);
  }

  private void hotItemSales(List<Ledger> nodes, int salesPerThread, Sender sender, Runnable afterRace)
      throws Exception {
    Ledger setup = nodes.get(0);
    setup.execute(new IntakeItem(Samples.details("HOT-1"), UNITS, ItemStatus.READY_TO_LIST, Samples.manual("ana")));
    List<ListingId> listings = new ArrayList<>();
    for (Channel channel : CHANNELS) {
      listings.add(setup.execute(new CreateListing(Sku.of("HOT-1"),
          Samples.listing(channel, HOT_IDS.get(channel), Samples.usd("25.00")), SyncStatus.LIVE,
          Samples.manual("ana"))).listingId().orElseThrow());
    }

    race(t -> {
      Ledger ledger = nodes.get(t % nodes.size());
      for (int i = 0; i < salesPerThread; i++) {
        int c = (t + i) % CHANNELS.size();
        String orderId = "t" + t + "-" + i;
        sender.send(ledger, new RecordChannelSale(CHANNELS.get(c), orderId,
            List.of(SaleLine.of(listings.get(c), Sku.of("HOT-1"), 1, Samples.usd("25.00"))), Samples.usd("3.00"),
            Samples.usd("0.00"), OrderStatus.PAID,
            Origin.webhook(CHANNELS.get(c).code(), orderId, Samples.NOW)));
      }
    });

    afterRace.run();
    int sales = THREADS * salesPerThread;
    Item item = setup.requireItem(Sku.of("HOT-1"));
    assertThat(item.balances().get(Bucket.COMMITTED)).isEqualTo(UNITS);
    assertThat(item.balances().get(Bucket.COMMITTED) + item.available()).as("units sold + available = initial")
        .isEqualTo(UNITS);
    assertThat(item.available()).isZero();
    assertThat(item.balances().isConserved()).isTrue();
    assertThat(item.balances().hasNegativeOnHand()).isFalse();
    List<Order> orders = setup.orders();
    assertThat(orders).hasSize(sales);
    assertThat(orders.stream().mapToInt(o -> o.lines().get(0).committed()).sum()).isEqualTo(UNITS);
    Set<String> shortOrders = orders.stream().filter(Order::hasShortfall).map(o -> o.id().value())
        .collect(Collectors.toSet());
    assertThat(shortOrders).hasSize(sales - UNITS);
    assertThat(item.conflicts()).hasSize(sales - UNITS).allMatch(c -> c.shortfall() == 1);
    assertThat(item.conflicts().stream().map(c -> c.order().value()).collect(Collectors.toSet()))
        .isEqualTo(shortOrders);
    Map<Channel, Long> perChannel = orders.stream().collect(Collectors.groupingBy(Order::channel,
        Collectors.counting()));
    assertThat(perChannel.keySet()).containsExactlyInAnyOrderElementsOf(CHANNELS);
    assertThat(setup.history(Sku.of("HOT-1"))).map(HistoryEntry::balancesAfter)
        .allSatisfy(b -> assertThat(b.hasNegativeOnHand()).isFalse());
    assertThat(setup.replayMatchesProjections()).isTrue();
  }

  private static RecordChannelSale providerSale(int event, String price) {
    return new RecordChannelSale(Channel.EBAY, "pe-order-" + event,
        List.of(SaleLine.of(Sku.of("PE-" + (event % PROVIDER_ITEMS)), 1, Samples.usd(price))), Samples.usd("1.00"),
        Samples.usd("0.00"), OrderStatus.PAID, Origin.webhook("ebay", "pe-" + event, Instant.parse(
            "2026-03-01T12:00:00Z").plusSeconds(event)));
  }

  /**
   * Executes a provider command until it is recorded: a CONCURRENT_MODIFICATION after the ledger's own
   * retries wrote nothing, so sending it again is safe, and the provider event id makes it count once.
   */
  private static CommandResult executeUntilRecorded(Ledger ledger, Command command) {
    for (int attempt = 0; ; attempt++) {
      try {
        return ledger.execute(command);
      } catch (RejectionException e) {
        if (e.code() != RejectionCode.CONCURRENT_MODIFICATION || attempt == 100) {
          throw e;
        }
      }
    }
  }

  private Ledger node(LedgerStore store, String idPrefix) {
    LedgerConfig config = LedgerConfig.defaults().withIds(IdGenerator.sequential(idPrefix)).withMaxRetries(MAX_RETRIES);
    return Ledger.open(store, ws, config);
  }

  /** Runs {@code body(thread)} on {@link #THREADS} threads released together; rethrows the first failure. */
  private static void race(ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit((Callable<Void>) () -> {
          start.await();
          try {
            body.run(thread);
          } catch (Throwable e) {
            failures.add(e);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).isEmpty();
  }

  @FunctionalInterface
  private interface ThreadBody {
    void run(int thread) throws Exception;
  }
}
