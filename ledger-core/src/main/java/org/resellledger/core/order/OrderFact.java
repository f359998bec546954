package org.resellledger.core.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;

/** The facts of an order's own stream: placed, moved along its lifecycle, returned, refunded. */
public sealed interface OrderFact extends EventPayload {

  /** A buyer's order (or a local sale) was placed; lines say how much was committed from stock. */
  record OrderPlaced(
      Channel channel,
      Optional<String> externalOrderId,
      List<OrderLine> lines,
      Money fees,
      Money shippingCharged,
      OrderStatus status)
      implements OrderFact {}

  /** The order moved along its lifecycle (paid, picked, packed, delivered...). */
  record OrderStatusChanged(OrderStatus from, OrderStatus to) implements OrderFact {}

  /** The order shipped; {@code shippingCost} is what the seller paid for postage. */
  record OrderShipped(OrderStatus from, String carrier, String tracking, Money shippingCost)
      implements OrderFact {}

  /** The order was handed over in person. */
  record OrderPickedUp(OrderStatus from) implements OrderFact {}

  /** The carrier delivered the order. */
  record OrderDelivered(OrderStatus from) implements OrderFact {}

  /** The order was cancelled before handover. */
  record OrderCancelled(OrderStatus from) implements OrderFact {}

  /** The buyer asked to return; the seller must receive it by {@code deadline}. */
  record ReturnRequested(OrderStatus from, Instant deadline) implements OrderFact {}

  /** Returned units of one line arrived; the order is RETURNED once all handed-over units are back. */
  record OrderReturnArrived(OrderStatus from, OrderStatus to, ItemId item, int quantity) implements OrderFact {}

  /** Money went back to the buyer. */
  record RefundIssued(OrderStatus from, OrderStatus to, Money amount) implements OrderFact {}

  /** The order's ship-by date was set ({@code previous} empty) or moved. */
  record ShipByDateSet(Optional<Instant> previous, Instant shipBy) implements OrderFact {}

  /** Tracking was added to a shipped order (or corrected); {@code previous} is what it had, if anything. */
  record TrackingAdded(Optional<String> previous, String carrier, String tracking) implements OrderFact {}

  /** The channel paid out for this order: cash collected, and the fees it withheld. */
  record PayoutReceived(String payoutId, Money amount, Money feesWithheld) implements OrderFact {}

  /** Units found later covered {@code units} of the shortfall of the line of {@code item}. */
  record ShortfallCovered(ItemId item, int units) implements OrderFact {}

  /**
   * {@code units} short units of the line of {@code from} are fulfilled from {@code to} instead: they leave
   * the first line (which goes when nothing is left of it) and join the line of {@code to} (made at the same
   * unit price, with no listing, if the order had none), committed.
   */
  record SaleLineSubstituted(ItemId from, ItemId to, org.resellledger.core.item.Sku toSku, int units)
      implements OrderFact {}
}
