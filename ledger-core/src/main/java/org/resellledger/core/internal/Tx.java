package org.resellledger.core.internal;

import org.resellledger.core.value.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final boolean trustKeys;
  private final Map<StreamId, Long> expected = new LinkedHashMap<>();
  private final Map<ItemId, Item> items = new LinkedHashMap<>();
  /** The SKU of every item in {@link #items}. */
  private final Map<Sku, ItemId> skus = new HashMap<>();
  /** Items read ahead by SKU (empty: no item had it), not yet used; see {@link #prefetch}. */
  private final Map<Sku, Optional<Item>> prefetched = new HashMap<>();
  private final Map<OrderId, Order> orders = new LinkedHashMap<>();
  private final List<LedgerEvent> events = new ArrayList<>();

  /**
   * @param trustKeys whether checks that a unique key is free (SKU, channel order id, channel listing id)
   *     may skip the store read and leave the refusal to the commit, whose unique keys refuse a taken one.
   *     The ledger runs a first attempt trusting them and, after any refusal or lost race, runs again with
   *     every read, so the answer is the same either way; only the cost of the common case differs.
   */
  Tx(LedgerStore store, WorkspaceId ws, IdGenerator ids, Origin origin, Instant now, boolean trustKeys) {
    this.trustKeys = trustKeys;
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

  // ---- reads -------------------------------------------------------------------------------------------

  /**
   * Reads the items with these SKUs in one store read, so the commands that follow find them here. An
   * item read ahead joins the transaction (and its version the commit's checks) only when a command uses it.
   */
  void prefetch(java.util.Collection<Sku> wanted) {
    List<Sku> unknown = wanted.stream().filter(s -> !skus.containsKey(s) && !prefetched.containsKey(s)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    Map<Sku, Item> found = store.itemsBySku(ws, unknown);
    for (Sku sku : unknown) {
      prefetched.put(sku, Optional.ofNullable(found.get(sku)));
    }
  }

  Item item(Sku sku) {
    Checks.present("sku", sku);
    ItemId known = skus.get(sku);
    if (known != null) {
      return items.get(known);
    }
    Item item = storedItem(sku)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "sku", sku, "no item with this SKU"));
    return join(item);
  }

  Item item(ItemId id) {
    Item known = items.get(id);
    if (known != null) {
      return known;
    }
    Item item = store.item(ws, id)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "item", id, "no such item"));
    return join(item);
  }

  /** The item the store holds under this SKU, read ahead or read now. (A SKU never changes.) */
  private Optional<Item> storedItem(Sku sku) {
    return prefetched.containsKey(sku) ? prefetched.get(sku) : store.itemBySku(ws, sku);
  }

  /** An item read from the store joins the transaction: its version is what the commit expects. */
  private Item join(Item item) {
    expected.putIfAbsent(StreamId.of(item.id()), item.version());
    remember(item);
    return item;
  }

  private void remember(Item item) {
    items.put(item.id(), item);
    skus.put(item.sku(), item.id());
  }

  boolean skuTaken(Sku sku) {
    if (skus.containsKey(sku)) {
      return true;
    }
    if (trustKeys && !prefetched.containsKey(sku)) {
      return false;
    }
    return storedItem(sku).isPresent();
  }

  /** Whether an order with this external id on this channel exists, in this transaction or the store. */
  boolean orderIdTaken(org.resellledger.core.listing.Channel channel, String externalOrderId) {
    for (Order o : orders.values()) {
      if (o.channel().equals(channel) && o.externalOrderId().filter(externalOrderId::equals).isPresent()) {
        return true;
      }
    }
    return !trustKeys && store.orderByExternalId(ws, channel, externalOrderId).isPresent();
  }

  /**
   * The listing that has this external id on this channel: one of this transaction's items first, then
   * (unless keys are trusted) the store. An id a listing gives up in this transaction stays taken until that
   * is committed: the store's unique key holds it until then.
   */
  Optional<ListingId> listingWithExternalId(org.resellledger.core.listing.Channel channel, String externalId) {
    for (Item i : items.values()) {
      for (org.resellledger.core.listing.Listing l : i.listings().values()) {
        if (l.details().channel().equals(channel) && l.details().externalId().filter(externalId::equals).isPresent()) {
          return Optional.of(l.id());
        }
      }
    }
    return trustKeys ? Optional.empty() : store.listingByExternalId(ws, channel, externalId);
  }

  Item itemOfListing(ListingId listing) {
    Checks.present("listing", listing);
    for (Item i : items.values()) {
      if (i.listings().containsKey(listing)) {
        return i;
      }
    }
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
    remember(item);
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
    remember(next);
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

  /** The item as this transaction has it now (read or changed here). */
  Item heldItem(ItemId id) {
    return items.get(id);
  }

  /** What this transaction holds now, to go back to if the next command is refused (see {@link #undo}). */
  Mark mark() {
    return new Mark(events.size(), new LinkedHashMap<>(items), new HashMap<>(skus), new LinkedHashMap<>(orders));
  }

  /** Forgets everything done since {@code mark}: a refused command of a preview leaves no trace. */
  void undo(Mark mark) {
    events.subList(mark.events, events.size()).clear();
    items.clear();
    items.putAll(mark.items);
    skus.clear();
    skus.putAll(mark.skus);
    orders.clear();
    orders.putAll(mark.orders);
  }

  record Mark(int events, Map<ItemId, Item> items, Map<Sku, ItemId> skus, Map<OrderId, Order> orders) {}

  Commit toCommit(Optional<Receipt> receipt) {
    Map<ItemId, Item> touchedItems = new LinkedHashMap<>();
    Map<OrderId, Order> touchedOrders = new LinkedHashMap<>();
    for (LedgerEvent e : events) {
      if (e.stream().kind() == StreamId.Kind.ITEM) {
        ItemId id = ItemId.of(e.stream().id());
        touchedItems.putIfAbsent(id, items.get(id));
      } else {
        OrderId id = OrderId.of(e.stream().id());
        touchedOrders.putIfAbsent(id, orders.get(id));
      }
    }
    return new Commit(ws, expected, events, List.copyOf(touchedItems.values()), List.copyOf(touchedOrders.values()),
        receipt);
  }

}
