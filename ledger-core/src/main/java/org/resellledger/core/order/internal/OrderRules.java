package org.resellledger.core.order.internal;

import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;

/** The named rules about orders. Each throws a {@link RejectionException} saying what, where and why. */
final class OrderRules {
  private OrderRules() {}

  static void orderMove(Order order, OrderStatus to) {
    if (!order.status().canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", to,
          "order " + order.id() + " cannot move from " + order.status() + " to " + to + "; allowed: "
              + order.status().next());
    }
  }

  static void requireCommitted(Order order) {
    if (order.lines().stream().allMatch(l -> l.committed() == 0)) {
      throw new RejectionException(RejectionCode.INSUFFICIENT_UNITS, "order", order.id(),
          "no units of this order were in stock to hand over; cancel it or resolve the double sale");
    }
  }
}
