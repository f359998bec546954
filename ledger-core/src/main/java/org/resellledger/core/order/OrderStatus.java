package org.resellledger.core.order;

import static org.resellledger.core.order.OrderStatus.*;

import java.util.Set;
import org.resellledger.core.value.Transitions;

/**
 * Where an order is in fulfilment. Separate from the item's inventory status. Moves follow
 * {@link #canMoveTo}; {@link #REFUNDED} is terminal. A cancellation ({@link #CANCELLED}) happens before the
 * units leave; a return ({@link #RETURN_REQUESTED}, {@link #RETURNED}) after.
 */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  PICKED,
  PACKED,
  SHIPPED,
  DELIVERED,
  LOCAL_PICKUP,
  CANCELLED,
  RETURN_REQUESTED,
  RETURNED,
  REFUNDED;

  private static final Transitions<OrderStatus> TABLE =
      Transitions.of(OrderStatus.class)
          .from(PENDING_PAYMENT, PAID, CANCELLED)
          .from(PAID, PICKED, PACKED, SHIPPED, LOCAL_PICKUP, CANCELLED)
          .from(PICKED, PACKED, SHIPPED, CANCELLED)
          .from(PACKED, SHIPPED, CANCELLED)
          .from(SHIPPED, DELIVERED, RETURN_REQUESTED, REFUNDED)
          .from(DELIVERED, RETURN_REQUESTED, REFUNDED)
          .from(LOCAL_PICKUP, RETURN_REQUESTED, REFUNDED)
          .from(RETURN_REQUESTED, RETURNED, DELIVERED, REFUNDED)
          .from(RETURNED, REFUNDED)
          .from(CANCELLED, REFUNDED)
          .build();

  public boolean canMoveTo(OrderStatus target) {
    return TABLE.allows(this, target);
  }

  public Set<OrderStatus> next() {
    return TABLE.from(this);
  }

  /** Whether the order's units have not left the seller yet (cancellable, still committed). */
  public boolean beforeHandover() {
    return this == PENDING_PAYMENT || this == PAID || this == PICKED || this == PACKED;
  }
}
