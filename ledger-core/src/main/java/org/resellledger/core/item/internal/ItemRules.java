package org.resellledger.core.item.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Movement;

/** The named rules about items. Each throws a {@link RejectionException} saying what, where and why. */
public final class ItemRules {
  private ItemRules() {}

  /** The fields of item details, in the order their changes are recorded. */
  public static final Map<String, Function<ItemDetails, Object>> FIELDS;

  static {
    Map<String, Function<ItemDetails, Object>> f = new LinkedHashMap<>();
    f.put("sku", ItemDetails::sku);
    f.put("title", ItemDetails::title);
    f.put("category", ItemDetails::category);
    f.put("condition", ItemDetails::condition);
    f.put("costBasis", ItemDetails::costBasis);
    f.put("acquiredOn", ItemDetails::acquiredOn);
    f.put("location", ItemDetails::location);
    f.put("photoStatus", ItemDetails::photoStatus);
    f.put("estimatedValue", ItemDetails::estimatedValue);
    f.put("targetPrice", ItemDetails::targetPrice);
    f.put("brand", ItemDetails::brand);
    f.put("defects", ItemDetails::defects);
    f.put("boxCondition", ItemDetails::boxCondition);
    f.put("acquisitionSource", ItemDetails::acquisitionSource);
    f.put("consignor", ItemDetails::consignor);
    f.put("specifics", ItemDetails::specifics);
    f.put("notes", ItemDetails::notes);
    FIELDS = Collections.unmodifiableMap(f);
  }

  public static void notArchived(Item item) {
    if (item.archived()) {
      throw new RejectionException(RejectionCode.ITEM_ARCHIVED, "sku", item.sku(), "the item is archived; only reads");
    }
  }

  public static void enough(Item item, Bucket bucket, long wanted) {
    long have = item.balances().get(bucket);
    if (have < wanted) {
      throw new RejectionException(RejectionCode.INSUFFICIENT_UNITS, "quantity", wanted,
          "SKU " + item.sku() + " has " + have + " " + bucket + ", cannot move " + wanted);
    }
  }

  /**
   * A movement into the item from outside (an intake, an adjustment, a return, a bundle) leaves it with at
   * most {@link Balances#MAX_QUANTITY} units on hand. Moves between on-hand buckets never change the total,
   * so no bucket can pass the maximum either.
   */
  public static void withinMaximum(Item item, Movement m, String field) {
    if (m == null || !m.to().isOnHand() || m.from().isOnHand()) {
      return;
    }
    long have = item == null ? 0 : item.quantity();
    long after = have + m.quantity();
    if (after > Balances.MAX_QUANTITY) {
      throw RejectionException.invalid(field, m.quantity(),
          (item == null ? "a new item" : "SKU " + item.sku() + " holds " + have + " units and") + " would hold "
              + after + ", above the maximum of " + Balances.MAX_QUANTITY + " units per item");
    }
  }

  /**
   * An item is acquired by today: its acquired-on date is at most one day after the ledger's today (UTC), the
   * day ahead for the seller's time zone. Checked when details come in (intake, split, merge) or the date
   * changes, never on a date already stored.
   */
  public static void acquiredByNow(Tx tx, ItemDetails details) {
    LocalDate latest = LocalDate.ofInstant(tx.config().clock().instant(), ZoneOffset.UTC).plusDays(1);
    if (details.acquiredOn().isAfter(latest)) {
      throw RejectionException.invalid("acquiredOn", details.acquiredOn(),
          "an item is acquired by now: at most " + latest + " (a day after the ledger's today, UTC)");
    }
  }

  public static void itemMove(Item item, ItemStatus to) {
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
  public static void noUnitsStranded(Item item, ItemStatus to) {
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

  /** No other item has this SKU, in this transaction or (unless keys are trusted) the store. */
  public static void requireFreeSku(Tx tx, Sku sku) {
    if (Items.skuTaken(tx, sku)) {
      throw new RejectionException(RejectionCode.DUPLICATE_SKU, "sku", sku, "another item already has this SKU");
    }
  }
}
