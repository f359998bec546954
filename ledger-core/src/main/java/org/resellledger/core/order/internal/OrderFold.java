package org.resellledger.core.order.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderFact.*;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;

/** How an order stream's events change the order. */
final class OrderFold {
  private OrderFold() {}

  static Order placed(Order order, LedgerEvent e, OrderPlaced o) {
    if (order != null) {
      return next(order, e).build();
    }
    Money zero = Money.zero(o.fees().currency());
    return new Order(e.order().orElseThrow(), o.channel(), o.externalOrderId(), o.status(), o.lines(), o.fees(),
        o.shippingCharged(), zero, zero, Optional.empty(), Optional.empty(), Optional.empty(), e.occurredAt(),
        e.version());
  }

  static Order statusChanged(Order order, LedgerEvent e, OrderStatusChanged c) {
    return next(order, e).status(c.to()).build();
  }

  static Order shipped(Order order, LedgerEvent e, OrderShipped s) {
    Next n = next(order, e).status(OrderStatus.SHIPPED).handedOver();
    n.carrier = Optional.of(s.carrier());
    n.tracking = Optional.of(s.tracking()).filter(t -> !t.isBlank());
    n.shippingCost = n.shippingCost.plus(s.shippingCost());
    return n.build();
  }

  static Order pickedUp(Order order, LedgerEvent e, OrderPickedUp p) {
    return next(order, e).status(OrderStatus.LOCAL_PICKUP).handedOver().build();
  }

  static Order delivered(Order order, LedgerEvent e, OrderDelivered p) {
    return next(order, e).status(OrderStatus.DELIVERED).build();
  }

  static Order cancelled(Order order, LedgerEvent e, OrderCancelled p) {
    Next n = next(order, e).status(OrderStatus.CANCELLED);
    n.lines = n.lines.stream().map(l -> l.withCommitted(0)).toList();
    return n.build();
  }

  static Order returnRequested(Order order, LedgerEvent e, ReturnRequested r) {
    Next n = next(order, e).status(OrderStatus.RETURN_REQUESTED);
    n.deadline = Optional.of(r.deadline());
    return n.build();
  }

  static Order returnArrived(Order order, LedgerEvent e, OrderReturnArrived r) {
    Next n = next(order, e).status(r.to());
    n.lines = n.lines.stream()
        .map(l -> l.item().equals(r.item()) ? l.withReturned(l.returned() + r.quantity()) : l)
        .toList();
    return n.build();
  }

  static Order refunded(Order order, LedgerEvent e, RefundIssued r) {
    Next n = next(order, e).status(r.to());
    n.refunded = n.refunded.plus(r.amount());
    return n.build();
  }

  static Order shipBySet(Order order, LedgerEvent e, ShipByDateSet s) {
    Next n = next(order, e);
    n.shipBy = Optional.of(s.shipBy());
    return n.build();
  }

  static Order trackingAdded(Order order, LedgerEvent e, TrackingAdded t) {
    Next n = next(order, e);
    n.carrier = Optional.of(t.carrier());
    n.tracking = Optional.of(t.tracking());
    return n.build();
  }

  /** A payout changes no field of the order: cash collected is read from the payout events. */
  static Order paidOut(Order order, LedgerEvent e, PayoutReceived p) {
    return next(order, e).build();
  }

  static Order shortfallCovered(Order order, LedgerEvent e, ShortfallCovered c) {
    Next n = next(order, e);
    n.lines = n.lines.stream().map(l -> l.item().equals(c.item()) ? l.withCommitted(l.committed() + c.units()) : l)
        .toList();
    return n.build();
  }

  static Order lineSubstituted(Order order, LedgerEvent e, SaleLineSubstituted s) {
    Next n = next(order, e);
    List<OrderLine> lines = new java.util.ArrayList<>();
    OrderLine from = null;
    for (OrderLine l : n.lines) {
      if (l.item().equals(s.from())) {
        from = l;
        if (l.quantity() > s.units()) {
          lines.add(new OrderLine(l.item(), l.sku(), l.listing(), l.quantity() - s.units(), l.unitPrice(),
              l.committed(), l.handedOver(), l.returned()));
        }
      } else {
        lines.add(l);
      }
    }
    OrderLine source = java.util.Objects.requireNonNull(from, "no line of " + s.from());
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).item().equals(s.to())) {
        at = i;
      }
    }
    if (at >= 0) {
      OrderLine l = lines.get(at);
      lines.set(at, new OrderLine(l.item(), l.sku(), l.listing(), l.quantity() + s.units(), l.unitPrice(),
          l.committed() + s.units(), l.handedOver(), l.returned()));
    } else {
      lines.add(new OrderLine(s.to(), s.toSku(), Optional.empty(), s.units(), source.unitPrice(), s.units(), 0, 0));
    }
    n.lines = List.copyOf(lines);
    return n.build();
  }

  private static Next next(Order order, LedgerEvent e) {
    if (order == null) {
      throw new IllegalStateException("order stream " + e.stream() + " cannot start with " + e.kind());
    }
    return new Next(order, e.version());
  }

  /** An order being folded. */
  private static final class Next {
    final Order order;
    final long version;
    OrderStatus status;
    List<OrderLine> lines;
    Money shippingCost;
    Money refunded;
    Optional<String> carrier;
    Optional<String> tracking;
    Optional<Instant> deadline;
    Optional<Instant> shipBy;

    Next(Order order, long version) {
      this.order = order;
      this.version = version;
      this.status = order.status();
      this.lines = order.lines();
      this.shippingCost = order.shippingCost();
      this.refunded = order.refunded();
      this.carrier = order.carrier();
      this.tracking = order.tracking();
      this.deadline = order.returnDeadline();
      this.shipBy = order.shipBy();
    }

    Next status(OrderStatus next) {
      this.status = next;
      return this;
    }

    /** Every committed unit handed over to the buyer. */
    Next handedOver() {
      this.lines = lines.stream().map(l -> l.withHandedOver(l.committed())).toList();
      return this;
    }

    Order build() {
      return new Order(order.id(), order.channel(), order.externalOrderId(), status, lines, order.fees(),
          order.shippingCharged(), shippingCost, refunded, carrier, tracking, deadline, order.placedAt(), version,
          shipBy);
    }
  }
}
