package org.resellledger.core.order;

import java.util.Optional;
import org.resellledger.core.item.Condition;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;

/**
 * What an order does to the items it sells, in each item's stream: units committed by a sale, released
 * by a cancellation, handed over, returned and inspected.
 */
public sealed interface OrderItemFact extends EventPayload {

  /**
   * Units sold through a channel listing were committed (AVAILABLE to COMMITTED). When fewer were available
   * than ordered, {@code committed < ordered} and the difference is a double-sale conflict.
   */
  record ChannelSaleRecorded(Channel channel, int ordered, int committed, Money unitPrice)
      implements OrderItemFact {
    public int shortfall() {
      return ordered - committed;
    }
  }

  /** Units sold in person were committed (AVAILABLE to COMMITTED); same conflict rule as a channel sale. */
  record LocalSaleRecorded(int ordered, int committed, Money unitPrice) implements OrderItemFact {
    public int shortfall() {
      return ordered - committed;
    }
  }

  /** An order was cancelled before handover: its committed units go back (COMMITTED to AVAILABLE). */
  record SaleCancelled(int released, int shortfallCleared) implements OrderItemFact {}

  /**
   * The seller found units to cover an order's shortfall (ADJUSTMENT to COMMITTED, with the origin's
   * reason): the double-sale conflict of the order shrinks by {@code units}, and goes when none is left.
   */
  record FoundUnitsCommitted(int units) implements OrderItemFact {}

  /**
   * {@code units} of an order's shortfall on this item are fulfilled from {@code to} instead (no units move
   * here): the double-sale conflict of the order shrinks by {@code units}, and goes when none is left.
   */
  record SaleSubstitutedBy(org.resellledger.core.item.Sku to, int units) implements OrderItemFact {}

  /** This item's units replace {@code units} short units of {@code from} in an order (AVAILABLE to COMMITTED). */
  record SubstituteCommitted(org.resellledger.core.item.Sku from, int units) implements OrderItemFact {}

  /** Units left with a carrier (COMMITTED to BUYER). */
  record UnitsShipped(String carrier, String tracking) implements OrderItemFact {}

  /** Units were handed over in person (COMMITTED to BUYER). */
  record UnitsPickedUp() implements OrderItemFact {}

  /** Returned units arrived and wait for inspection (BUYER to INSPECTION); never straight to AVAILABLE. */
  record ReturnReceived() implements OrderItemFact {}

  /** An inspection decided returned units' fate: restock, damaged or written off; may change condition. */
  record InspectionCompleted(InspectionOutcome outcome, Optional<Condition> newCondition) implements OrderItemFact {}

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
