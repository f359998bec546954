package org.resellledger.core.order.internal;

import java.util.EnumSet;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.internal.ItemRules;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.order.OrderFact.*;
import org.resellledger.core.order.OrderItemFact.*;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.value.Checks;

/** Decides an order's lifecycle after the sale: payment, handover, cancellation, returns and refunds. */
final class OrderHandlers {
  private OrderHandlers() {}

  static void advance(AdvanceOrder x, Tx tx) {
    Rules.oneOf("to", x.to(), EnumSet.of(OrderStatus.PAID, OrderStatus.PICKED, OrderStatus.PACKED));
    Order order = Orders.order(tx, x.order());
    OrderRules.orderMove(order, x.to());
    Orders.fact(tx, order, new OrderStatusChanged(order.status(), x.to()));
  }

  static void deliver(MarkDelivered x, Tx tx) {
    Order order = Orders.order(tx, x.order());
    OrderRules.orderMove(order, OrderStatus.DELIVERED);
    Orders.fact(tx, order, new OrderDelivered(order.status()));
  }

  static void requestReturn(RequestReturn x, Tx tx) {
    Checks.instant("deadline", x.deadline());
    Order order = Orders.order(tx, x.order());
    OrderRules.orderMove(order, OrderStatus.RETURN_REQUESTED);
    Orders.fact(tx, order, new ReturnRequested(order.status(), x.deadline()));
  }

  static void cancel(CancelOrder x, Tx tx) {
    Order order = Orders.order(tx, x.order());
    OrderRules.orderMove(order, OrderStatus.CANCELLED);
    Orders.fact(tx, order, new OrderCancelled(order.status()));
    for (OrderLine line : order.lines()) {
      Item item = Items.item(tx, line.item());
      Movement m = line.committed() == 0 ? null : Movement.of(line.committed(), Bucket.COMMITTED, Bucket.AVAILABLE);
      Items.fact(tx, item, new SaleCancelled(line.committed(), line.shortfall()), m, line.listing().orElse(null),
          order.id());
    }
  }

  static void ship(ShipOrder x, Tx tx) {
    String carrier = Checks.text("carrier", x.carrier(), 60);
    // shipping without tracking happens (untracked letters, a label bought elsewhere): the order ships with
    // none, and the missing-tracking queue shows it until AddTracking
    String tracking = x.tracking() == null || x.tracking().isBlank() ? "" : Checks.text("tracking", x.tracking(), 100);
    Checks.present("shippingCost", x.shippingCost()).requireNonNegative("shippingCost");
    Order order = Orders.order(tx, x.order());
    Rules.sameCurrency("shippingCost", order.fees().currency(), x.shippingCost());
    OrderRules.orderMove(order, OrderStatus.SHIPPED);
    OrderRules.requireCommitted(order);
    Orders.fact(tx, order, new OrderShipped(order.status(), carrier, tracking, x.shippingCost()));
    handOver(order, tx, new UnitsShipped(carrier, tracking));
  }

  static void pickup(RecordPickup x, Tx tx) {
    Order order = Orders.order(tx, x.order());
    OrderRules.orderMove(order, OrderStatus.LOCAL_PICKUP);
    OrderRules.requireCommitted(order);
    Orders.fact(tx, order, new OrderPickedUp(order.status()));
    handOver(order, tx, new UnitsPickedUp());
  }

  private static void handOver(Order order, Tx tx, EventPayload payload) {
    for (OrderLine line : order.lines()) {
      int units = line.committed() - line.handedOver();
      if (units > 0) {
        Items.fact(tx, Items.item(tx, line.item()), payload, Movement.of(units, Bucket.COMMITTED, Bucket.BUYER),
            line.listing().orElse(null), order.id());
      }
    }
  }

  static void receiveReturn(ReceiveReturn x, Tx tx) {
    Checks.units("quantity", x.quantity());
    Order order = Orders.order(tx, x.order());
    Item item = Items.item(tx, x.sku());
    OrderLine line = order.line(item.id())
        .orElseThrow(() -> new RejectionException(RejectionCode.NOT_IN_ORDER, "sku", x.sku(),
            "order " + order.id() + " has no line for this SKU"));
    if (order.status() != OrderStatus.RETURN_REQUESTED) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", order.status(),
          "order " + order.id() + " receives returns only in RETURN_REQUESTED, it is " + order.status());
    }
    int outstanding = line.handedOver() - line.returned();
    if (x.quantity() > outstanding) {
      throw new RejectionException(RejectionCode.NOT_IN_ORDER, "quantity", x.quantity(),
          "only " + outstanding + " units of SKU " + x.sku() + " were handed over and not yet returned");
    }
    boolean allBack = order.lines().stream()
        .allMatch(l -> l.handedOver() - l.returned() - (l.item().equals(item.id()) ? x.quantity() : 0) == 0);
    OrderStatus to = allBack ? OrderStatus.RETURNED : order.status();
    Movement back = Movement.of(x.quantity(), Bucket.BUYER, Bucket.INSPECTION);
    ItemRules.withinMaximum(item, back, "quantity");
    Orders.fact(tx, order, new OrderReturnArrived(order.status(), to, item.id(), x.quantity()));
    Items.fact(tx, item, new ReturnReceived(), back,
        line.listing().orElse(null), order.id());
  }

  static void inspect(InspectReturn x, Tx tx) {
    Checks.units("quantity", x.quantity());
    Checks.present("outcome", x.outcome());
    Checks.present("newCondition", x.newCondition());
    if (x.outcome() == InspectionOutcome.WRITE_OFF) {
      Rules.reasonGiven(x.origin(), "a write-off");
    }
    Item item = Items.item(tx, x.sku());
    ItemRules.notArchived(item);
    ItemRules.enough(item, Bucket.INSPECTION, x.quantity());
    Items.fact(tx, item, new InspectionCompleted(x.outcome(), x.newCondition()),
        Movement.of(x.quantity(), Bucket.INSPECTION, x.outcome().target()), null, null);
  }

  static void refund(IssueRefund x, Tx tx) {
    Money amount = Checks.present("amount", x.amount());
    if (amount.isNegative() || amount.isZero()) {
      throw RejectionException.invalid("amount", amount, "a refund is above zero");
    }
    Order order = Orders.order(tx, x.order());
    Rules.sameCurrency("amount", order.fees().currency(), amount);
    Money refundable = order.salePrice().plus(order.shippingCharged()).minus(order.refunded());
    if (amount.compareTo(refundable) > 0) {
      throw RejectionException.invalid("amount", amount, "at most " + refundable + " can still be refunded");
    }
    if (order.status() != OrderStatus.REFUNDED) {
      OrderRules.orderMove(order, OrderStatus.REFUNDED);
    }
    Orders.fact(tx, order, new RefundIssued(order.status(), OrderStatus.REFUNDED, amount));
  }
}
