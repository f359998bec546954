package org.resellledger.core.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.ledger.EventPayload.*;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;

/**
 * Folds events into the current state of items and orders. The only place that knows how a fact changes
 * state: the ledger uses it to update projections as it appends, and stores use it to rebuild them, so a
 * rebuild always equals what was stored.
 */
public final class Projector {
  private Projector() {}

  /** Replays one item stream, in version order; empty for an empty stream. */
  public static Item replayItem(List<LedgerEvent> stream) {
    Item item = null;
    for (LedgerEvent e : stream) {
      item = apply(item, e);
    }
    return item;
  }

  /** Replays one order stream, in version order. */
  public static Order replayOrder(List<LedgerEvent> stream) {
    Order order = null;
    for (LedgerEvent e : stream) {
      order = apply(order, e);
    }
    return order;
  }

  /** The item after one more event of its stream; {@code item} is null before the first event. */
  public static Item apply(Item item, LedgerEvent e) {
    EventPayload p = e.payload();
    if (item == null) {
      ItemDetails details;
      ItemStatus status;
      if (p instanceof ItemAcquired a) {
        details = a.details();
        status = a.status();
      } else if (p instanceof SplitFromBundle s) {
        details = s.details();
        status = s.status();
      } else if (p instanceof MergedFromParts m) {
        details = m.details();
        status = m.status();
      } else {
        throw new IllegalStateException("item stream " + e.stream() + " cannot start with " + e.kind());
      }
      Balances balances = e.movement().map(Balances.EMPTY::apply).orElse(Balances.EMPTY);
      long lot = e.movement().map(Movement::quantity).orElse(0);
      return new Item(e.item().orElseThrow(), details, status, balances, Map.of(), List.of(), lot, e.version());
    }
    Balances balances = e.movement().map(item.balances()::apply).orElse(item.balances());
    ItemDetails details = item.details();
    ItemStatus status = item.status();
    Map<ListingId, Listing> listings = item.listings();
    List<SaleConflict> conflicts = item.conflicts();
    long lot = item.lotUnits();

    if (p instanceof ItemFieldsChanged c) {
      details = c.after();
    } else if (p instanceof ItemStatusChanged c) {
      status = c.to();
    } else if (p instanceof ItemConsigned c) {
      details = details.withConsignor(c.consignor());
    } else if (p instanceof ItemArchived) {
      status = ItemStatus.ARCHIVED;
    } else if (p instanceof ListingCreated c) {
      listings = put(listings, new Listing(c.listing(), item.id(), c.details(), c.status(), java.util.Optional.empty()));
    } else if (p instanceof ListingChanged c) {
      listings = put(listings, listings.get(c.listing()).withDetails(c.after()));
    } else if (p instanceof ListingStatusChanged c) {
      listings = put(listings, listings.get(c.listing()).withStatus(c.to(), c.error()));
    } else if (p instanceof ChannelSaleRecorded s && s.shortfall() > 0) {
      conflicts = add(conflicts, new SaleConflict(e.order().orElseThrow(), s.shortfall()));
    } else if (p instanceof LocalSaleRecorded s && s.shortfall() > 0) {
      conflicts = add(conflicts, new SaleConflict(e.order().orElseThrow(), s.shortfall()));
    } else if (p instanceof SaleCancelled) {
      conflicts = conflicts.stream().filter(c -> !c.order().equals(e.order().orElseThrow())).toList();
    } else if (p instanceof InspectionCompleted i && i.newCondition().isPresent()) {
      details = details.withCondition(i.newCondition().get());
    } else if (p instanceof BundleSplit s) {
      details = details.withCostBasis(details.costBasis().minus(s.costMoved()));
      lot -= e.movement().orElseThrow().quantity();
    } else if (p instanceof MergedIntoBundle m) {
      details = details.withCostBasis(details.costBasis().minus(m.costMoved()));
      lot -= e.movement().orElseThrow().quantity();
    }
    return new Item(item.id(), details, status, balances, listings, conflicts, lot, e.version());
  }

  /** The order after one more event of its stream; {@code order} is null before the first event. */
  public static Order apply(Order order, LedgerEvent e) {
    EventPayload p = e.payload();
    if (order == null) {
      if (!(p instanceof OrderPlaced o)) {
        throw new IllegalStateException("order stream " + e.stream() + " cannot start with " + e.kind());
      }
      Money zero = Money.zero(o.fees().currency());
      return new Order(e.order().orElseThrow(), o.channel(), o.externalOrderId(), o.status(), o.lines(), o.fees(),
          o.shippingCharged(), zero, zero, java.util.Optional.empty(), java.util.Optional.empty(),
          java.util.Optional.empty(), e.occurredAt(), e.version());
    }
    OrderStatus status = order.status();
    List<OrderLine> lines = order.lines();
    Money shippingCost = order.shippingCost();
    Money refunded = order.refunded();
    var carrier = order.carrier();
    var tracking = order.tracking();
    var deadline = order.returnDeadline();
    if (p instanceof OrderStatusChanged c) {
      status = c.to();
    } else if (p instanceof OrderShipped s) {
      status = OrderStatus.SHIPPED;
      carrier = java.util.Optional.of(s.carrier());
      tracking = java.util.Optional.of(s.tracking());
      shippingCost = shippingCost.plus(s.shippingCost());
      lines = lines.stream().map(l -> l.withHandedOver(l.committed())).toList();
    } else if (p instanceof OrderPickedUp) {
      status = OrderStatus.LOCAL_PICKUP;
      lines = lines.stream().map(l -> l.withHandedOver(l.committed())).toList();
    } else if (p instanceof OrderDelivered) {
      status = OrderStatus.DELIVERED;
    } else if (p instanceof OrderCancelled) {
      status = OrderStatus.CANCELLED;
      lines = lines.stream().map(l -> l.withCommitted(0)).toList();
    } else if (p instanceof ReturnRequested r) {
      status = OrderStatus.RETURN_REQUESTED;
      deadline = java.util.Optional.of(r.deadline());
    } else if (p instanceof OrderReturnArrived r) {
      status = r.to();
      lines = lines.stream()
          .map(l -> l.item().equals(r.item()) ? l.withReturned(l.returned() + r.quantity()) : l)
          .toList();
    } else if (p instanceof RefundIssued r) {
      status = r.to();
      refunded = refunded.plus(r.amount());
    }
    return new Order(order.id(), order.channel(), order.externalOrderId(), status, lines, order.fees(),
        order.shippingCharged(), shippingCost, refunded, carrier, tracking, deadline, order.placedAt(), e.version());
  }

  private static Map<ListingId, Listing> put(Map<ListingId, Listing> listings, Listing listing) {
    Map<ListingId, Listing> next = new LinkedHashMap<>(listings);
    next.put(listing.id(), listing);
    return next;
  }

  private static <T> List<T> add(List<T> list, T value) {
    List<T> next = new ArrayList<>(list);
    next.add(value);
    return next;
  }
}
