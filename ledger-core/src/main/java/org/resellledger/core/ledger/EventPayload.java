package org.resellledger.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;

/**
 * The kind-specific part of a {@link LedgerEvent}: one record per kind of fact. Item-stream facts and
 * order-stream facts are both here; which stream an event is in is on its envelope.
 */
public sealed interface EventPayload {

  /**
   * Every kind of payload, one record class each (the sealed hierarchy walked, groups such as
   * {@link OfListing} included), for stores that write and read payloads by their kind
   * ({@link LedgerEvent#kind()} is the record's simple name).
   */
  static List<Class<? extends EventPayload>> kinds() {
    List<Class<? extends EventPayload>> kinds = new java.util.ArrayList<>();
    java.util.Deque<Class<?>> open = new java.util.ArrayDeque<>(List.of(EventPayload.class));
    while (!open.isEmpty()) {
      Class<?> type = open.pop();
      if (type.isRecord()) {
        kinds.add(type.asSubclass(EventPayload.class));
      } else {
        open.addAll(List.of(type.getPermittedSubclasses()));
      }
    }
    return List.copyOf(kinds);
  }

  // ---- item stream -------------------------------------------------------------------------------------

  /** An item was taken in (SUPPLIER to AVAILABLE, or to HELD when taken in held). */
  record ItemAcquired(ItemDetails details, int quantity, ItemStatus status) implements EventPayload {}

  /** Item fields were corrected; {@code after} is the whole new set of details. */
  record ItemFieldsChanged(List<FieldChange> changes, ItemDetails after) implements EventPayload {}

  /** The item's inventory status moved, by hand or as the consequence of another fact (see causation). */
  record ItemStatusChanged(ItemStatus from, ItemStatus to) implements EventPayload {}

  /** The item is held on consignment for a consignor. */
  record ItemConsigned(String consignor) implements EventPayload {}

  /** The item was archived: hidden from work, its history kept. */
  record ItemArchived() implements EventPayload {}

  /**
   * A fact about one listing of the item: these, and only these, create or change a listing, so a store
   * that keeps listings apart from their item writes the listing such an event names.
   */
  sealed interface OfListing extends EventPayload {
    ListingId listing();
  }

  /** A listing of the item was created. */
  record ListingCreated(ListingId listing, ListingDetails details, SyncStatus status) implements OfListing {}

  /** A listing's details changed (price, title, listed quantity...). */
  record ListingChanged(ListingId listing, List<FieldChange> changes, ListingDetails after)
      implements OfListing {}

  /** A listing's sync status moved; {@code error} says what went wrong when it moved to ERROR. */
  record ListingStatusChanged(ListingId listing, SyncStatus from, SyncStatus to, Optional<String> error)
      implements OfListing {}

  /**
   * Units sold through a channel listing were committed (AVAILABLE to COMMITTED). When fewer were available
   * than ordered, {@code committed < ordered} and the difference is a double-sale conflict.
   */
  record ChannelSaleRecorded(Channel channel, int ordered, int committed, Money unitPrice)
      implements EventPayload {
    public int shortfall() {
      return ordered - committed;
    }
  }

  /** Units sold in person were committed (AVAILABLE to COMMITTED); same conflict rule as a channel sale. */
  record LocalSaleRecorded(int ordered, int committed, Money unitPrice) implements EventPayload {
    public int shortfall() {
      return ordered - committed;
    }
  }

  /** An order was cancelled before handover: its committed units go back (COMMITTED to AVAILABLE). */
  record SaleCancelled(int released, int shortfallCleared) implements EventPayload {}

  /** Units left with a carrier (COMMITTED to BUYER). */
  record UnitsShipped(String carrier, String tracking) implements EventPayload {}

  /** Units were handed over in person (COMMITTED to BUYER). */
  record UnitsPickedUp() implements EventPayload {}

  /** Returned units arrived and wait for inspection (BUYER to INSPECTION); never straight to AVAILABLE. */
  record ReturnReceived() implements EventPayload {}

  /** An inspection decided returned units' fate: restock, damaged or written off; may change condition. */
  record InspectionCompleted(InspectionOutcome outcome, Optional<Condition> newCondition) implements EventPayload {}

  /** Units were found damaged (AVAILABLE or HELD to DAMAGED). */
  record UnitsDamaged() implements EventPayload {}

  /** Units were lost (AVAILABLE or HELD to LOST). */
  record UnitsLost() implements EventPayload {}

  /** Units were put on hold (AVAILABLE to HELD). */
  record UnitsHeld() implements EventPayload {}

  /** Held units were released (HELD to AVAILABLE). */
  record UnitsReleased() implements EventPayload {}

  /** A manual correction (AVAILABLE to or from ADJUSTMENT); the envelope's reason is required. */
  record QuantityAdjusted(int delta) implements EventPayload {}

  /** Parent units became parts (AVAILABLE to BUNDLE); {@code costMoved} was allocated to the children. */
  record BundleSplit(List<BundlePart> parts, Money costMoved) implements EventPayload {}

  /** A child item was created from a split (BUNDLE to AVAILABLE); its cost basis is its allocation. */
  record SplitFromBundle(ItemId parent, Sku parentSku, ItemDetails details, ItemStatus status)
      implements EventPayload {}

  /** Units of this item went into a merged item (AVAILABLE to BUNDLE), taking their share of cost. */
  record MergedIntoBundle(ItemId parent, Sku parentSku, Money costMoved) implements EventPayload {}

  /** A merged item was created from parts (BUNDLE to AVAILABLE); its cost basis is the parts' sum. */
  record MergedFromParts(List<BundlePart> parts, ItemDetails details, ItemStatus status)
      implements EventPayload {}

  // ---- order stream ------------------------------------------------------------------------------------

  /** A buyer's order (or a local sale) was placed; lines say how much was committed from stock. */
  record OrderPlaced(
      Channel channel,
      Optional<String> externalOrderId,
      List<OrderLine> lines,
      Money fees,
      Money shippingCharged,
      OrderStatus status)
      implements EventPayload {}

  /** The order moved along its lifecycle (paid, picked, packed, delivered...). */
  record OrderStatusChanged(OrderStatus from, OrderStatus to) implements EventPayload {}

  /** The order shipped; {@code shippingCost} is what the seller paid for postage. */
  record OrderShipped(OrderStatus from, String carrier, String tracking, Money shippingCost)
      implements EventPayload {}

  /** The order was handed over in person. */
  record OrderPickedUp(OrderStatus from) implements EventPayload {}

  /** The carrier delivered the order. */
  record OrderDelivered(OrderStatus from) implements EventPayload {}

  /** The order was cancelled before handover. */
  record OrderCancelled(OrderStatus from) implements EventPayload {}

  /** The buyer asked to return; the seller must receive it by {@code deadline}. */
  record ReturnRequested(OrderStatus from, Instant deadline) implements EventPayload {}

  /** Returned units of one line arrived; the order is RETURNED once all handed-over units are back. */
  record OrderReturnArrived(OrderStatus from, OrderStatus to, ItemId item, int quantity) implements EventPayload {}

  /** Money went back to the buyer. */
  record RefundIssued(OrderStatus from, OrderStatus to, Money amount) implements EventPayload {}

  /** A part of a bundle split or merge: which item, how many units, what cost basis it carries. */
  record BundlePart(ItemId item, Sku sku, int quantity, Money cost) {}

  /** What an inspection of returned units decided. */
  enum InspectionOutcome {
    RESTOCK(Bucket.AVAILABLE),
    DAMAGED(Bucket.DAMAGED),
    WRITE_OFF(Bucket.WRITTEN_OFF);

    private final Bucket target;

    InspectionOutcome(Bucket target) {
      this.target = target;
    }

    public Bucket target() {
      return target;
    }
  }
}
