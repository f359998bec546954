package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.AdvanceOrder;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderFact.OrderPlaced;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.ChannelSaleRecorded;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.EventQuery;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.OrderQuery;
import org.resellledger.core.store.Page;
import org.resellledger.testkit.gen.Samples;

/**
 * What every store's paged reads ({@link LedgerStore#itemPage}, {@link LedgerStore#orderPage},
 * {@link LedgerStore#eventPage}) must return: exactly the rows the query's {@code matches} accepts, in the
 * read's order, each once, across pages of any size, never another workspace's. The in-memory store's
 * defaults are the reference; a store that answers in SQL must agree with them. A group of
 * {@link LedgerStoreContract}.
 */
public abstract class PagedReadsContract {
  private static final Instant T0 = Samples.NOW.minus(Duration.ofDays(30));
  private final Supplier<LedgerStore> stores;
  private final Supplier<WorkspaceId> workspaces;
  private final Supplier<WorkspaceId> others;
  private LedgerStore store;
  private WorkspaceId ws;
  private final List<ListingId> listings = new ArrayList<>();

  protected PagedReadsContract(Supplier<LedgerStore> store, Supplier<WorkspaceId> ws, Supplier<WorkspaceId> other) {
    this.stores = store;
    this.workspaces = ws;
    this.others = other;
  }

  private static final String[] AREAS = {"GARAGE/S1/B1", "GARAGE/S1/B2", "GARAGE/S2", "GARAGEX", "ATTIC", "ATTIC/S1"};
  private static final String[] CATEGORIES = {"Home > Decor", "Home > Kitchen", "Homeware", "Clothing > Women",
      "Clothing"};

  /** A workspace of 40 items in every status, place and category, listings in every state, 30 orders. */
  @BeforeEach
  void history() {
    store = stores.get();
    ws = workspaces.get();
    fill(Ledger.open(store, ws, Samples.config("p-")), 40);
    fill(Ledger.open(store, others.get(), Samples.config("q-")), 8);
  }

  private void fill(Ledger ledger, int items) {
    SplittableRandom random = new SplittableRandom(7);
    listings.clear();
    for (int i = 0; i < items; i++) {
      Sku sku = Sku.of(String.format("SKU-%03d", (i * 17) % items));
      ItemDetails details = ItemDetails.builder().from(Samples.details(sku.value()))
          .location(StorageLocation.parse(AREAS[i % AREAS.length]))
          .category(Category.parse(CATEGORIES[(i / 2) % CATEGORIES.length]))
          .acquisitionSource(AcquisitionSource.of(AcquisitionSource.Kind.values()[i % 3])).build();
      ItemStatus status = List.of(ItemStatus.READY_TO_LIST, ItemStatus.NEEDS_PHOTOS, ItemStatus.HELD).get(i % 3);
      ledger.execute(new IntakeItem(details, 1 + i % 3, status, at(i)));
      if (i % 4 == 0) {
        ListingId l = ledger.execute(new CreateListing(sku, Samples.listing(Channel.EBAY, null, Samples.usd("20.00")),
            SyncStatus.DRAFT, at(i))).listingId().orElseThrow();
        listings.add(l);
        if (i % 8 == 0) {
          ledger.execute(new ChangeListingStatus(l, SyncStatus.ERROR, Optional.of("refused"), at(i)));
        }
      }
    }
    for (int o = 0; o < items * 3 / 4; o++) {
      Sku sku = Sku.of(String.format("SKU-%03d", random.nextInt(items)));
      Item item = ledger.item(sku).orElseThrow();
      if (item.status() == ItemStatus.HELD || item.status() == ItemStatus.NEEDS_PHOTOS) {
        continue;
      }
      int quantity = 1 + random.nextInt(3); // sometimes more than available: a double sale
      OrderId id = ledger.execute(new RecordChannelSale(o % 2 == 0 ? Channel.EBAY : Channel.ETSY, "X-" + o,
          List.of(SaleLine.of(sku, quantity, Samples.usd("20.00"))), Samples.usd("1.00"), Samples.usd("0.00"),
          OrderStatus.PAID, at(o % 5 == 0 ? 3 : o))).orderId().orElseThrow();
      switch (o % 4) {
        case 1 -> ledger.execute(new AdvanceOrder(id, OrderStatus.PACKED, at(o)));
        case 2 -> {
          if (ledger.order(id).orElseThrow().lines().get(0).committed() > 0) {
            ledger.execute(new ShipOrder(id, "USPS", "T" + o, Samples.usd("3.00"), at(o)));
          }
        }
        case 3 -> ledger.execute(new CancelOrder(id, at(o)));
        default -> { }
      }
    }
  }

  private static Origin at(int hours) {
    return Samples.manual("ana").at(T0.plus(Duration.ofHours(hours)));
  }

  private List<Item> walkItems(ItemQuery query, int limit) {
    List<Item> all = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page<Item> page = store.itemPage(ws, query, after, limit);
      assertThat(page.rows().size()).isLessThanOrEqualTo(limit);
      if (page.next().isPresent()) {
        assertThat(page.rows()).hasSize(limit);
        assertThat(page.next()).contains(ItemQuery.cursor(page.rows().get(page.rows().size() - 1)));
      }
      all.addAll(page.rows());
      after = page.next();
    } while (after.isPresent());
    return all;
  }

  private List<Order> walkOrders(OrderQuery query, int limit) {
    List<Order> all = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page<Order> page = store.orderPage(ws, query, after, limit);
      if (page.next().isPresent()) {
        assertThat(page.rows()).hasSize(limit);
        assertThat(page.next()).contains(OrderQuery.cursor(page.rows().get(page.rows().size() - 1)));
      }
      all.addAll(page.rows());
      after = page.next();
    } while (after.isPresent());
    return all;
  }

  private List<LedgerEvent> walkEvents(EventQuery query, int limit) {
    List<LedgerEvent> all = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page<LedgerEvent> page = store.eventPage(ws, query, after, limit);
      assertThat(page.rows().size()).isLessThanOrEqualTo(limit);
      all.addAll(page.rows());
      after = page.next();
    } while (after.isPresent());
    return all;
  }

  private List<ItemQuery> itemQueries() {
    return List.of(ItemQuery.all(), ItemQuery.all().statuses(ItemStatus.HELD),
        ItemQuery.all().statuses(ItemStatus.NEEDS_PHOTOS, ItemStatus.SOLD, ItemStatus.LISTED),
        ItemQuery.all().in(StorageLocation.parse("GARAGE")), ItemQuery.all().in(StorageLocation.parse("GARAGE/S1")),
        ItemQuery.all().in(StorageLocation.parse("ATTIC/S1")), ItemQuery.all().in(Category.parse("Home")),
        ItemQuery.all().in(Category.parse("Clothing > Women")), ItemQuery.all().conflicted(),
        ItemQuery.all().listed(SyncStatus.ERROR), ItemQuery.all().listed(SyncStatus.values()),
        ItemQuery.all().holding(Bucket.COMMITTED), ItemQuery.all().holding(Bucket.HELD),
        ItemQuery.all().statuses(ItemStatus.READY_TO_LIST, ItemStatus.SOLD).in(Category.parse("Home"))
            .in(StorageLocation.parse("GARAGE")).listed(SyncStatus.DRAFT, SyncStatus.ERROR));
  }

  @Test
  void itemPages_holdExactlyTheMatchingItems_bySku_atAnyPageSize() {
    List<Item> every = store.items(ws);
    for (ItemQuery query : itemQueries()) {
      List<Item> expected = every.stream().filter(query::matches).toList();
      for (int limit : new int[] {1, 3, 7, 1000}) {
        assertThat(walkItems(query, limit)).as("%s by %d", query, limit).isEqualTo(expected);
      }
    }
    assertThat(every.stream().filter(ItemQuery.all().conflicted()::matches)).as("the history has conflicts")
        .isNotEmpty();
    assertThat(walkItems(ItemQuery.all().in(StorageLocation.parse("GARAGE")), 5))
        .noneMatch(i -> i.details().location().area().equals("GARAGEX"));
  }

  @Test
  void itemPage_afterACursor_startsAfterIt_evenForASkuNotStored() {
    List<Item> every = store.items(ws);
    Page<Item> page = store.itemPage(ws, ItemQuery.all(), Optional.of("SKU-0105"), 1000);
    assertThat(page.rows()).isEqualTo(every.stream().filter(i -> i.sku().value().compareTo("SKU-0105") > 0).toList());
    assertThat(page.next()).isEmpty();
  }

  @Test
  void orderPages_holdExactlyTheMatchingOrders_byPlacement_atAnyPageSize() {
    List<Order> every = store.orders(ws);
    Instant from = T0.plus(Duration.ofHours(3));
    Instant before = T0.plus(Duration.ofHours(20));
    for (OrderQuery query : List.of(OrderQuery.all(), OrderQuery.all().statuses(OrderStatus.PAID),
        OrderQuery.all().statuses(OrderStatus.PACKED, OrderStatus.SHIPPED), OrderQuery.all().placed(from, before),
        OrderQuery.all().statuses(OrderStatus.CANCELLED).placed(from, before))) {
      List<Order> expected = every.stream().filter(query::matches).toList();
      for (int limit : new int[] {1, 4, 1000}) {
        assertThat(walkOrders(query, limit)).as("%s by %d", query, limit).isEqualTo(expected);
      }
    }
    assertThat(every.stream().filter(o -> o.placedAt().equals(T0.plus(Duration.ofHours(3))))).as("ties on time")
        .hasSizeGreaterThan(1);
  }

  @Test
  void eventPages_holdExactlyTheMatchingEvents_inCommitOrder_atAnyPageSize() {
    List<LedgerEvent> every = store.events(ws);
    Item item = store.itemBySku(ws, Sku.of("SKU-000")).orElseThrow();
    List<EventQuery> queries = List.of(EventQuery.all(), EventQuery.all().kinds(OrderPlaced.class),
        EventQuery.all().kinds(OrderPlaced.class, ChannelSaleRecorded.class)
            .occurred(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(12))),
        EventQuery.all().stream(StreamId.of(item.id())),
        EventQuery.all().stream(StreamId.of(item.id())).kinds(ChannelSaleRecorded.class),
        EventQuery.all().occurred(T0, T0.plus(Duration.ofHours(5))));
    for (EventQuery query : queries) {
      List<LedgerEvent> expected = every.stream().filter(query::matches).toList();
      for (int limit : new int[] {1, 5, 1000}) {
        assertThat(walkEvents(query, limit)).as("%s by %d", query, limit).isEqualTo(expected);
      }
    }
  }

  @Test
  void streamsOf_givesEachStreamAsStreamDoes_inTheOrderAsked_leavingOutUnknownOnes() {
    List<StreamId> asked = new ArrayList<>();
    for (Order o : store.orders(ws)) {
      asked.add(StreamId.of(o.id()));
    }
    for (Item i : store.items(ws)) {
      asked.add(0, StreamId.of(i.id()));
    }
    asked.add(3, StreamId.of(new OrderId("no-such-order")));
    asked.add(StreamId.of(store.items(ws).get(0).id()));

    var streams = store.streamsOf(ws, asked);

    List<StreamId> known = asked.stream().distinct().filter(s -> !store.stream(ws, s).isEmpty()).toList();
    assertThat(List.copyOf(streams.keySet())).isEqualTo(known);
    streams.forEach((s, events) -> assertThat(events).as("%s", s).isEqualTo(store.stream(ws, s)));
    assertThat(store.streamsOf(others.get(), asked)).isEmpty();
  }

  @Test
  void pages_neverSeeAnotherWorkspace_andRefuseABadLimit() {
    assertThat(walkItems(ItemQuery.all(), 1000)).hasSize(store.items(ws).size());
    assertThat(new HashSet<>(walkEvents(EventQuery.all(), 1000))).hasSize(store.events(ws).size());
    assertThat(walkOrders(OrderQuery.all(), 1000)).isEqualTo(store.orders(ws));
    for (int bad : new int[] {0, -1, Page.MAX_LIMIT + 1}) {
      RejectionException e = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
          () -> store.itemPage(ws, ItemQuery.all(), Optional.empty(), bad));
      assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    }
  }

  @Test
  void anOrderPage_afterATextThatIsNoCursor_isRefusedNamingAfter() {
    for (String bad : new String[] {"no-space", "yesterday o-1", " o-1"}) {
      RejectionException e = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
          () -> store.orderPage(ws, OrderQuery.all(), Optional.of(bad), 10));
      assertThat(e).as(bad).isNotNull();
      assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
      assertThat(e.field()).isEqualTo("after");
      assertThat(e.value()).contains(bad);
    }
  }
}
