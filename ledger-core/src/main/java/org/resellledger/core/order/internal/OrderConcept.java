package org.resellledger.core.order.internal;

import static org.resellledger.core.ledger.StreamId.Kind.ITEM;
import static org.resellledger.core.ledger.StreamId.Kind.ORDER;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.internal.ItemFold;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.order.OrderFact.*;
import org.resellledger.core.order.OrderItemFact.*;

/**
 * The order concept's registration: its commands, the facts of its own stream, and what it records on
 * the streams of the items it sells (commitments, conflicts, handovers, returns, inspections).
 */
public final class OrderConcept {
  private OrderConcept() {}

  public static void register(Registry r) {
    r.handle(RecordChannelSale.class, SaleHandlers::channelSale, c -> lines(c.lines()));
    r.handle(RecordLocalSale.class, SaleHandlers::localSale, c -> lines(c.lines()));
    r.handle(AdvanceOrder.class, OrderHandlers::advance);
    r.handle(CancelOrder.class, OrderHandlers::cancel);
    r.handle(ShipOrder.class, OrderHandlers::ship);
    r.handle(RecordPickup.class, OrderHandlers::pickup);
    r.handle(MarkDelivered.class, OrderHandlers::deliver);
    r.handle(RequestReturn.class, OrderHandlers::requestReturn);
    r.handle(ReceiveReturn.class, OrderHandlers::receiveReturn, c -> Stream.ofNullable(c.sku()));
    r.handle(InspectReturn.class, OrderHandlers::inspect, c -> Stream.ofNullable(c.sku()));
    r.handle(IssueRefund.class, OrderHandlers::refund);
    r.handle(SetShipBy.class, FulfilmentHandlers::setShipBy);
    r.handle(AddTracking.class, FulfilmentHandlers::addTracking);
    r.handle(RecordPayout.class, FulfilmentHandlers::payout);
    r.handle(RecordFoundUnit.class, DoubleSaleHandlers::foundUnit, c -> Stream.ofNullable(c.sku()));
    r.handle(SubstituteSaleLine.class, DoubleSaleHandlers::substitute, c -> Stream.of(c.from(), c.to())
        .filter(Objects::nonNull));

    r.fold(OrderPlaced.class, ORDER, OrderFold::placed);
    r.fold(OrderStatusChanged.class, ORDER, OrderFold::statusChanged);
    r.fold(OrderShipped.class, ORDER, OrderFold::shipped);
    r.fold(OrderPickedUp.class, ORDER, OrderFold::pickedUp);
    r.fold(OrderDelivered.class, ORDER, OrderFold::delivered);
    r.fold(OrderCancelled.class, ORDER, OrderFold::cancelled);
    r.fold(ReturnRequested.class, ORDER, OrderFold::returnRequested);
    r.fold(OrderReturnArrived.class, ORDER, OrderFold::returnArrived);
    r.fold(RefundIssued.class, ORDER, OrderFold::refunded);
    r.fold(ShipByDateSet.class, ORDER, OrderFold::shipBySet);
    r.fold(TrackingAdded.class, ORDER, OrderFold::trackingAdded);
    r.fold(PayoutReceived.class, ORDER, OrderFold::paidOut);
    r.fold(ShortfallCovered.class, ORDER, OrderFold::shortfallCovered);
    r.fold(SaleLineSubstituted.class, ORDER, OrderFold::lineSubstituted);

    r.fold(ChannelSaleRecorded.class, ITEM, (Item i, LedgerEvent e, ChannelSaleRecorded s) -> sold(i, e, s.shortfall()));
    r.fold(LocalSaleRecorded.class, ITEM, (Item i, LedgerEvent e, LocalSaleRecorded s) -> sold(i, e, s.shortfall()));
    r.fold(SaleCancelled.class, ITEM, OrderConcept::cancelled);
    r.fold(FoundUnitsCommitted.class, ITEM, (Item i, LedgerEvent e, FoundUnitsCommitted f) -> covered(i, e, f.units()));
    r.fold(SaleSubstitutedBy.class, ITEM, (Item i, LedgerEvent e, SaleSubstitutedBy s) -> covered(i, e, s.units()));
    r.fold(SubstituteCommitted.class, ITEM, ItemFold.movesOnly());
    r.fold(UnitsShipped.class, ITEM, ItemFold.movesOnly());
    r.fold(UnitsPickedUp.class, ITEM, ItemFold.movesOnly());
    r.fold(ReturnReceived.class, ITEM, ItemFold.movesOnly());
    r.fold(InspectionCompleted.class, ITEM, OrderConcept::inspected);
  }

  private static Stream<Sku> lines(List<SaleLine> lines) {
    return Stream.ofNullable(lines).flatMap(List::stream).filter(Objects::nonNull).map(SaleLine::sku);
  }

  /** Units ordered beyond what was available are a double-sale conflict on the item. */
  private static Item sold(Item item, LedgerEvent e, int shortfall) {
    ItemFold.Next n = ItemFold.next(item, e);
    return (shortfall > 0 ? n.conflict(new SaleConflict(e.order().orElseThrow(), shortfall)) : n).build();
  }

  private static Item cancelled(Item item, LedgerEvent e, SaleCancelled p) {
    ItemFold.Next n = ItemFold.next(item, e);
    return n.conflicts(n.conflicts().stream().filter(c -> !c.order().equals(e.order().orElseThrow())).toList())
        .build();
  }

  /** Units that cover part of an order's shortfall shrink its conflict; a conflict with none left goes. */
  private static Item covered(Item item, LedgerEvent e, int units) {
    ItemFold.Next n = ItemFold.next(item, e);
    OrderId order = e.order().orElseThrow();
    return n.conflicts(n.conflicts().stream()
        .map(c -> c.order().equals(order) ? new SaleConflict(order, c.shortfall() - units) : c)
        .filter(c -> c.shortfall() > 0).toList()).build();
  }

  private static Item inspected(Item item, LedgerEvent e, InspectionCompleted p) {
    ItemFold.Next n = ItemFold.next(item, e);
    return p.newCondition().map(c -> n.details(n.details().withCondition(c))).orElse(n).build();
  }
}
