package org.resellledger.testkit.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
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
import org.resellledger.core.order.OrderFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.ProviderRef;
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
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.StreamState;
import org.resellledger.testkit.gen.Samples;

/**
 * Hand-built commits for the store contract: exact control over expected versions, ids and unique keys,
 * which a {@code Ledger} would never produce wrong on purpose. Projections are folded with core's
 * {@link Projector}, so each commit is internally consistent.
 */
final class Facts {
  private final WorkspaceId ws;

  Facts(WorkspaceId ws) {
    this.ws = ws;
  }

  LedgerEvent event(String id, StreamId stream, long version, Optional<ItemId> item, Optional<ListingId> listing,
      Optional<OrderId> order, Movement movement, EventPayload payload) {
    return new LedgerEvent(ws, EventId.of(id), stream, version, item, listing, order, Optional.ofNullable(movement),
        Source.MANUAL, Actor.person("contract"), Samples.NOW, Samples.NOW, Optional.empty(), Optional.empty(),
        Optional.empty(), payload);
  }

  /**
   * Adds {@code delta} to the tally stream {@code id} at {@code version} (1: a new tally named
   * {@code name}), folded from {@code before} (null for a new one).
   */
  Commit tally(String eventId, String id, long version, String name, int delta, TallyStream.Tally before) {
    StreamId stream = new StreamId(TallyStream.KIND, id);
    LedgerEvent e = new LedgerEvent(ws, EventId.of(eventId), stream, version, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Source.MANUAL, Actor.person("contract"), Samples.NOW, Samples.NOW,
        Optional.empty(), Optional.of(name), Optional.empty(), new ItemFact.QuantityAdjusted(delta));
    TallyStream.Tally after = TallyStream.TYPE.fold(before, e);
    return new Commit(ws, Map.of(stream, version - 1), List.of(e), List.of(), List.of(),
        List.of(StreamState.of(TallyStream.TYPE, id, version, after)), Optional.empty());
  }

  /** A new item stream: {@code quantity} units SUPPLIER to AVAILABLE, expecting the stream not to exist. */
  Commit intake(String eventId, String itemId, String sku, int quantity) {
    return intake(eventId, itemId, Samples.details(sku), quantity);
  }

  /** A new item stream with these details. */
  Commit intake(String eventId, String itemId, ItemDetails details, int quantity) {
    ItemId id = ItemId.of(itemId);
    LedgerEvent e = event(eventId, StreamId.of(id), 1, Optional.of(id), Optional.empty(), Optional.empty(),
        Movement.of(quantity, Bucket.SUPPLIER, Bucket.AVAILABLE),
        new ItemFact.ItemAcquired(details, quantity, ItemStatus.READY_TO_LIST));
    Item item = Projector.apply((Item) null, e);
    return new Commit(ws, Map.of(StreamId.of(id), 0L), List.of(e), List.of(item), List.of(), Optional.empty());
  }

  /** Puts {@code quantity} units of {@code before} on hold, expecting the stream at {@code expectedVersion}. */
  Commit hold(String eventId, Item before, int quantity, long expectedVersion) {
    LedgerEvent e = event(eventId, StreamId.of(before.id()), before.version() + 1, Optional.of(before.id()),
        Optional.empty(), Optional.empty(), Movement.of(quantity, Bucket.AVAILABLE, Bucket.HELD),
        new ItemFact.UnitsHeld());
    return new Commit(ws, Map.of(StreamId.of(before.id()), expectedVersion), List.of(e),
        List.of(Projector.apply(before, e)), List.of(), Optional.empty());
  }

  /** Adds a listing to {@code before}. */
  Commit listing(String eventId, Item before, String listingId, Channel channel, String externalId) {
    ListingId lid = ListingId.of(listingId);
    ListingDetails details = Samples.listing(channel, externalId, Samples.usd("20.00"));
    LedgerEvent e = event(eventId, StreamId.of(before.id()), before.version() + 1, Optional.of(before.id()),
        Optional.of(lid), Optional.empty(), null, new ListingFact.ListingCreated(lid, details, SyncStatus.DRAFT));
    return new Commit(ws, Map.of(StreamId.of(before.id()), before.version()), List.of(e),
        List.of(Projector.apply(before, e)), List.of(), Optional.empty());
  }

  /** A new order stream for one unit of {@code item} (the item's own stream is not touched). */
  Commit order(String eventId, String orderId, Channel channel, String externalOrderId, Item item) {
    OrderId oid = OrderId.of(orderId);
    Money price = Samples.usd("20.00");
    OrderLine line = new OrderLine(item.id(), item.sku(), Optional.empty(), 1, price, 0, 0, 0);
    LedgerEvent e = event(eventId, StreamId.of(oid), 1, Optional.empty(), Optional.empty(), Optional.of(oid), null,
        new OrderFact.OrderPlaced(channel, Optional.ofNullable(externalOrderId), List.of(line),
            Samples.usd("2.00"), Samples.usd("0.00"), OrderStatus.PAID));
    Order order = Projector.apply((Order) null, e);
    return new Commit(ws, Map.of(StreamId.of(oid), 0L), List.of(e), List.of(), List.of(order), Optional.empty());
  }

  /** The same commit carrying a receipt for {@code ref} that names its events. */
  static Commit withReceipt(Commit c, ProviderRef ref, String fingerprint) {
    Receipt receipt = new Receipt(ref, fingerprint, c.events().stream().map(LedgerEvent::id).toList());
    return new Commit(c.workspace(), c.expectedVersions(), c.events(), c.items(), c.orders(), Optional.of(receipt));
  }

  /** Two commits as one: a single transaction touching both sets of streams. */
  static Commit both(Commit a, Commit b) {
    Map<StreamId, Long> expected = new java.util.HashMap<>(a.expectedVersions());
    expected.putAll(b.expectedVersions());
    return new Commit(a.workspace(), expected, concat(a.events(), b.events()), concat(a.items(), b.items()),
        concat(a.orders(), b.orders()), concat(a.streams(), b.streams()), a.receipt().or(b::receipt));
  }


  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
