package org.resellledger.core.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.value.Checks;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventPayload.InspectionOutcome;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;

/**
 * Something a person, an agent, a channel or an import asks the ledger to do. A command is checked
 * against the rules and either appends events atomically or is refused with a {@code RejectionException}
 * and changes nothing. A command whose origin carries a provider event id is applied at most once.
 */
public sealed interface Command {

  Origin origin();

  /** A command about one existing item, named by its SKU. */
  sealed interface OnItem extends Command {
    Sku sku();
  }

  // ---- items -------------------------------------------------------------------------------------------

  /** Take in a new item with {@code quantity} units (SUPPLIER to AVAILABLE, or HELD when taken in held). */
  record IntakeItem(ItemDetails details, int quantity, ItemStatus status, Origin origin) implements Command {
    public IntakeItem {
      Checks.present("details", details);
      Checks.nonNegative("quantity", quantity);
      Checks.present("status", status);
      Checks.present("origin", origin);
    }
  }

  /** Correct an item's details; every changed field is recorded with its before and after value. */
  record ChangeItemDetails(Sku sku, ItemDetails after, Origin origin) implements OnItem {}

  /** Move an item's inventory status along its transition table. */
  record ChangeItemStatus(Sku sku, ItemStatus to, Origin origin) implements OnItem {}

  /** Record that the item is sold on consignment for {@code consignor}. */
  record ConsignItem(Sku sku, String consignor, Origin origin) implements OnItem {}

  /** Hide the item from work; its events stay readable forever. */
  record ArchiveItem(Sku sku, Origin origin) implements OnItem {}

  // ---- quantities --------------------------------------------------------------------------------------

  /** Put available units on hold; needs a reason. */
  record HoldUnits(Sku sku, int quantity, Origin origin) implements OnItem {}

  /** Release held units back to available. */
  record ReleaseUnits(Sku sku, int quantity, Origin origin) implements OnItem {}

  /** Units found damaged, from AVAILABLE or HELD. */
  record MarkDamaged(Sku sku, int quantity, org.resellledger.core.ledger.Bucket from, Origin origin)
      implements OnItem {}

  /** Units lost, from AVAILABLE or HELD. */
  record MarkLost(Sku sku, int quantity, org.resellledger.core.ledger.Bucket from, Origin origin)
      implements OnItem {}

  /** A manual correction of available units, signed; needs a reason. */
  record AdjustQuantity(Sku sku, int delta, Origin origin) implements OnItem {}

  /**
   * Split {@code units} units of a bundle into new child items. The parent's cost basis for those units is
   * allocated to the children by {@code weight}, in exact parts; each child's own cost basis field is
   * replaced by its allocation.
   */
  record SplitBundle(Sku parent, int units, List<BundleChild> children, Origin origin) implements Command {
    public SplitBundle {
      children = List.copyOf(children);
    }
  }

  /** A child of a split: the new item's details, how many units it has, and its weight for cost allocation. */
  record BundleChild(ItemDetails details, int quantity, int weight) {}

  /**
   * Merge units of several items into one new item with {@code quantity} units. Its cost basis is the sum
   * of the parts' shares; the cost basis field of {@code details} is replaced by that sum.
   */
  record MergeBundle(List<BundleInput> parts, ItemDetails details, int quantity, Origin origin)
      implements Command {
    public MergeBundle {
      parts = List.copyOf(parts);
    }
  }

  /** Units of an existing item that go into a merge. */
  record BundleInput(Sku sku, int quantity) {}

  // ---- listings ----------------------------------------------------------------------------------------

  /** Create a listing of an item on a channel, as DRAFT or directly LIVE. */
  record CreateListing(Sku sku, ListingDetails details, SyncStatus status, Origin origin) implements OnItem {}

  /** Change a listing's details; the item itself is never changed by this. */
  record ChangeListing(ListingId listing, ListingDetails after, Origin origin) implements Command {}

  /** Move a listing's sync status; {@code error} says what failed when moving to ERROR. */
  record ChangeListingStatus(ListingId listing, SyncStatus to, Optional<String> error, Origin origin)
      implements Command {}

  // ---- orders ------------------------------------------------------------------------------------------

  /** One line of a sale: which item (and listing, for channel sales), how many, at what unit price. */
  record SaleLine(Sku sku, Optional<ListingId> listing, int quantity, Money unitPrice) {
    public static SaleLine of(Sku sku, int quantity, Money unitPrice) {
      return new SaleLine(sku, Optional.empty(), quantity, unitPrice);
    }

    public static SaleLine of(ListingId listing, Sku sku, int quantity, Money unitPrice) {
      return new SaleLine(sku, Optional.of(listing), quantity, unitPrice);
    }
  }

  /**
   * A buyer bought on a channel. Units are committed from AVAILABLE; a sale beyond what is available is
   * still recorded, commits what there is and leaves a double-sale conflict on the item.
   */
  record RecordChannelSale(
      Channel channel,
      String externalOrderId,
      List<SaleLine> lines,
      Money fees,
      Money shippingCharged,
      OrderStatus status,
      Origin origin)
      implements Command {
    public RecordChannelSale {
      lines = List.copyOf(lines);
    }
  }

  /** A sale in person (channel {@code local}), paid on the spot. */
  record RecordLocalSale(List<SaleLine> lines, Origin origin) implements Command {
    public RecordLocalSale {
      lines = List.copyOf(lines);
    }
  }

  /** Move an order to PAID, PICKED or PACKED (facts with no data of their own). */
  record AdvanceOrder(OrderId order, OrderStatus to, Origin origin) implements Command {}

  /** Cancel an order before handover; its committed units return to AVAILABLE. Never a return. */
  record CancelOrder(OrderId order, Origin origin) implements Command {}

  /** The order left with a carrier: committed units go to BUYER. */
  record ShipOrder(OrderId order, String carrier, String tracking, Money shippingCost, Origin origin)
      implements Command {}

  /** The buyer picked the order up in person: committed units go to BUYER. */
  record RecordPickup(OrderId order, Origin origin) implements Command {}

  /** The carrier delivered the order. */
  record MarkDelivered(OrderId order, Origin origin) implements Command {}

  /** The buyer asked to return; the return must arrive by {@code deadline}. */
  record RequestReturn(OrderId order, Instant deadline, Origin origin) implements Command {}

  /** Returned units of one item arrived: BUYER to INSPECTION, never straight to AVAILABLE. */
  record ReceiveReturn(OrderId order, Sku sku, int quantity, Origin origin) implements OnItem {}

  /** Inspect returned units: restock, damaged or write off (write off needs a reason). */
  record InspectReturn(Sku sku, int quantity, InspectionOutcome outcome, Optional<Condition> newCondition,
      Origin origin) implements OnItem {}

  /** Money went back to the buyer; the order becomes REFUNDED. */
  record IssueRefund(OrderId order, Money amount, Origin origin) implements Command {}
}
