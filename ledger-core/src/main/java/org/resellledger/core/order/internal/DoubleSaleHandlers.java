package org.resellledger.core.order.internal;

import java.util.EnumSet;
import java.util.Set;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.internal.ItemRules;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.RecordFoundUnit;
import org.resellledger.core.order.OrderCommand.SubstituteSaleLine;
import org.resellledger.core.order.OrderFact.SaleLineSubstituted;
import org.resellledger.core.order.OrderFact.ShortfallCovered;
import org.resellledger.core.order.OrderItemFact.FoundUnitsCommitted;
import org.resellledger.core.order.OrderItemFact.SaleSubstitutedBy;
import org.resellledger.core.order.OrderItemFact.SubstituteCommitted;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.value.Checks;

/**
 * The ways to resolve a double sale other than cancelling the short order: a unit found later, or a
 * like-for-like unit of another item. Both keep the order and clear the conflict.
 *
 * <ul>
 *   <li>Units only ever move along the double-entry table: ADJUSTMENT to COMMITTED (a correction, with a
 *       reason) or the other item's AVAILABLE to COMMITTED; no bucket goes negative.
 *   <li>Never more than the line is short, only before the order is handed over, always with a reason.
 * </ul>
 */
final class DoubleSaleHandlers {
  /** The order statuses in which its units are still with the seller. */
  static final Set<OrderStatus> BEFORE_HANDOVER =
      EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.PICKED, OrderStatus.PACKED);

  private DoubleSaleHandlers() {}

  static void foundUnit(RecordFoundUnit x, Tx tx) {
    Checks.units("quantity", x.quantity());
    Rules.reasonGiven(x.origin(), "a found unit (an adjustment)");
    Order order = Orders.order(tx, x.order());
    Item item = Items.item(tx, Checks.present("sku", x.sku()));
    ItemRules.notArchived(item);
    shortLine(order, item, x.quantity(), "sku");
    Movement m = Movement.of(x.quantity(), Bucket.ADJUSTMENT, Bucket.COMMITTED);
    ItemRules.withinMaximum(item, m, "quantity");
    Orders.fact(tx, order, new ShortfallCovered(item.id(), x.quantity()));
    OrderLine line = order.line(item.id()).orElseThrow();
    Items.fact(tx, item, new FoundUnitsCommitted(x.quantity()), m, line.listing().orElse(null), order.id());
  }

  static void substitute(SubstituteSaleLine x, Tx tx) {
    Checks.units("quantity", x.quantity());
    Rules.reasonGiven(x.origin(), "a substitution");
    Sku fromSku = Checks.present("from", x.from());
    Sku toSku = Checks.present("to", x.to());
    if (fromSku.equals(toSku)) {
      throw RejectionException.invalid("to", toSku, "another SKU than the short line's; a unit of the same SKU "
          + "found later is RecordFoundUnit");
    }
    Order order = Orders.order(tx, x.order());
    Item from = Items.item(tx, fromSku);
    Item to = Items.item(tx, toSku);
    OrderLine line = shortLine(order, from, x.quantity(), "from");
    ItemRules.notArchived(to);
    ItemRules.enough(to, Bucket.AVAILABLE, x.quantity());
    Orders.fact(tx, order, new SaleLineSubstituted(from.id(), to.id(), to.sku(), x.quantity()));
    Items.fact(tx, from, new SaleSubstitutedBy(to.sku(), x.quantity()), null, line.listing().orElse(null),
        order.id());
    Items.fact(tx, to, new SubstituteCommitted(from.sku(), x.quantity()),
        Movement.of(x.quantity(), Bucket.AVAILABLE, Bucket.COMMITTED), null, order.id());
  }

  /** The order's line of {@code item}, short by at least {@code quantity}, before handover. */
  private static OrderLine shortLine(Order order, Item item, int quantity, String field) {
    if (!BEFORE_HANDOVER.contains(order.status())) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", order.status(),
          "order " + order.id() + " is " + order.status() + "; a double sale is resolved before handover, in "
              + BEFORE_HANDOVER);
    }
    OrderLine line = order.line(item.id()).orElseThrow(() -> new RejectionException(RejectionCode.NOT_IN_ORDER,
        field, item.sku(), "order " + order.id() + " has no line for this SKU"));
    if (quantity > line.shortfall()) {
      throw new RejectionException(RejectionCode.NOT_IN_ORDER, "quantity", quantity, "the line of SKU "
          + item.sku() + " in order " + order.id() + " is short by " + line.shortfall() + " unit(s)");
    }
    return line;
  }
}
