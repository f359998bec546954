package org.resellledger.core.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;

/** The named business rules. Each throws a {@link RejectionException} saying what, where and why. */
final class Rules {
  private Rules() {}

  static void reasonGiven(Origin origin, String what) {
    if (origin.reason().isEmpty()) {
      throw new RejectionException(RejectionCode.REASON_REQUIRED, "reason", null, what + " needs a reason");
    }
  }

  static void notArchived(Item item) {
    if (item.archived()) {
      throw new RejectionException(RejectionCode.ITEM_ARCHIVED, "sku", item.sku(), "the item is archived; only reads");
    }
  }

  static void enough(Item item, Bucket bucket, long wanted) {
    long have = item.balances().get(bucket);
    if (have < wanted) {
      throw new RejectionException(RejectionCode.INSUFFICIENT_UNITS, "quantity", wanted,
          "SKU " + item.sku() + " has " + have + " " + bucket + ", cannot move " + wanted);
    }
  }

  static void itemMove(Item item, ItemStatus to) {
    if (!item.status().canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION, "status", to,
          "SKU " + item.sku() + " cannot move from " + item.status() + " to " + to + "; allowed: "
              + item.status().next());
    }
  }

  /**
   * Units waiting for inspection leave only through an inspection: the item cannot move out of
   * NEEDS_INSPECTION while they wait. And an item cannot be archived while units still need work
   * (available, committed, held or waiting for inspection): an archived item refuses every change, so those
   * units would be stranded and the work would disappear from every queue. Damaged units may stay.
   */
  static void noUnitsStranded(Item item, ItemStatus to) {
    long waiting = item.balances().get(Bucket.INSPECTION);
    if (item.status() == ItemStatus.NEEDS_INSPECTION && waiting > 0 && to != ItemStatus.NEEDS_INSPECTION) {
      throw new RejectionException(RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION, "status", to,
          "SKU " + item.sku() + " cannot move from NEEDS_INSPECTION to " + to + " while " + waiting
              + " units wait for inspection");
    }
    if (to == ItemStatus.ARCHIVED) {
      for (Bucket b : new Bucket[] {Bucket.AVAILABLE, Bucket.COMMITTED, Bucket.HELD, Bucket.INSPECTION}) {
        long units = item.balances().get(b);
        if (units > 0) {
          throw new RejectionException(RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION, "status", to,
              "SKU " + item.sku() + " cannot be archived while " + units + " units are " + b
                  + "; sell, adjust or write them off first");
        }
      }
    }
  }

  static void listingMove(SyncStatus from, SyncStatus to, Object listing) {
    if (!from.canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_LISTING_STATUS_TRANSITION, "status", to,
          "listing " + listing + " cannot move from " + from + " to " + to + "; allowed: " + from.next());
    }
  }

  static void orderMove(Order order, OrderStatus to) {
    if (!order.status().canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", to,
          "order " + order.id() + " cannot move from " + order.status() + " to " + to + "; allowed: "
              + order.status().next());
    }
  }

  /** Publishing an item worth more than the threshold needs complete photos. */
  static void photosForPublishing(Item item, LedgerConfig config) {
    if (item.details().photoStatus() == PhotoStatus.COMPLETE) {
      return;
    }
    Money value = item.details().value();
    boolean above = config.photoThreshold(value.currency()).map(t -> value.compareTo(t) > 0).orElse(true);
    if (above) {
      throw new RejectionException(RejectionCode.PHOTOS_REQUIRED, "photoStatus", item.details().photoStatus(),
          "SKU " + item.sku() + " is worth " + value + ", above the threshold "
              + config.photoThreshold(value.currency()).map(Money::toString).orElse("(none for " + value.currency() + ")")
              + "; it can go live only with COMPLETE photos");
    }
  }

  static void sameCurrency(String field, Currency expected, Money... amounts) {
    sameCurrency(field, expected, Arrays.asList(amounts));
  }

  static void sameCurrency(String field, Currency expected, Collection<Money> amounts) {
    for (Money m : amounts) {
      if (!m.currency().equals(expected)) {
        throw new RejectionException(RejectionCode.CURRENCY_MISMATCH, field, m,
            "all amounts of this command must be in " + expected);
      }
    }
  }

  static void oneOf(String field, Enum<?> value, Collection<? extends Enum<?>> allowed) {
    if (!allowed.contains(value)) {
      throw RejectionException.invalid(field, value, "one of " + allowed);
    }
  }
}
