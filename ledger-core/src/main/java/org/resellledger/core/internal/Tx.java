package org.resellledger.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Projector;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;

/**
 * One attempt at one command: reads state through the store, remembers the version of every stream it
 * read, and collects the new events and the projections they produce. Nothing is written until the ledger
 * commits it.
 */
final class Tx {
  private final LedgerStore store;
  private final WorkspaceId ws;
  private final IdGenerator ids;
  private Origin origin;
  private final Instant now;
  private final Map<StreamId, Long> expected = new LinkedHashMap<>();
  private final Map<ItemId, Item> items = new LinkedHashMap<>();
  private final Map<OrderId, Order> orders = new LinkedHashMap<>();
  private final List<LedgerEvent> events = new ArrayList<>();

  Tx(LedgerStore store, WorkspaceId ws, IdGenerator ids, Origin origin, Instant now) {
    this.store = store;
    this.ws = ws;
    this.ids = ids;
    this.origin = origin;
    this.now = now;
  }

  Origin origin() {
    return origin;
  }

  /** Starts the next command of a batch: later events carry its origin; state read so far is kept. */
  void next(Origin nextOrigin) {
    this.origin = nextOrigin;
  }

  int eventCount() {
    return events.size();
  }

  List<LedgerEvent> eventsSince(int index) {
    return List.copyOf(events.subList(index, events.size()));
  }

  Instant occurredAt() {
    return origin.occurredAt().orElse(now);
  }

  String newId() {
    return ids.next();
  }

  LedgerStore store() {
    return store;
  }

  WorkspaceId workspace() {
    return ws;
  }

  // ---- reads -------------------------------------------------------------------------------------------

  Item item(Sku sku) {
    Checks.present("sku", sku);
    for (Item item : items.values()) {
      if (item.sku().equals(sku)) {
        return item;
      }
    }
    ItemId id = store.itemId(ws, sku)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "sku", sku, "no item with this SKU"));
    return item(id);
  }

  Item item(ItemId id) {
    Item known = items.get(id);
    if (known != null) {
      return known;
    }
    Item item = store.item(ws, id)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "item", id, "no such item"));
    expected.putIfAbsent(StreamId.of(id), item.version());
    items.put(id, item);
    return item;
  }

  boolean skuTaken(Sku sku) {
    return items.values().stream().anyMatch(i -> i.sku().equals(sku)) || store.itemId(ws, sku).isPresent();
  }

  Item itemOfListing(ListingId listing) {
    Checks.present("listing", listing);
    ItemId id = store.itemIdOfListing(ws, listing)
        .orElseThrow(() -> new RejectionException(
            RejectionCode.UNKNOWN_LISTING, "listing", listing, "no listing with this id"));
    return item(id);
  }

  Order order(OrderId id) {
    Checks.present("order", id);
    Order known = orders.get(id);
    if (known != null) {
      return known;
    }
    Order order = store.order(ws, id)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ORDER, "order", id, "no order with this id"));
    expected.putIfAbsent(StreamId.of(id), order.version());
    orders.put(id, order);
    return order;
  }

  // ---- writes ------------------------------------------------------------------------------------------

  /** Starts a new item stream with its first event. */
  Item startItem(ItemId id, EventPayload payload, Movement movement) {
    expected.put(StreamId.of(id), 0L);
    LedgerEvent e = event(StreamId.of(id), 1, Optional.of(id), Optional.empty(), Optional.empty(),
        Optional.ofNullable(movement), payload, origin.causation());
    Item item = Projector.apply((Item) null, e);
    items.put(id, item);
    return item;
  }

  /**
   * Appends a fact to an item's stream, then any status move the fact implies (see {@link StatusRules}),
   * caused by the fact. Returns the item after both.
   */
  Item itemFact(Item item, EventPayload payload, Movement movement, ListingId listing, OrderId order) {
    Item after = appendItem(item, payload, movement, listing, order, origin.causation());
    LedgerEvent fact = events.get(events.size() - 1);
    Optional<ItemStatus> follow = StatusRules.follow(after, payload);
    if (follow.isPresent() && follow.get() != after.status() && after.status().canMoveTo(follow.get())) {
      after = appendItem(after, new EventPayload.ItemStatusChanged(after.status(), follow.get()), null, null, null,
          Optional.of(fact.id().value()));
    }
    return after;
  }

  /** Appends an event to an item's stream with no follow-up. */
  Item appendItem(Item item, EventPayload payload, Movement movement, ListingId listing, OrderId order,
      Optional<String> causation) {
    LedgerEvent e = event(StreamId.of(item.id()), item.version() + 1, Optional.of(item.id()),
        Optional.ofNullable(listing), Optional.ofNullable(order), Optional.ofNullable(movement), payload, causation);
    Item next = Projector.apply(item, e);
    items.put(item.id(), next);
    return next;
  }

  Order startOrder(OrderId id, EventPayload payload) {
    expected.put(StreamId.of(id), 0L);
    LedgerEvent e = event(StreamId.of(id), 1, Optional.empty(), Optional.empty(), Optional.of(id), Optional.empty(),
        payload, origin.causation());
    Order order = Projector.apply((Order) null, e);
    orders.put(id, order);
    return order;
  }

  Order orderFact(Order order, EventPayload payload) {
    LedgerEvent e = event(StreamId.of(order.id()), order.version() + 1, Optional.empty(), Optional.empty(),
        Optional.of(order.id()), Optional.empty(), payload, origin.causation());
    Order next = Projector.apply(order, e);
    orders.put(order.id(), next);
    return next;
  }

  private LedgerEvent event(StreamId stream, long version, Optional<ItemId> item, Optional<ListingId> listing,
      Optional<OrderId> order, Optional<Movement> movement, EventPayload payload, Optional<String> causation) {
    LedgerEvent e = new LedgerEvent(ws, EventId.of(ids.next()), stream, version, item, listing, order, movement,
        origin.source(), origin.actor(), occurredAt(), now, origin.provider(), origin.reason(), causation, payload);
    events.add(e);
    return e;
  }

  List<LedgerEvent> events() {
    return List.copyOf(events);
  }

  Commit toCommit(Optional<Receipt> receipt) {
    List<Item> touchedItems = new ArrayList<>();
    List<Order> touchedOrders = new ArrayList<>();
    for (LedgerEvent e : events) {
      if (e.stream().kind() == StreamId.Kind.ITEM) {
        Item i = items.get(ItemId.of(e.stream().id()));
        if (!touchedItems.contains(i)) {
          touchedItems.add(i);
        }
      } else {
        Order o = orders.get(OrderId.of(e.stream().id()));
        if (!touchedOrders.contains(o)) {
          touchedOrders.add(o);
        }
      }
    }
    return new Commit(ws, expected, events, touchedItems, touchedOrders, receipt);
  }
}
