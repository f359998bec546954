package org.resellledger.samples.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.order.OrderFact;
import org.resellledger.core.bundle.BundleFact;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.order.OrderFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.Projector;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;

/**
 * A million events to rebuild from, loaded through the store's own commit (not timed as part of the
 * rebuild): per item, its intake, a listing and 49 one-unit channel sales, each sale an order stream of
 * its own; 100 events per item, so 10,000 items give 1,000,000 events and 490,000 orders. Projections are
 * folded with core's Projector, so the data is exactly what the ledger would have written.
 */
final class RebuildData {
  static final int EVENTS_PER_ITEM = 100;
  private static final int SALES_PER_ITEM = (EVENTS_PER_ITEM - 2) / 2;
  private static final Money PRICE = Money.of("24.99", "USD");

  private RebuildData() {}

  /** Loads {@code items} items' events in commits of {@code itemsPerCommit} items; returns the events written. */
  static long load(LedgerStore store, WorkspaceId ws, int items, int itemsPerCommit) {
    long events = 0;
    for (int from = 0; from < items; from += itemsPerCommit) {
      Map<StreamId, Long> expected = new HashMap<>();
      List<LedgerEvent> commitEvents = new ArrayList<>();
      List<Item> commitItems = new ArrayList<>();
      List<Order> commitOrders = new ArrayList<>();
      for (int i = from; i < Math.min(items, from + itemsPerCommit); i++) {
        itemHistory(ws, i, expected, commitEvents, commitItems, commitOrders);
      }
      store.commit(new Commit(ws, expected, commitEvents, commitItems, commitOrders, Optional.empty()));
      events += commitEvents.size();
    }
    return events;
  }

  private static void itemHistory(WorkspaceId ws, int i, Map<StreamId, Long> expected, List<LedgerEvent> events,
      List<Item> items, List<Order> orders) {
    ItemId item = ItemId.of("r-item-" + i);
    Sku sku = Sku.of("REBUILD-" + i);
    ListingId listing = ListingId.of("r-listing-" + i);
    StreamId stream = StreamId.of(item);
    expected.put(stream, 0L);
    int n = 0;
    LedgerEvent acquired = event(ws, "r-" + i + "-" + n++, stream, 1, item, null, null,
        Movement.of(SALES_PER_ITEM + 10, Bucket.SUPPLIER, Bucket.AVAILABLE),
        new ItemFact.ItemAcquired(SaleWorkload.details(sku), SALES_PER_ITEM + 10, ItemStatus.READY_TO_LIST));
    Item state = Projector.apply((Item) null, acquired);
    events.add(acquired);
    LedgerEvent listed = event(ws, "r-" + i + "-" + n++, stream, 2, item, listing, null, null,
        new ListingFact.ListingCreated(listing, ListingDetails.builder().channel(Channel.EBAY)
            .externalId(String.format("3%011d", i)).title("Rebuild item " + i).price(PRICE).listedQuantity(1).build(),
            SyncStatus.LIVE));
    state = Projector.apply(state, listed);
    events.add(listed);
    for (int s = 0; s < SALES_PER_ITEM; s++) {
      OrderId order = OrderId.of("r-order-" + i + "-" + s);
      StreamId orderStream = StreamId.of(order);
      expected.put(orderStream, 0L);
      LedgerEvent placed = event(ws, "r-" + i + "-" + n++, orderStream, 1, null, null, order, null,
          new OrderFact.OrderPlaced(Channel.EBAY, Optional.of("r-E-" + i + "-" + s),
              List.of(new OrderLine(item, sku, Optional.of(listing), 1, PRICE, 1, 0, 0)), Money.of("3.25", "USD"),
              Money.of("0.00", "USD"), OrderStatus.PAID));
      events.add(placed);
      orders.add(Projector.apply((Order) null, placed));
      LedgerEvent sold = event(ws, "r-" + i + "-" + n++, stream, 3 + s, item, listing, order,
          Movement.of(1, Bucket.AVAILABLE, Bucket.COMMITTED), new OrderItemFact.ChannelSaleRecorded(Channel.EBAY, 1, 1,
              PRICE));
      state = Projector.apply(state, sold);
      events.add(sold);
    }
    items.add(state);
  }

  private static LedgerEvent event(WorkspaceId ws, String id, StreamId stream, long version, ItemId item,
      ListingId listing, OrderId order, Movement movement, EventPayload payload) {
    return new LedgerEvent(ws, EventId.of(id), stream, version, Optional.ofNullable(item),
        Optional.ofNullable(listing), Optional.ofNullable(order), Optional.ofNullable(movement), Source.SYSTEM_RULE,
        Actor.system("bench"), SaleWorkload.NOW, SaleWorkload.NOW, Optional.empty(), Optional.empty(),
        Optional.empty(), payload);
  }
}
