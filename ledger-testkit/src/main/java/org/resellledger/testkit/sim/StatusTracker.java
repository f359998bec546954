package org.resellledger.testkit.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.item.ItemFact.*;
import org.resellledger.core.listing.ListingFact.*;
import org.resellledger.core.order.OrderItemFact.*;
import org.resellledger.core.order.OrderFact.*;
import org.resellledger.core.bundle.BundleFact.*;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;

/**
 * Follows every status-bearing event and checks each move against its transition table
 * ({@link ItemStatus#canMoveTo}, {@link SyncStatus#canMoveTo}, {@link OrderStatus#canMoveTo}) and against
 * the status the previous event left, without using core's Projector.
 */
final class StatusTracker {
  private final Map<ItemId, ItemStatus> items = new HashMap<>();
  private final Map<ListingId, SyncStatus> listings = new HashMap<>();
  private final Map<OrderId, OrderStatus> orders = new HashMap<>();

  /** Follows new events in order; returns the first illegal or inconsistent move. */
  Optional<String> follow(List<LedgerEvent> events) {
    for (LedgerEvent e : events) {
      Optional<String> problem = follow(e);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> follow(LedgerEvent e) {
    EventPayload p = e.payload();
    if (p instanceof ItemAcquired a) {
      items.put(e.item().orElseThrow(), a.status());
    } else if (p instanceof SplitFromBundle s) {
      items.put(e.item().orElseThrow(), s.status());
    } else if (p instanceof MergedFromParts m) {
      items.put(e.item().orElseThrow(), m.status());
    } else if (p instanceof ItemStatusChanged c) {
      return item(e, c.from(), c.to());
    } else if (p instanceof ItemArchived) {
      return item(e, items.get(e.item().orElseThrow()), ItemStatus.ARCHIVED);
    } else if (p instanceof ListingCreated c) {
      listings.put(c.listing(), c.status());
    } else if (p instanceof ListingStatusChanged c) {
      SyncStatus now = listings.get(c.listing());
      if (now != c.from()) {
        return Optional.of(e.kind() + " of listing " + c.listing() + " says from " + c.from() + " but it was " + now);
      }
      if (!c.from().canMoveTo(c.to())) {
        return Optional.of("listing " + c.listing() + " moved " + c.from() + " -> " + c.to()
            + ", which SyncStatus does not allow");
      }
      listings.put(c.listing(), c.to());
    } else if (p instanceof OrderPlaced o) {
      orders.put(e.order().orElseThrow(), o.status());
    } else if (p instanceof OrderStatusChanged c) {
      return order(e, c.from(), c.to(), false);
    } else if (p instanceof OrderShipped s) {
      return order(e, s.from(), OrderStatus.SHIPPED, false);
    } else if (p instanceof OrderPickedUp s) {
      return order(e, s.from(), OrderStatus.LOCAL_PICKUP, false);
    } else if (p instanceof OrderDelivered s) {
      return order(e, s.from(), OrderStatus.DELIVERED, false);
    } else if (p instanceof OrderCancelled s) {
      return order(e, s.from(), OrderStatus.CANCELLED, false);
    } else if (p instanceof ReturnRequested s) {
      return order(e, s.from(), OrderStatus.RETURN_REQUESTED, false);
    } else if (p instanceof OrderReturnArrived s) {
      return order(e, s.from(), s.to(), true);
    } else if (p instanceof RefundIssued s) {
      return order(e, s.from(), s.to(), true);
    }
    return Optional.empty();
  }

  private Optional<String> item(LedgerEvent e, ItemStatus from, ItemStatus to) {
    ItemId id = e.item().orElseThrow();
    ItemStatus now = items.get(id);
    if (now != from) {
      return Optional.of(e.kind() + " of item " + id + " says from " + from + " but it was " + now);
    }
    if (!from.canMoveTo(to)) {
      return Optional.of("item " + id + " moved " + from + " -> " + to + " (" + e.kind()
          + "), which ItemStatus does not allow");
    }
    items.put(id, to);
    return Optional.empty();
  }

  /** {@code mayStay}: a second return arrival or a second refund leaves the status where it is. */
  private Optional<String> order(LedgerEvent e, OrderStatus from, OrderStatus to, boolean mayStay) {
    OrderId id = e.order().orElseThrow();
    OrderStatus now = orders.get(id);
    if (now != from) {
      return Optional.of(e.kind() + " of order " + id + " says from " + from + " but it was " + now);
    }
    if (!(mayStay && from == to) && !from.canMoveTo(to)) {
      return Optional.of("order " + id + " moved " + from + " -> " + to + " (" + e.kind()
          + "), which OrderStatus does not allow");
    }
    orders.put(id, to);
    return Optional.empty();
  }

  /** The first difference between the statuses followed and the stored projections. */
  Optional<String> compare(List<Item> storeItems, List<Order> storeOrders) {
    for (Item item : storeItems) {
      if (items.get(item.id()) != item.status()) {
        return Optional.of("item " + item.sku() + " is " + item.status() + " in the store but its events say "
            + items.get(item.id()));
      }
      for (Listing l : item.listings().values()) {
        if (listings.get(l.id()) != l.status()) {
          return Optional.of("listing " + l.id() + " is " + l.status() + " in the store but its events say "
              + listings.get(l.id()));
        }
      }
    }
    for (Order o : storeOrders) {
      if (orders.get(o.id()) != o.status()) {
        return Optional.of("order " + o.id() + " is " + o.status() + " in the store but its events say "
            + orders.get(o.id()));
      }
    }
    return Optional.empty();
  }
}
