package org.resellledger.core.order.internal;

import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.AddTracking;
import org.resellledger.core.order.OrderCommand.RecordPayout;
import org.resellledger.core.order.OrderCommand.SetShipBy;
import org.resellledger.core.order.OrderFact.PayoutReceived;
import org.resellledger.core.order.OrderFact.ShipByDateSet;
import org.resellledger.core.order.OrderFact.TrackingAdded;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.value.Checks;

/** Decides what the queues need to know about fulfilment and money: ship-by dates, tracking, payouts. */
final class FulfilmentHandlers {
  private FulfilmentHandlers() {}

  static void setShipBy(SetShipBy x, Tx tx) {
    Checks.instant("shipBy", x.shipBy());
    Order order = Orders.order(tx, x.order());
    if (!order.status().beforeHandover()) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", order.status(),
          "a ship-by date is set before the order is handed over: PENDING_PAYMENT, PAID, PICKED or PACKED");
    }
    if (order.shipBy().equals(Optional.of(x.shipBy()))) {
      return;
    }
    Orders.fact(tx, order, new ShipByDateSet(order.shipBy(), x.shipBy()));
  }

  static void addTracking(AddTracking x, Tx tx) {
    String carrier = Checks.text("carrier", x.carrier(), 60);
    String tracking = Checks.text("tracking", x.tracking(), 100);
    Order order = Orders.order(tx, x.order());
    if (order.status().beforeHandover() || order.status() == OrderStatus.CANCELLED
        || order.status() == OrderStatus.LOCAL_PICKUP || order.carrier().isEmpty()) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", order.status(),
          "tracking is added to an order that shipped");
    }
    if (order.tracking().equals(Optional.of(tracking)) && order.carrier().equals(Optional.of(carrier))) {
      return;
    }
    Orders.fact(tx, order, new TrackingAdded(order.tracking(), carrier, tracking));
  }

  static void payout(RecordPayout x, Tx tx) {
    String payoutId = Checks.text("payoutId", x.payoutId(), 100);
    Money amount = Checks.present("amount", x.amount()).requireNonNegative("amount");
    Money withheld = Checks.present("feesWithheld", x.feesWithheld()).requireNonNegative("feesWithheld");
    if (amount.isZero() && withheld.isZero()) {
      throw RejectionException.invalid("amount", amount, "a payout collects cash or withholds fees");
    }
    Order order = Orders.order(tx, x.order());
    Rules.sameCurrency("amount", order.fees().currency(), amount, withheld);
    Orders.fact(tx, order, new PayoutReceived(payoutId, amount, withheld));
  }
}
