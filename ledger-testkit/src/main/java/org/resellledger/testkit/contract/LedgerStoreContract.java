package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.Preview;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.DuplicateReceiptException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.StoredValues;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamTypes;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.core.Projector;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.sim.LedgerSimulator;
import org.resellledger.testkit.sim.SimulationReport;

/**
 * What every {@link LedgerStore} must do, as one JUnit Jupiter suite. A store passes by extending it in one
 * line:
 *
 * <pre>{@code
 * class MyStoreContractTest extends LedgerStoreContract {
 *   protected LedgerStore newStore() { return new MyStore(dataSource); }
 * }
 * }</pre>
 *
 * <p>Each test works in workspaces of its own (random names), so a persistent store may hand out the same
 * database to every test. A store that is {@link AutoCloseable} is closed after each test. Instants used
 * here have at most microsecond precision, and ordering is by Java {@link String#compareTo} (a SQL store
 * needs a binary collation such as {@code COLLATE "C"} for SKUs and ids).
 *
 * <p>Groups: appending and reading, optimistic concurrency, idempotency, projections and replay, workspace
 * isolation, random command sequences (the {@link LedgerSimulator}, {@link #simulatedSequences()} of them),
 * history queries. Each exercises the port directly (hand-built commits) and through the {@link Ledger} API.
 */
public abstract class LedgerStoreContract {

  /** A store to test; called once per test. It may share its database with earlier calls. */
  protected abstract LedgerStore newStore();

  /** The store under test, fresh for each test. */
  protected LedgerStore store;
  /** A workspace of this test only. */
  protected WorkspaceId ws;
  /** A second workspace of this test only, for isolation checks. */
  protected WorkspaceId other;

  private Facts facts;

  @BeforeEach
  void openStore() {
    store = newStore();
    ws = WorkspaceId.of("contract-" + UUID.randomUUID());
    other = WorkspaceId.of("contract-" + UUID.randomUUID());
    facts = new Facts(ws);
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** A ledger on the store under test with a pinned clock and ids {@code idPrefix1, idPrefix2...}. */
  protected Ledger ledger(WorkspaceId workspace, String idPrefix) {
    return Ledger.open(store, workspace, Samples.config(idPrefix));
  }

  private Ledger ledger() {
    return ledger(ws, "e");
  }

  private Item item(String id) {
    return store.item(ws, ItemId.of(id)).orElseThrow();
  }

  /** Everything the store holds for {@code workspace}, to prove that a refused commit wrote nothing. */
  private record Snapshot(List<LedgerEvent> events, List<Item> items, List<Order> orders) {}

  private Snapshot snapshot(WorkspaceId workspace) {
    return new Snapshot(store.events(workspace), store.items(workspace), store.orders(workspace));
  }

  /**
   * Runs {@code attempt} on {@code threads} threads at once, each with its own Ledger on the store under test,
   * and counts the attempts that say they won.
   */
  protected int winners(int threads, java.util.function.Predicate<Ledger> attempt) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Ledger ledger = Ledger.open(store, ws, Samples.config("t" + t + "-"));
        results.add(pool.submit(() -> {
          start.await();
          return attempt.test(ledger);
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  // -------------------------------------------------------------------------------------------------------

  @Nested
  class AppendingAndReading {
    @Test
    void commit_thenEveryReadReturnsWhatWasCommitted() {
      Commit intake = facts.intake("ev-1", "it-1", "SKU-1", 3);
      store.commit(intake);
      Commit listed = facts.listing("ev-2", item("it-1"), "li-1", Channel.EBAY, "ext-1");
      store.commit(listed);
      Commit order = facts.order("ev-3", "or-1", Channel.EBAY, "E-1", item("it-1"));
      store.commit(order);

      assertThat(store.events(ws)).containsExactly(intake.events().get(0), listed.events().get(0),
          order.events().get(0));
      assertThat(store.stream(ws, StreamId.of(ItemId.of("it-1"))))
          .containsExactly(intake.events().get(0), listed.events().get(0));
      assertThat(store.item(ws, ItemId.of("it-1"))).contains(listed.items().get(0));
      assertThat(store.items(ws)).containsExactly(listed.items().get(0));
      assertThat(store.itemId(ws, Sku.of("sku-1"))).contains(ItemId.of("it-1"));
      assertThat(store.itemBySku(ws, Sku.of("sku-1"))).contains(listed.items().get(0));
      assertThat(store.itemsBySku(ws, List.of(Sku.of("NOPE"), Sku.of("SKU-1"), Sku.of("sku-1"))))
          .containsExactly(entry(Sku.of("SKU-1"), listed.items().get(0)));
      assertThat(store.itemsById(ws, List.of(ItemId.of("nope"), ItemId.of("it-1"), ItemId.of("it-1"))))
          .containsExactly(entry(ItemId.of("it-1"), listed.items().get(0)));
      assertThat(store.itemIdOfListing(ws, ListingId.of("li-1"))).contains(ItemId.of("it-1"));
      assertThat(store.listingByExternalId(ws, Channel.EBAY, "ext-1")).contains(ListingId.of("li-1"));
      assertThat(store.order(ws, OrderId.of("or-1"))).contains(order.orders().get(0));
      assertThat(store.ordersById(ws, List.of(OrderId.of("nope"), OrderId.of("or-1"), OrderId.of("or-1"))))
          .containsExactly(entry(OrderId.of("or-1"), order.orders().get(0)));
      assertThat(store.orderByExternalId(ws, Channel.EBAY, "E-1")).contains(OrderId.of("or-1"));
      assertThat(store.orders(ws)).containsExactly(order.orders().get(0));
    }

    @Test
    void aRecordStoredBeforeABoundExisted_readsBackAsItWasWritten() {
      // 20 digits before the point and a control character: refused as new input, but a store written before
      // those bounds may hold them, and must keep reading them.
      ItemDetails old = StoredValues.read(() -> ItemDetails.builder().from(Samples.details("OLD-1"))
          .title("bell\u0007title").costBasis(Money.of(new java.math.BigDecimal("12345678901234567890.25"), "USD"))
          .build());
      Commit intake = facts.intake("ev-1", "it-1", old, 2);
      store.commit(intake);

      assertThat(store.item(ws, ItemId.of("it-1"))).contains(intake.items().get(0));
      assertThat(store.itemBySku(ws, Sku.of("OLD-1")).orElseThrow().details()).isEqualTo(old);
      assertThat(store.events(ws)).containsExactlyElementsOf(intake.events());
      assertThat(ledger().replayMatchesProjections()).isTrue();
    }

    @Test
    void unknownKeys_readAsEmpty() {
      store.commit(facts.intake("ev-1", "it-1", "SKU-1", 1));

      assertThat(store.item(ws, ItemId.of("nope"))).isEmpty();
      assertThat(store.itemId(ws, Sku.of("NOPE"))).isEmpty();
      assertThat(store.itemBySku(ws, Sku.of("NOPE"))).isEmpty();
      assertThat(store.itemsBySku(ws, List.of(Sku.of("NOPE")))).isEmpty();
      assertThat(store.itemsBySku(ws, List.of())).isEmpty();
      assertThat(store.itemsById(ws, List.of(ItemId.of("nope")))).isEmpty();
      assertThat(store.itemsById(ws, List.of())).isEmpty();
      assertThat(store.itemIdOfListing(ws, ListingId.of("nope"))).isEmpty();
      assertThat(store.listingByExternalId(ws, Channel.EBAY, "nope")).isEmpty();
      assertThat(store.order(ws, OrderId.of("nope"))).isEmpty();
      assertThat(store.ordersById(ws, List.of(OrderId.of("nope")))).isEmpty();
      assertThat(store.ordersById(ws, List.of())).isEmpty();
      assertThat(store.orderByExternalId(ws, Channel.EBAY, "nope")).isEmpty();
      assertThat(store.stream(ws, StreamId.of(ItemId.of("nope")))).isEmpty();
      assertThat(store.receipt(ws, ProviderRef.of("ebay", "nope"))).isEmpty();
      assertThat(store.events(ws, List.of(EventId.of("nope")))).isEmpty();
    }

    @Test
    void ordersById_answersAListInTheOrderAsked_eachOrderAsOrderReadsIt() {
      store.commit(facts.intake("ev-i", "it-1", "SKU-1", 1));
      List<OrderId> asked = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        store.commit(facts.order("ev-" + i, "or-" + i, Channel.EBAY, "E-" + i, item("it-1")));
        asked.add(0, OrderId.of("or-" + i));
      }
      asked.add(150, OrderId.of("not-there"));
      asked.add(OrderId.of("or-7"));

      var found = store.ordersById(ws, asked);

      assertThat(found.keySet()).containsExactlyElementsOf(asked.stream().distinct()
          .filter(id -> !id.value().equals("not-there")).toList());
      for (OrderId id : List.of(OrderId.of("or-0"), OrderId.of("or-7"), OrderId.of("or-299"))) {
        assertThat(found.get(id)).isEqualTo(store.order(ws, id).orElseThrow());
      }
    }

    @Test
    void itemsBySkuAndItemsById_answerALongListInTheOrderAsked() {
      List<Sku> asked = new ArrayList<>();
      for (int i = 0; i < 1_200; i++) {
        store.commit(facts.intake("ev-" + i, "it-" + i, "SKU-" + i, 1));
        asked.add(0, Sku.of("SKU-" + i));
      }
      asked.add(600, Sku.of("NOT-THERE"));

      var found = store.itemsBySku(ws, asked);

      assertThat(found.keySet()).containsExactlyElementsOf(asked.stream().filter(s -> !s.value().equals("NOT-THERE"))
          .toList());
      assertThat(found.get(Sku.of("SKU-7"))).isEqualTo(item("it-7"));
      List<ItemId> ids = asked.stream().map(s -> ItemId.of("it-" + s.value().substring(4))).toList();
      var byId = store.itemsById(ws, ids);
      assertThat(byId.keySet()).containsExactlyElementsOf(ids.stream().filter(id -> !id.value().equals("it-THERE"))
          .toList());
      assertThat(byId.get(ItemId.of("it-7"))).isEqualTo(item("it-7"));
    }

    @Test
    void emptyWorkspace_hasNothing() {
      assertThat(store.events(ws)).isEmpty();
      assertThat(store.items(ws)).isEmpty();
      assertThat(store.orders(ws)).isEmpty();
    }

    @Test
    void oneCommit_withManyStreams_isReadBackInCommitOrder() {
      Commit both = Facts.both(facts.intake("ev-b", "it-b", "B", 1), facts.intake("ev-a", "it-a", "A", 2));
      store.commit(both);

      assertThat(store.events(ws)).containsExactlyElementsOf(both.events());
      assertThat(store.items(ws)).extracting(Item::sku).containsExactly(Sku.of("A"), Sku.of("B"));
    }

    @Test
    void items_areOrderedBySkuAsJavaComparesThem() {
      List<String> skus = List.of("b", "A1", "A-2", "A.3", "A_0", "a10", "A9", "0Z");
      for (int i = 0; i < skus.size(); i++) {
        store.commit(facts.intake("ev-" + i, "it-" + i, skus.get(i), 1));
      }
      List<Sku> expected = new ArrayList<>(skus.stream().map(Sku::of).toList());
      expected.sort(null);

      assertThat(store.items(ws)).extracting(Item::sku).containsExactlyElementsOf(expected);
    }

    @Test
    void orders_areOrderedByPlacementTimeThenId() {
      store.commit(facts.intake("ev-0", "it-0", "SKU-0", 1));
      Item item = item("it-0");
      for (String id : List.of("or-10", "or-2", "or-1", "OR-3")) {
        store.commit(facts.order("ev-" + id, id, Channel.EBAY, "ext-" + id, item));
      }

      assertThat(store.orders(ws)).extracting(o -> o.id().value())
          .containsExactly("OR-3", "or-1", "or-10", "or-2");
    }

    @Test
    void everyKindOfEvent_throughTheLedger_isReadBackEqual() {
      Ledger ledger = ledger();
      Story.run(ledger);
      List<LedgerEvent> events = ledger.events();

      assertThat(events.stream().map(LedgerEvent::kind).distinct().count())
          .as("the story produces most kinds of event").isGreaterThanOrEqualTo(25);
      for (LedgerEvent e : events) {
        assertThat(store.events(ws, List.of(e.id()))).containsExactly(e);
        assertThat(store.stream(ws, e.stream())).contains(e);
      }
      assertThat(ledger.items()).hasSize(6);
      assertThat(ledger.orders()).hasSize(3);
    }

    @Test
    void unicodeAndLongText_roundTrip() {
      Ledger ledger = ledger();
      ItemDetails details = ItemDetails.builder().from(Samples.richDetails("UNI-1"))
          .title("🧥".repeat(50) + "ジャケット" + "שלום" + "e\u0301".repeat(40))
          .notes("n".repeat(3999) + "✓")
          .build();
      ledger.execute(new IntakeItem(details, 1, ItemStatus.NEEDS_PHOTOS, Samples.manual("ana")));
      ListingDetails listing = ListingDetails.builder().from(Samples.richListing(Channel.of("vinted"), "ü-1"))
          .description("d".repeat(49_999) + "é")
          .title("t".repeat(200))
          .build();
      ledger.execute(new CreateListing(Sku.of("UNI-1"), listing, SyncStatus.DRAFT, Samples.manual("ana")));

      Item read = ledger.requireItem(Sku.of("UNI-1"));
      assertThat(read.details()).isEqualTo(details);
      assertThat(read.listings().values()).singleElement()
          .satisfies(l -> assertThat(l.details()).isEqualTo(listing));
      assertThat(ledger.replayMatchesProjections()).isTrue();
    }

    @Test
    void aCommitWithNoEvents_butAReceipt_recordsTheReceipt() {
      ProviderRef ref = ProviderRef.of("shopify", "gid://shopify/Webhook/1");
      Receipt receipt = new Receipt(ref, "fp", List.of());
      store.commit(new Commit(ws, java.util.Map.of(), List.of(), List.of(), List.of(), Optional.of(receipt)));

      assertThat(store.receipt(ws, ref)).contains(receipt);
      assertThat(store.events(ws)).isEmpty();
    }
  }

  // -------------------------------------------------------------------------------------------------------

  @Nested
  class OptimisticConcurrency {
    @Test
    void staleExpectedVersion_isRefused_andNothingIsWritten() {
      store.commit(facts.intake("ev-1", "it-1", "SKU-1", 5));
      Item v1 = item("it-1");
      store.commit(facts.hold("ev-2", v1, 1, 1));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> store.commit(facts.hold("ev-3", v1, 2, 1))).isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(store.events(ws, List.of(EventId.of("ev-3")))).isEmpty();
    }

    @Test
    void newStream_thatAlreadyExists_isRefused() {
      store.commit(facts.intake("ev-1", "it-1", "SKU-1", 1));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> store.commit(facts.intake("ev-2", "it-1", "SKU-2", 1)))
          .isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
    }

    @Test
    void oneStaleStream_refusesTheWholeCommit() {
      store.commit(facts.intake("ev-1", "it-1", "SKU-1", 5));
      Item v1 = item("it-1");
      store.commit(facts.hold("ev-2", v1, 1, 1));
      Snapshot before = snapshot(ws);
      Commit mixed = Facts.both(facts.intake("ev-3", "it-2", "SKU-2", 1), facts.hold("ev-4", v1, 1, 1));

      assertThatThrownBy(() -> store.commit(mixed)).isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(store.item(ws, ItemId.of("it-2"))).isEmpty();
      assertThat(store.itemId(ws, Sku.of("SKU-2"))).isEmpty();
    }

    @Test
    void takenSku_isRefused_andNothingIsWritten() {
      store.commit(facts.intake("ev-1", "it-1", "SKU-1", 1));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> store.commit(facts.intake("ev-2", "it-2", "sku-1", 1)))
          .isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(store.itemId(ws, Sku.of("SKU-1"))).contains(ItemId.of("it-1"));
    }

    @Test
    void takenExternalOrderId_onTheSameChannel_isRefused_butFreeOnAnother() {
      store.commit(facts.intake("ev-0", "it-0", "SKU-0", 1));
      Item item = item("it-0");
      store.commit(facts.order("ev-1", "or-1", Channel.EBAY, "E-1", item));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> store.commit(facts.order("ev-2", "or-2", Channel.EBAY, "E-1", item)))
          .isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);

      store.commit(facts.order("ev-3", "or-3", Channel.ETSY, "E-1", item));
      assertThat(store.orderByExternalId(ws, Channel.ETSY, "E-1")).contains(OrderId.of("or-3"));
      assertThat(store.orderByExternalId(ws, Channel.EBAY, "E-1")).contains(OrderId.of("or-1"));
    }

    @Test
    void takenListingExternalId_onTheSameChannel_isRefused_butFreeOnAnother() {
      store.commit(facts.intake("ev-1", "it-1", "SKU-1", 1));
      store.commit(facts.intake("ev-2", "it-2", "SKU-2", 1));
      store.commit(facts.listing("ev-3", item("it-1"), "li-1", Channel.EBAY, "X-1"));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> store.commit(facts.listing("ev-4", item("it-2"), "li-2", Channel.EBAY, "X-1")))
          .isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);

      store.commit(facts.listing("ev-5", item("it-2"), "li-3", Channel.MERCARI, "X-1"));
      assertThat(store.listingByExternalId(ws, Channel.MERCARI, "X-1")).contains(ListingId.of("li-3"));
      assertThat(store.listingByExternalId(ws, Channel.EBAY, "X-1")).contains(ListingId.of("li-1"));
    }

    @Test
    void racingHolds_throughTheLedger_loseNoUpdate() throws Exception {
      LedgerConfig config = Samples.config("setup-");
      Ledger setup = Ledger.open(store, ws, config);
      setup.execute(new IntakeItem(Samples.details("RACE-1"), 40, ItemStatus.READY_TO_LIST, Samples.manual("a")));
      int threads = 4;
      int perThread = 8;
      AtomicInteger held = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Ledger ledger = Ledger.open(store, ws, Samples.config("t" + t + "-").withMaxRetries(100));
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < perThread; i++) {
              try {
                ledger.execute(new HoldUnits(Sku.of("RACE-1"), 1, Samples.manual("a", "race")));
                held.incrementAndGet();
              } catch (RejectionException e) {
                if (e.code() != RejectionCode.CONCURRENT_MODIFICATION) {
                  failures.add(e);
                }
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(failures).isEmpty();
      Item item = setup.requireItem(Sku.of("RACE-1"));
      assertThat(item.balances().get(Bucket.HELD)).isEqualTo(held.get());
      assertThat(item.available()).isEqualTo(40 - held.get());
      assertThat(item.version()).isEqualTo(1 + held.get());
      assertThat(setup.replayMatchesProjections()).isTrue();
    }

    @Test
    void racingIntakes_ofTheSameSku_createOneItem() throws Exception {
      int won = winners(4, ledger -> {
        try {
          ledger.execute(new IntakeItem(Samples.details("ONCE-1"), 1, ItemStatus.READY_TO_LIST, Samples.manual("a")));
          return true;
        } catch (RejectionException e) {
          assertThat(e.code()).isIn(RejectionCode.DUPLICATE_SKU, RejectionCode.CONCURRENT_MODIFICATION);
          return false;
        }
      });
      assertThat(won).isEqualTo(1);
      assertThat(store.items(ws)).hasSize(1);
      assertThat(store.events(ws)).hasSize(1);
    }
  }

  // -------------------------------------------------------------------------------------------------------

  @Nested
  class Idempotency {
    private final ProviderRef ref = ProviderRef.of("ebay", "ntf-0001");

    @Test
    void receipt_isReadableAfterCommit() {
      Commit c = Facts.withReceipt(facts.intake("ev-1", "it-1", "SKU-1", 1), ref, "fp-1");
      store.commit(c);

      assertThat(store.receipt(ws, ref)).contains(c.receipt().get());
      assertThat(store.receipt(ws, ref).get().events()).containsExactly(EventId.of("ev-1"));
      assertThat(store.receipt(ws, ProviderRef.of("etsy", "ntf-0001"))).isEmpty();
    }

    @Test
    void duplicateReceipt_isRefused_andNothingIsWritten() {
      store.commit(Facts.withReceipt(facts.intake("ev-1", "it-1", "SKU-1", 1), ref, "fp-1"));
      Snapshot before = snapshot(ws);
      Receipt first = store.receipt(ws, ref).orElseThrow();

      assertThatThrownBy(() -> store.commit(Facts.withReceipt(facts.intake("ev-2", "it-2", "SKU-2", 1), ref, "fp-2")))
          .isInstanceOf(DuplicateReceiptException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(store.item(ws, ItemId.of("it-2"))).isEmpty();
      assertThat(store.receipt(ws, ref)).contains(first);
    }

    @Test
    void sameEventId_fromAnotherProvider_isAnotherReceipt() {
      store.commit(Facts.withReceipt(facts.intake("ev-1", "it-1", "SKU-1", 1), ref, "fp-1"));
      ProviderRef etsy = ProviderRef.of("etsy", ref.eventId());
      store.commit(Facts.withReceipt(facts.intake("ev-2", "it-2", "SKU-2", 1), etsy, "fp-2"));

      assertThat(store.receipt(ws, etsy).orElseThrow().fingerprint()).isEqualTo("fp-2");
      assertThat(store.receipt(ws, ref).orElseThrow().fingerprint()).isEqualTo("fp-1");
    }

    @Test
    void redelivery_throughTheLedger_returnsTheFirstOutcome_andWritesNothing() {
      Ledger ledger = ledger();
      ledger.execute(new IntakeItem(Samples.details("SKU-1"), 1, ItemStatus.READY_TO_LIST, Samples.manual("a")));
      RecordChannelSale sale = new RecordChannelSale(Channel.EBAY, "E-1",
          List.of(SaleLine.of(Sku.of("SKU-1"), 1, Samples.usd("20.00"))), Samples.usd("2.00"), Samples.usd("0.00"),
          OrderStatus.PAID, Samples.webhook("ebay", "ntf-1"));
      CommandResult first = ledger.execute(sale);
      Snapshot before = snapshot(ws);

      CommandResult again = ledger.execute(sale);

      assertThat(again.duplicate()).isTrue();
      assertThat(again.events()).isEqualTo(first.events());
      assertThat(snapshot(ws)).isEqualTo(before);
    }

    @Test
    void aUnitRunOnce_isAppliedOnce_andItsKeyIsCommittedWithItsEvents() {
      Ledger ledger = ledger();
      ProviderRef unit = ProviderRef.of("csv-import", "ADJUSTMENTS:abc:1+2");
      ledger.execute(new IntakeItem(Samples.details("SKU-1"), 10, ItemStatus.READY_TO_LIST, Samples.manual("a")));
      List<Command> adjust = List.of(new AdjustQuantity(Sku.of("SKU-1"), 3, Samples.manual("a").because("found")));
      assertThat(ledger.applied(unit)).isFalse();

      List<CommandResult> first = ledger.executeAllOnce(unit, adjust);
      Snapshot after = snapshot(ws);
      List<CommandResult> again = Ledger.open(store, ws, Samples.config("other-")).executeAllOnce(unit, adjust);

      assertThat(first.get(0).duplicate()).isFalse();
      assertThat(first.get(0).events()).hasSize(1);
      assertThat(again).singleElement().satisfies(r -> {
        assertThat(r.duplicate()).isTrue();
        assertThat(r.events()).isEmpty();
      });
      assertThat(snapshot(ws)).isEqualTo(after);
      assertThat(store.itemBySku(ws, Sku.of("SKU-1")).orElseThrow().available()).isEqualTo(13);
      assertThat(ledger.applied(unit)).isTrue();
      assertThat(ledger(other, "o").applied(unit)).as("a unit key is per workspace").isFalse();
    }

    @Test
    void aRefusedUnit_leavesNoKey_soItCanRunAgain() {
      Ledger ledger = ledger();
      ProviderRef unit = ProviderRef.of("csv-import", "ADJUSTMENTS:abc:1+1");
      ledger.execute(new IntakeItem(Samples.details("SKU-1"), 1, ItemStatus.READY_TO_LIST, Samples.manual("a")));

      assertThatThrownBy(() -> ledger.executeAllOnce(unit,
          List.of(new AdjustQuantity(Sku.of("SKU-1"), -5, Samples.manual("a").because("lost")))))
          .isInstanceOf(RejectionException.class);

      assertThat(ledger.applied(unit)).isFalse();
      ledger.executeAllOnce(unit, List.of(new AdjustQuantity(Sku.of("SKU-1"), -1, Samples.manual("a").because("lost"))));
      assertThat(store.itemBySku(ws, Sku.of("SKU-1")).orElseThrow().available()).isZero();
    }

    @Test
    void oneUnit_racedByFourWriters_isAppliedOnce() throws Exception {
      Ledger setup = ledger();
      setup.execute(new IntakeItem(Samples.details("SKU-1"), 10, ItemStatus.READY_TO_LIST, Samples.manual("a")));
      ProviderRef unit = ProviderRef.of("csv-import", "ADJUSTMENTS:race:1+1");
      int applied = winners(4, ledger -> !ledger.executeAllOnce(unit, List.of(new AdjustQuantity(Sku.of("SKU-1"), 1,
          Samples.manual("a").because("found")))).get(0).duplicate());
      assertThat(applied).isEqualTo(1);
      assertThat(store.itemBySku(ws, Sku.of("SKU-1")).orElseThrow().available()).isEqualTo(11);
    }

    @Test
    void sameProviderEventId_withOtherContent_isAnIdempotencyConflict() {
      Ledger ledger = ledger();
      ledger.execute(new IntakeItem(Samples.details("SKU-1"), 2, ItemStatus.READY_TO_LIST, Samples.manual("a")));
      ledger.execute(new RecordChannelSale(Channel.EBAY, "E-1",
          List.of(SaleLine.of(Sku.of("SKU-1"), 1, Samples.usd("20.00"))), Samples.usd("2.00"), Samples.usd("0.00"),
          OrderStatus.PAID, Samples.webhook("ebay", "ntf-1")));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> ledger.execute(new RecordChannelSale(Channel.EBAY, "E-2",
          List.of(SaleLine.of(Sku.of("SKU-1"), 1, Samples.usd("25.00"))), Samples.usd("2.00"), Samples.usd("0.00"),
          OrderStatus.PAID, Samples.webhook("ebay", "ntf-1"))))
          .isInstanceOfSatisfying(RejectionException.class,
              e -> assertThat(e.code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT));
      assertThat(snapshot(ws)).isEqualTo(before);
    }
  }

  // -------------------------------------------------------------------------------------------------------

  @Nested
  class Previews {
    @Test
    void preview_writesNothing_andExecuteAllThenAppendsExactlyWhatItShowed() {
      AtomicLong counter = new AtomicLong();
      Ledger ledger = Ledger.open(store, ws, Samples.config("e").withIds(() -> "pv" + counter.incrementAndGet()));
      Story story = Story.run(ledger);
      Snapshot before = snapshot(ws);
      Optional<Receipt> receipt = store.receipt(ws, new ProviderRef("ebay", "ntf-5521"));
      Origin ana = Samples.manual("ana");
      List<org.resellledger.core.command.Command> accepted = List.of(
          new IntakeItem(Samples.details("PV-1"), 2, ItemStatus.READY_TO_LIST, ana),
          new CreateListing(Sku.of("PV-1"), Samples.listing(Channel.MERCARI, "m10000000001", Samples.usd("12.00")),
              SyncStatus.LIVE, ana),
          new RecordChannelSale(Channel.MERCARI, "ME-9", List.of(SaleLine.of(Sku.of("PV-1"), 3, Samples.usd("12.00"))),
              Samples.usd("1.00"), Samples.usd("0.00"), OrderStatus.PAID, ana),
          new HoldUnits(Story.LAMP, 1, ana.because("to photograph")));
      List<org.resellledger.core.command.Command> all = new ArrayList<>(accepted);
      all.add(new HoldUnits(Sku.of("NOPE"), 1, ana.because("x")));
      all.add(new IntakeItem(Samples.details(Story.JACKET.value()), 1, ItemStatus.READY_TO_LIST, ana));
      all.add(new RecordChannelSale(Channel.EBAY, "E-1001", List.of(SaleLine.of(story.ebay, Story.JACKET, 2,
          Samples.usd("60.00"))), Samples.usd("7.80"), Samples.usd("5.00"), OrderStatus.PAID,
          org.resellledger.core.ledger.Origin.webhook("ebay", "ntf-5521",
              java.time.Instant.parse("2026-03-01T11:59:58.123456Z"))));
      long ids = counter.get();

      Preview preview = ledger.preview(all);

      assertThat(snapshot(ws)).as("a preview writes nothing").isEqualTo(before);
      assertThat(store.receipt(ws, new ProviderRef("ebay", "ntf-5521"))).isEqualTo(receipt);
      assertThat(preview.rejections()).extracting(RejectionException::code)
          .containsExactly(RejectionCode.UNKNOWN_ITEM, RejectionCode.DUPLICATE_SKU);
      assertThat(preview.rejections()).extracting(e -> e.position().getAsInt()).containsExactly(4, 5);
      assertThat(preview.step(6).duplicate()).as("the story's eBay sale, delivered again").isTrue();
      assertThat(preview.step(6).events()).isEqualTo(store.events(ws, receipt.orElseThrow().events()));

      counter.set(ids);
      List<CommandResult> results = ledger.executeAll(accepted);

      List<LedgerEvent> previewed = new ArrayList<>();
      for (int i = 0; i < accepted.size(); i++) {
        previewed.addAll(preview.step(i).events());
      }
      assertThat(results.stream().flatMap(r -> r.events().stream()).toList()).isEqualTo(previewed);
      assertThat(store.events(ws).subList(before.events().size(), store.events(ws).size())).isEqualTo(previewed);
    }
  }

  // -------------------------------------------------------------------------------------------------------

  @Nested
  class ProjectionsAndReplay {
    /** A channel's word on a listing is kept beside it and reads back with it, as replaying gives it. */
    @Test
    void aChannelObservation_isKeptBesideTheListing_andReadsBack() {
      Ledger ledger = ledger();
      Story story = Story.run(ledger);
      java.time.Instant said = java.time.Instant.parse("2026-03-02T09:30:00.123456Z");
      org.resellledger.core.listing.ChannelObservation observation =
          new org.resellledger.core.listing.ChannelObservation(said, Optional.of(Samples.usd("79.00")),
              Optional.of("Levi's Type III, size M"), Optional.of(1),
              Optional.of(org.resellledger.core.listing.SyncStatus.PAUSED));

      CommandResult recorded = ledger.execute(new org.resellledger.core.listing.ListingCommand.RecordChannelObservation(
          story.ebay, observation, Samples.webhook("ebay", "obs-1")));

      org.resellledger.core.listing.Listing listing = ledger.listing(story.ebay).orElseThrow();
      assertThat(listing.channel().price()).hasValueSatisfying(p -> {
        assertThat(p.value()).isEqualTo(Samples.usd("79.00"));
        assertThat(p.at()).isEqualTo(said);
        assertThat(p.event()).isEqualTo(recorded.events().get(0).id());
      });
      assertThat(listing.channel().quantity().map(q -> q.value())).contains(1);
      assertThat(listing.channel().status().map(q -> q.value())).contains(org.resellledger.core.listing.SyncStatus.PAUSED);
      assertThat(listing.discrepancies()).extracting(d -> d.field()).contains("price");
      assertThat(ledger.replay().items()).isEqualTo(store.items(ws));
      assertThat(ledger.replayMatchesProjections()).isTrue();
    }

    @Test
    void replayAfterARealisticStory_equalsTheStoredProjections() {
      Ledger ledger = ledger();
      Story.run(ledger);

      assertThat(ledger.replay().items()).isEqualTo(store.items(ws));
      assertThat(ledger.replay().orders()).isEqualTo(store.orders(ws));
      assertThat(ledger.replayMatchesProjections()).isTrue();
    }

    @Test
    void forEachEvent_handsOverEveryEventInCommitOrder() {
      Story.run(ledger());
      List<LedgerEvent> streamed = new ArrayList<>();

      long n = store.forEachEvent(ws, streamed::add);

      assertThat(streamed).isEqualTo(store.events(ws));
      assertThat(n).isEqualTo(streamed.size());
      assertThat(store.forEachEvent(other, e -> { throw new AssertionError(e); })).isZero();
    }

    /**
     * Replay, its check and the rebuild stream the events: they never ask for the whole list; the check and
     * the rebuild never ask for every item or order at once, nor hand the store whole lists to write.
     */
    @Test
    void replayCheckAndRebuild_streamTheEvents() {
      Story.run(ledger());
      LedgerStore streamingOnly = new ForwardingLedgerStore(store) {
        @Override
        public List<LedgerEvent> events(WorkspaceId workspace) {
          throw new AssertionError("read every event at once");
        }

        @Override
        public List<Item> items(WorkspaceId workspace) {
          throw new AssertionError("read every item at once");
        }

        @Override
        public List<Order> orders(WorkspaceId workspace) {
          throw new AssertionError("read every order at once");
        }

        @Override
        public void replaceProjections(WorkspaceId workspace, List<Item> items, List<Order> orders,
            List<org.resellledger.core.store.StreamState> streams) {
          throw new AssertionError("handed the store every projection at once");
        }
      };
      Ledger ledger = Ledger.open(streamingOnly, ws, Samples.config("r"));
      Snapshot before = snapshot(ws);

      assertThat(ledger.replay().items()).isEqualTo(store.items(ws));
      assertThat(ledger.replayMatchesProjections()).isTrue();
      ledger.rebuildProjections();
      assertThat(snapshot(ws)).isEqualTo(before);
    }

    @Test
    void rebuildProjections_whenItFailsPartWay_replacesNothing() {
      Ledger ledger = ledger();
      Story.run(ledger);
      Snapshot before = snapshot(ws);
      List<Item> items = store.items(ws);

      assertThatThrownBy(() -> store.replaceProjections(ws, sink -> {
        items.forEach(sink::item);
        store.orders(ws).forEach(sink::order);
        throw new IllegalStateException("the disk is full");
      })).hasMessageContaining("the disk is full");

      assertThat(items).isNotEmpty();
      assertThat(snapshot(ws)).isEqualTo(before);
    }

    @Test
    void rebuildProjections_leavesEveryReadAsItWas() {
      Ledger ledger = ledger();
      Story story = Story.run(ledger);
      Snapshot before = snapshot(ws);

      ledger.rebuildProjections();

      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(ledger.listing(story.ebay)).isPresent();
      assertThat(store.listingByExternalId(ws, Channel.EBAY, "204500000100")).contains(story.ebay);
      assertThat(store.orderByExternalId(ws, Channel.EBAY, "E-1001")).contains(story.ebayOrder);
      assertThat(store.itemId(ws, Story.KIT)).isPresent();
    }

    @Test
    void replaceProjections_withNothing_clearsProjectionsButKeepsEvents() {
      Ledger ledger = ledger();
      Story story = Story.run(ledger);
      List<LedgerEvent> events = store.events(ws);

      store.replaceProjections(ws, List.of(), List.of());

      assertThat(store.items(ws)).isEmpty();
      assertThat(store.orders(ws)).isEmpty();
      assertThat(store.itemId(ws, Story.JACKET)).isEmpty();
      assertThat(store.itemIdOfListing(ws, story.ebay)).isEmpty();
      assertThat(store.orderByExternalId(ws, Channel.EBAY, "E-1001")).isEmpty();
      assertThat(store.events(ws)).isEqualTo(events);

      ledger.rebuildProjections();
      assertThat(ledger.replayMatchesProjections()).isTrue();
      assertThat(store.itemIdOfListing(ws, story.ebay)).isPresent();
    }

    @Test
    void replaceProjections_storesExactlyWhatItIsGiven() {
      Ledger ledger = ledger();
      Story.run(ledger);
      Ledger.Projection replayed = ledger.replay();
      List<Item> fewer = replayed.items().subList(0, 2);

      store.replaceProjections(ws, fewer, replayed.orders());

      assertThat(store.items(ws)).isEqualTo(fewer);
      assertThat(store.orders(ws)).isEqualTo(replayed.orders());
      assertThat(ledger.replayMatchesProjections()).isFalse();
    }

    @Test
    void replaceProjections_inOneWorkspace_leavesTheOtherAlone() {
      Story.run(ledger(ws, "a"));
      Story.run(ledger(other, "b"));
      Snapshot untouched = snapshot(other);

      store.replaceProjections(ws, List.of(), List.of());

      assertThat(snapshot(other)).isEqualTo(untouched);
    }
  }

  // -------------------------------------------------------------------------------------------------------

  @Nested
  class WorkspaceIsolation {
    @Test
    void twoWorkspaces_withTheSameSkusAndProviderIds_neverSeeEachOther() {
      Ledger a = ledger(ws, "a");
      Ledger b = ledger(other, "b");
      Story storyA = Story.run(a);
      Story storyB = Story.run(b);

      assertThat(store.events(ws)).allSatisfy(e -> assertThat(e.workspace()).isEqualTo(ws));
      assertThat(store.events(other)).allSatisfy(e -> assertThat(e.workspace()).isEqualTo(other));
      assertThat(store.items(ws)).hasSize(6).extracting(i -> i.id().value()).allMatch(id -> id.startsWith("a"));
      assertThat(store.items(other)).hasSize(6).extracting(i -> i.id().value()).allMatch(id -> id.startsWith("b"));
      assertThat(store.orders(ws)).extracting(o -> o.id().value()).allMatch(id -> id.startsWith("a"));

      ItemId jacketA = store.itemId(ws, Story.JACKET).orElseThrow();
      assertThat(store.itemBySku(other, Story.JACKET).orElseThrow().id()).isNotEqualTo(jacketA);
      assertThat(store.itemsBySku(other, List.of(Story.JACKET))).hasSize(1)
          .allSatisfy((sku, item) -> assertThat(item.id().value()).startsWith("b"));
      assertThat(store.item(other, jacketA)).isEmpty();
      assertThat(store.itemsById(other, List.of(jacketA))).isEmpty();
      assertThat(store.stream(other, StreamId.of(jacketA))).isEmpty();
      assertThat(store.itemIdOfListing(other, storyA.ebay)).isEmpty();
      assertThat(store.order(other, storyA.ebayOrder)).isEmpty();
      assertThat(store.ordersById(other, List.of(storyA.ebayOrder, storyB.ebayOrder))).containsOnlyKeys(storyB.ebayOrder);
      assertThat(store.listingByExternalId(other, Channel.EBAY, "204500000100")).contains(storyB.ebay);
      assertThat(store.orderByExternalId(other, Channel.EBAY, "E-1001")).contains(storyB.ebayOrder);
      assertThat(store.events(other, store.events(ws).stream().map(LedgerEvent::id).toList())).isEmpty();

      ProviderRef ref = ProviderRef.of("ebay", "ntf-5521");
      assertThat(store.receipt(ws, ref).orElseThrow().events()).allMatch(id -> id.value().startsWith("a"));
      assertThat(store.receipt(other, ref).orElseThrow().events()).allMatch(id -> id.value().startsWith("b"));
    }

    @Test
    void theSameIds_inTwoWorkspaces_areKeptApart() {
      // ids are unique within a workspace only (IdGenerator's contract), so two workspaces may reuse them
      Ledger a = ledger(ws, "id");
      Ledger b = ledger(other, "id");
      a.execute(new IntakeItem(Samples.details("SKU-1"), 3, ItemStatus.READY_TO_LIST, Samples.manual("a")));
      b.execute(new IntakeItem(Samples.details("SKU-1"), 7, ItemStatus.READY_TO_LIST, Samples.manual("b")));

      assertThat(a.requireItem(Sku.of("SKU-1")).available()).isEqualTo(3);
      assertThat(b.requireItem(Sku.of("SKU-1")).available()).isEqualTo(7);
      assertThat(store.events(ws)).singleElement().satisfies(e -> assertThat(e.workspace()).isEqualTo(ws));
      assertThat(store.events(other)).singleElement().satisfies(e -> assertThat(e.workspace()).isEqualTo(other));
    }

    @Test
    void aReceiptInOneWorkspace_isNoDuplicateInAnother() {
      Commit a = Facts.withReceipt(facts.intake("ev-1", "it-1", "SKU-1", 1), ProviderRef.of("ebay", "n-1"), "fp");
      store.commit(a);
      Commit b = Facts.withReceipt(new Facts(other).intake("ev-1", "it-1", "SKU-1", 1),
          ProviderRef.of("ebay", "n-1"), "fp");
      store.commit(b);

      assertThat(store.receipt(other, ProviderRef.of("ebay", "n-1"))).contains(b.receipt().get());
      assertThat(store.events(other)).containsExactlyElementsOf(b.events());
    }
  }

  // -------------------------------------------------------------------------------------------------------

  /**
   * How many random sequences of 25 steps {@link RandomSequences} runs on this store; each opens a store with
   * {@link #newStore()}. Few by default, because a SQL store may migrate a database per store (about a second
   * each on embedded H2); override to run more.
   */
  protected int simulatedSequences() {
    return 6;
  }

  @Nested
  class RandomSequences {
    @Test
    void everyLedgerInvariantHolds_overRandomCommandSequences() {
      SimulationReport report = LedgerSimulator.against(LedgerStoreContract.this::newStore)
          .ignoringSystemProperties()
          .sequences(simulatedSequences())
          .steps(25)
          .shrinkBudget(300)
          .log(line -> {})
          .run();

      assertThat(report.sequences()).isEqualTo(simulatedSequences());
    }
  }

  // -------------------------------------------------------------------------------------------------------

  /**
   * A stream kind the store has no code for ({@link TallyStream}, registered here): its events, state,
   * version and unique key go through the generic part of the port, in the same commit as items.
   */
  /**
   * The provider-event inbox ({@link InboxContract}), on a store that is an {@link InboxStore}; skipped,
   * saying so, on one that is not.
   */
  @Nested
  class ProviderEventInbox extends InboxContract {
    @Override
    protected InboxStore inbox() {
      Assumptions.assumeTrue(store instanceof InboxStore, store.getClass().getName() + " keeps no inbox");
      return (InboxStore) store;
    }

    @Override
    protected WorkspaceId ws() {
      return ws;
    }

    @Override
    protected WorkspaceId otherWs() {
      return other;
    }
  }

  /** Restoring a backup into an empty workspace ({@link RestoreContract}), on the store under test. */
  @Nested
  class Restore extends RestoreContract {
    @Override
    protected LedgerStore store() {
      return store;
    }

    @Override
    protected WorkspaceId target() {
      return WorkspaceId.of("restore-" + UUID.randomUUID());
    }
  }

  /** The proposal lane ({@link ProposalContract}): proposals, their keys, the outbox, on the store under test. */
  @Nested
  class Proposals extends ProposalContract {
    @Override
    protected LedgerStore store() {
      return store;
    }

    @Override
    protected WorkspaceId ws() {
      return ws;
    }

    @Override
    protected WorkspaceId otherWs() {
      return other;
    }
  }

  /** Buyer messages ({@link MessageContract}): their streams, keys, keyset pages and reply loop, on this store. */
  @Nested
  class Messages extends MessageContract {
    Messages() {
      super(() -> store, () -> ws, () -> other);
    }
  }

  /** Physical counts ({@link CountSessionContract}): sessions, variance, adjustments, locations, on the store under test. */
  @Nested
  class Counts extends CountSessionContract {
    @Override
    protected LedgerStore store() {
      return store;
    }

    @Override
    protected WorkspaceId ws() {
      return ws;
    }
  }

  /**
   * The channel-id map ({@link ChannelLinkContract}), on a store that is a {@link ChannelLinkStore}; skipped,
   * saying so, on one that is not.
   */
  @Nested
  class ChannelIdMap extends ChannelLinkContract {
    @Override
    protected ChannelLinkStore links() {
      Assumptions.assumeTrue(store instanceof ChannelLinkStore, store.getClass().getName() + " keeps no channel-id map");
      return (ChannelLinkStore) store;
    }

    @Override
    protected WorkspaceId ws() {
      return ws;
    }

    @Override
    protected WorkspaceId otherWs() {
      return other;
    }
  }

  @Nested
  class PagedReads extends PagedReadsContract {
    PagedReads() {
      super(() -> store, () -> ws, () -> other);
    }
  }

  @Nested
  class DriftReports extends DriftContract {
    DriftReports() {
      super(() -> store, () -> ws);
    }
  }

  /** The proposal-lane queues, the dashboard's approval figures, double-sale resolutions ({@link QueueContract}). */
  @Nested
  class ExceptionQueues extends QueueContract {
    ExceptionQueues() {
      super(() -> store, () -> ws);
    }
  }

  @Nested
  class StreamsOfAnyKind {
    private final StreamId tally = new StreamId(TallyStream.KIND, "t-1");

    @BeforeEach
    void register() {
      StreamTypes.register(TallyStream.TYPE);
    }

    private TallyStream.Tally state(StreamId stream) {
      return (TallyStream.Tally) store.state(ws, stream).orElseThrow().state();
    }

    @Test
    void aNewKind_isCommittedAndReadBack_withItsVersionStateAndKey() {
      Commit first = facts.tally("ev-1", "t-1", 1, "returns", 3, null);
      store.commit(first);
      store.commit(facts.tally("ev-2", "t-1", 2, "returns", 4, state(tally)));

      StreamState stored = store.state(ws, tally).orElseThrow();
      assertThat(stored.version()).isEqualTo(2);
      assertThat(stored.state()).isEqualTo(new TallyStream.Tally("returns", 7, 2));
      assertThat(stored.keys()).containsExactly(new UniqueKey("name", "returns"));
      assertThat(store.stream(ws, tally)).extracting(LedgerEvent::version).containsExactly(1L, 2L);
      assertThat(store.stream(ws, tally).get(0)).isEqualTo(first.events().get(0));
      assertThat(store.streamWithKey(ws, TallyStream.KIND, new UniqueKey("name", "returns"))).contains(tally);
      assertThat(store.streamWithKey(ws, TallyStream.KIND, new UniqueKey("name", "other"))).isEmpty();
      assertThat(store.state(ws, new StreamId(TallyStream.KIND, "t-2"))).isEmpty();
      assertThat(Projector.<TallyStream.Tally>replay(store.stream(ws, tally))).isEqualTo(stored.state());
    }

    @Test
    void aStaleVersion_ofANewKind_isRefused_andNothingIsWritten() {
      store.commit(facts.tally("ev-1", "t-1", 1, "returns", 3, null));
      TallyStream.Tally v1 = state(tally);
      store.commit(facts.tally("ev-2", "t-1", 2, "returns", 1, v1));
      Snapshot before = snapshot(ws);

      assertThatThrownBy(() -> store.commit(facts.tally("ev-3", "t-1", 2, "returns", 5, v1)))
          .isInstanceOf(ConcurrencyException.class);
      assertThatThrownBy(() -> store.commit(facts.tally("ev-4", "t-1", 1, "returns", 5, null)))
          .as("a new stream that exists").isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(state(tally)).isEqualTo(new TallyStream.Tally("returns", 4, 2));
    }

    @Test
    void aKeyHeldByAnotherStream_refusesTheWholeCommit_itemsIncluded() {
      store.commit(facts.tally("ev-1", "t-1", 1, "returns", 3, null));
      Snapshot before = snapshot(ws);

      Commit clash = Facts.both(facts.intake("ev-2", "it-1", "SKU-1", 1),
          facts.tally("ev-3", "t-2", 1, "returns", 1, null));
      assertThatThrownBy(() -> store.commit(clash)).isInstanceOf(ConcurrencyException.class);
      assertThat(snapshot(ws)).isEqualTo(before);
      assertThat(store.state(ws, new StreamId(TallyStream.KIND, "t-2"))).isEmpty();

      store.commit(new Facts(other).tally("ev-4", "t-2", 1, "returns", 1, null));
      assertThat(store.streamWithKey(other, TallyStream.KIND, new UniqueKey("name", "returns")))
          .as("keys are per workspace").contains(new StreamId(TallyStream.KIND, "t-2"));
    }

    @Test
    void aNewKind_inOneCommitWithAnItem_isReplayedAndRebuilt() {
      store.commit(Facts.both(facts.intake("ev-1", "it-1", "SKU-1", 2),
          facts.tally("ev-2", "t-1", 1, "returns", 3, null)));
      Ledger ledger = ledger();

      assertThat(ledger.replay().streams()).extracting(StreamState::stream).containsExactly(tally);
      assertThat(ledger.replayMatchesProjections()).isTrue();
      StreamState before = store.state(ws, tally).orElseThrow();
      ledger.rebuildProjections();
      assertThat(store.state(ws, tally)).contains(before);
      assertThat(store.streamWithKey(ws, TallyStream.KIND, new UniqueKey("name", "returns"))).contains(tally);
      assertThat(ledger.replayMatchesProjections()).isTrue();
    }
  }

  // -------------------------------------------------------------------------------------------------------

  /**
   * Text no store keeps as given is refused {@code INVALID_VALUE} naming the field, on every store (the
   * in-memory one included), before anything is written: NUL (PostgreSQL refuses it), an unpaired surrogate
   * (PostgreSQL stores "?"), more characters than the column holds. These are the parts of a commit that
   * core's value types do not check themselves: stream ids, an event's reason and causation, unique keys.
   */
  @Nested
  class UnstorableText {
    @BeforeEach
    void register() {
      StreamTypes.register(TallyStream.TYPE);
    }

    private void refused(Commit commit, String field, String why) {
      Snapshot before = snapshot(ws);
      assertThatThrownBy(() -> store.commit(commit)).isInstanceOfSatisfying(RejectionException.class, e -> {
        assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.why()).contains(why);
      });
      assertThat(snapshot(ws)).isEqualTo(before);
      commit.streams().forEach(s -> assertThat(store.state(ws, s.stream())).isEmpty());
    }

    @Test
    void anUnpairedSurrogate_inAReason_isRefused() {
      refused(facts.tally("ev-1", "t-1", 1, "returns\uD800", 1, null), "reason", "unpaired surrogate U+D800");
    }

    @Test
    void aNul_inAReason_isRefused() {
      refused(facts.tally("ev-1", "t-1", 1, "ret\u0000urns", 1, null), "reason", "U+0000");
    }

    @Test
    void anUnpairedSurrogate_inAUniqueKey_isRefused() {
      Commit fine = facts.tally("ev-1", "t-1", 1, "returns", 1, null);
      StreamState s = fine.streams().get(0);
      refused(new Commit(ws, fine.expectedVersions(), fine.events(), List.of(), List.of(),
          List.of(new StreamState(s.stream(), s.version(), s.state(), java.util.Set.of(new UniqueKey("name", "r\uDC00")))),
          Optional.empty()), "key.value", "unpaired surrogate U+DC00");
    }

    @Test
    void aStreamIdLongerThanItsColumn_isRefused() {
      refused(facts.tally("ev-1", "t".repeat(65), 1, "returns", 1, null), "stream.id", "at most 64");
    }

    @Test
    void wholeCharactersBeyondTheBasicPlane_areKept() {
      store.commit(facts.tally("ev-1", "t-1", 1, "returns \uD83D\uDCE6", 2, null));

      assertThat(store.state(ws, new StreamId(TallyStream.KIND, "t-1")).orElseThrow().state())
          .isEqualTo(new TallyStream.Tally("returns \uD83D\uDCE6", 2, 1));
      assertThat(store.events(ws).get(0).reason()).contains("returns \uD83D\uDCE6");
    }
  }

  @Nested
  class HistoryQueries {
    @Test
    void stream_isInVersionOrder_withoutGaps() {
      Ledger ledger = ledger();
      Story.run(ledger);
      for (Item item : store.items(ws)) {
        List<LedgerEvent> stream = store.stream(ws, StreamId.of(item.id()));
        assertThat(stream).extracting(LedgerEvent::version)
            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, item.version()).boxed().toList());
      }
      for (Order order : store.orders(ws)) {
        assertThat(store.stream(ws, StreamId.of(order.id()))).extracting(LedgerEvent::version)
            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, order.version()).boxed().toList());
      }
    }

    @Test
    void eventsById_comeInTheOrderAsked_leavingUnknownIdsOut() {
      Ledger ledger = ledger();
      Story.run(ledger);
      List<LedgerEvent> all = store.events(ws);
      LedgerEvent first = all.get(0);
      LedgerEvent middle = all.get(all.size() / 2);
      LedgerEvent last = all.get(all.size() - 1);

      assertThat(store.events(ws, List.of(last.id(), EventId.of("missing"), first.id(), middle.id())))
          .containsExactly(last, first, middle);
      assertThat(store.events(ws, List.of())).isEmpty();
    }

    @Test
    void events_areInCommitOrder() {
      Ledger ledger = ledger();
      List<LedgerEvent> produced = new ArrayList<>();
      produced.addAll(ledger.execute(new IntakeItem(Samples.details("Z-9"), 2, ItemStatus.READY_TO_LIST,
          Samples.manual("a"))).events());
      produced.addAll(ledger.execute(new IntakeItem(Samples.details("A-1"), 1, ItemStatus.READY_TO_LIST,
          Samples.manual("a"))).events());
      produced.addAll(ledger.execute(new HoldUnits(Sku.of("Z-9"), 1, Samples.manual("a", "check"))).events());

      assertThat(store.events(ws)).containsExactlyElementsOf(produced);
    }

    @Test
    void history_showsBalancesAfterEachEvent_endingAtTheItemsBalances() {
      Ledger ledger = ledger();
      Story.run(ledger);
      for (Item item : ledger.items()) {
        List<HistoryEntry> history = ledger.history(item.sku());
        assertThat(history).extracting(HistoryEntry::event)
            .containsExactlyElementsOf(store.stream(ws, StreamId.of(item.id())));
        Balances running = Balances.EMPTY;
        for (HistoryEntry h : history) {
          running = h.event().movement().map(running::apply).orElse(running);
          assertThat(h.balancesAfter()).isEqualTo(running);
          assertThat(h.balancesAfter().isConserved()).isTrue();
          assertThat(h.balancesAfter().hasNegativeOnHand()).isFalse();
        }
        assertThat(running).isEqualTo(item.balances());
      }
    }

    @Test
    void orderHistory_isTheOrdersStream() {
      Ledger ledger = ledger();
      Story story = Story.run(ledger);

      assertThat(ledger.orderHistory(story.ebayOrder)).extracting(LedgerEvent::kind).containsExactly(
          "OrderPlaced", "OrderStatusChanged", "OrderStatusChanged", "OrderShipped", "OrderDelivered",
          "ReturnRequested", "OrderReturnArrived", "RefundIssued");
    }
  }
}
