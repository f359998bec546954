package org.resellledger.core.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Sku;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;

/**
 * The commands about orders: sales on a channel or in person, the order's lifecycle, returns and their
 * inspection, refunds.
 */
public sealed interface OrderCommand extends Command {

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
      Origin origin,
      Optional<Instant> shipBy)
      implements OrderCommand {
    public RecordChannelSale {
      lines = List.copyOf(lines);
      shipBy = shipBy == null ? Optional.empty() : shipBy;
    }

    /** A sale with no ship-by date (set later with {@link SetShipBy}, or never). */
    public RecordChannelSale(Channel channel, String externalOrderId, List<SaleLine> lines, Money fees,
        Money shippingCharged, OrderStatus status, Origin origin) {
      this(channel, externalOrderId, lines, fees, shippingCharged, status, origin, Optional.empty());
    }

    /** The same sale with the channel's ship-by date. */
    public RecordChannelSale withShipBy(Instant shipBy) {
      return new RecordChannelSale(channel, externalOrderId, lines, fees, shippingCharged, status, origin,
          Optional.of(shipBy));
    }

    /**
     * As a record's, leaving out an empty ship-by date: the text is the command's fingerprint for
     * idempotency, so a sale recorded before ship-by dates existed is still recognised when redelivered.
     */
    @Override
    public String toString() {
      return "RecordChannelSale[channel=" + channel + ", externalOrderId=" + externalOrderId + ", lines=" + lines
          + ", fees=" + fees + ", shippingCharged=" + shippingCharged + ", status=" + status + ", origin=" + origin
          + shipBy.map(d -> ", shipBy=Optional[" + d + "]").orElse("") + "]";
    }
  }

  /**
   * Resolves a double sale without cancelling: the seller found {@code quantity} more units of the short
   * line's item (a miscount, a unit in another box). They come in as a correction (ADJUSTMENT to
   * COMMITTED, so the origin must give a reason) and cover the order's shortfall; the conflict clears.
   * Only before the order is handed over, and never more than the line is short.
   */
  record RecordFoundUnit(OrderId order, Sku sku, int quantity, Origin origin) implements OrderCommand {}

  /**
   * Resolves a double sale without cancelling: {@code quantity} short units of the line of {@code from} are
   * fulfilled from another item the seller has, {@code to} (a like-for-like replacement). Its units are
   * committed from AVAILABLE, that part of the order's line moves to {@code to} at the same unit price, and
   * the conflict on {@code from} clears. The origin must give a reason. Only before handover, never more
   * than the line is short, and only from units available.
   */
  record SubstituteSaleLine(OrderId order, Sku from, Sku to, int quantity, Origin origin) implements OrderCommand {}

  /** A sale in person (channel {@code local}), paid on the spot. */
  record RecordLocalSale(List<SaleLine> lines, Origin origin) implements OrderCommand {
    public RecordLocalSale {
      lines = List.copyOf(lines);
    }
  }

  /** Move an order to PAID, PICKED or PACKED (facts with no data of their own). */
  record AdvanceOrder(OrderId order, OrderStatus to, Origin origin) implements OrderCommand {}

  /** Cancel an order before handover; its committed units return to AVAILABLE. Never a return. */
  record CancelOrder(OrderId order, Origin origin) implements OrderCommand {}

  /** The order left with a carrier: committed units go to BUYER. */
  record ShipOrder(OrderId order, String carrier, String tracking, Money shippingCost, Origin origin)
      implements OrderCommand {}

  /** The buyer picked the order up in person: committed units go to BUYER. */
  record RecordPickup(OrderId order, Origin origin) implements OrderCommand {}

  /** The carrier delivered the order. */
  record MarkDelivered(OrderId order, Origin origin) implements OrderCommand {}

  /** The buyer asked to return; the return must arrive by {@code deadline}. */
  record RequestReturn(OrderId order, Instant deadline, Origin origin) implements OrderCommand {}

  /** Returned units of one item arrived: BUYER to INSPECTION, never straight to AVAILABLE. */
  record ReceiveReturn(OrderId order, Sku sku, int quantity, Origin origin) implements OrderCommand {}

  /** Inspect returned units: restock, damaged or write off (write off needs a reason). */
  record InspectReturn(Sku sku, int quantity, InspectionOutcome outcome, Optional<Condition> newCondition,
      Origin origin) implements OrderCommand {}

  /** Money went back to the buyer; the order becomes REFUNDED. */
  record IssueRefund(OrderId order, Money amount, Origin origin) implements OrderCommand {}

  /**
   * The date by which the order must leave (the channel's handling time, or the seller's promise); set at
   * sale ({@link RecordChannelSale#shipBy}) or later, and moved again before the order is handed over.
   */
  record SetShipBy(OrderId order, Instant shipBy, Origin origin) implements OrderCommand {}

  /**
   * A carrier's tracking number for an order that shipped without one (or a corrected one): the
   * missing-tracking queue empties when every shipped order has tracking.
   */
  record AddTracking(OrderId order, String carrier, String tracking, Origin origin) implements OrderCommand {}

  /**
   * The channel paid the seller for this order: {@code amount} is the cash collected, {@code feesWithheld}
   * what the channel kept from it (both in the order's currency; the payout id is the channel's).
   */
  record RecordPayout(OrderId order, String payoutId, Money amount, Money feesWithheld, Origin origin)
      implements OrderCommand {}
}
