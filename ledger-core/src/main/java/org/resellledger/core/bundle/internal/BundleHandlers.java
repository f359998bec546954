package org.resellledger.core.bundle.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.resellledger.core.RejectionException;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.bundle.BundleFact.*;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.internal.ItemRules;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.money.Money;
import org.resellledger.core.value.Checks;

/**
 * Decides splits and merges. Cost basis moves in exact parts: a split allocates the parent's share to the
 * children by weight, a merge sums the parts' shares.
 */
final class BundleHandlers {
  private BundleHandlers() {}

  static void split(SplitBundle x, Tx tx) {
    Checks.units("units", x.units());
    if (x.children().isEmpty()) {
      throw RejectionException.invalid("children", "[]", "a split makes at least one child item");
    }
    Set<Sku> skus = new HashSet<>();
    List<Integer> weights = new ArrayList<>();
    for (BundleChild child : x.children()) {
      Checks.present("child.details", child.details());
      Checks.units("child.quantity", child.quantity());
      Checks.nonNegative("child.weight", child.weight());
      if (!skus.add(child.details().sku()) || child.details().sku().equals(x.parent())) {
        throw RejectionException.invalid("child.sku", child.details().sku(), "each child needs its own new SKU");
      }
      weights.add(child.weight());
    }
    if (weights.stream().mapToLong(Integer::longValue).sum() == 0) {
      throw RejectionException.invalid("child.weight", weights, "at least one weight above zero");
    }
    for (BundleChild child : x.children()) {
      ItemRules.acquiredByNow(tx, child.details());
    }
    Item parent = Items.item(tx, x.parent());
    Currency currency = parent.details().costBasis().currency();
    Rules.sameCurrency("child.costBasis", currency, x.children().stream().map(ch -> ch.details().costBasis()).toList());
    for (Sku sku : skus) {
      ItemRules.requireFreeSku(tx, sku);
    }
    ItemRules.notArchived(parent);
    ItemRules.enough(parent, Bucket.AVAILABLE, x.units());

    Money costMoved = share(parent, x.units());
    List<Money> allocation = costMoved.allocate(weights);
    List<BundlePart> parts = new ArrayList<>();
    List<ItemId> ids = new ArrayList<>();
    for (int i = 0; i < x.children().size(); i++) {
      BundleChild child = x.children().get(i);
      ItemId id = ItemId.of(tx.newId());
      ids.add(id);
      parts.add(new BundlePart(id, child.details().sku(), child.quantity(), allocation.get(i)));
    }
    Items.fact(tx, parent, new BundleSplit(parts, costMoved), Movement.of(x.units(), Bucket.AVAILABLE, Bucket.BUNDLE),
        null, null);
    for (int i = 0; i < parts.size(); i++) {
      ItemDetails details = x.children().get(i).details().withCostBasis(allocation.get(i));
      Items.start(tx, ids.get(i), new SplitFromBundle(parent.id(), parent.sku(), details, firstStatus(details)),
          Movement.of(parts.get(i).quantity(), Bucket.BUNDLE, Bucket.AVAILABLE));
    }
  }

  static void merge(MergeBundle x, Tx tx) {
    Checks.present("details", x.details());
    Checks.units("quantity", x.quantity());
    if (x.parts().isEmpty()) {
      throw RejectionException.invalid("parts", "[]", "a merge takes units of at least one item");
    }
    Set<Sku> skus = new HashSet<>();
    for (BundleInput in : x.parts()) {
      Checks.present("part.sku", in.sku());
      Checks.units("part.quantity", in.quantity());
      if (!skus.add(in.sku()) || in.sku().equals(x.details().sku())) {
        throw RejectionException.invalid("part.sku", in.sku(), "each part once, and not the merged item's SKU");
      }
    }
    ItemRules.acquiredByNow(tx, x.details());
    Currency currency = x.details().costBasis().currency();
    List<Item> items = new ArrayList<>();
    for (BundleInput in : x.parts()) {
      Item part = Items.item(tx, in.sku());
      Rules.sameCurrency("part.costBasis", currency, part.details().costBasis());
      items.add(part);
    }
    ItemRules.requireFreeSku(tx, x.details().sku());
    for (int i = 0; i < items.size(); i++) {
      ItemRules.notArchived(items.get(i));
      ItemRules.enough(items.get(i), Bucket.AVAILABLE, x.parts().get(i).quantity());
    }
    ItemId parentId = ItemId.of(tx.newId());
    Money total = Money.zero(currency);
    List<BundlePart> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item part = items.get(i);
      int units = x.parts().get(i).quantity();
      Money cost = share(part, units);
      total = total.plus(cost);
      parts.add(new BundlePart(part.id(), part.sku(), units, cost));
      Items.fact(tx, part, new MergedIntoBundle(parentId, x.details().sku(), cost),
          Movement.of(units, Bucket.AVAILABLE, Bucket.BUNDLE), null, null);
    }
    ItemDetails details = x.details().withCostBasis(total);
    Items.start(tx, parentId, new MergedFromParts(parts, details, firstStatus(details)),
        Movement.of(x.quantity(), Bucket.BUNDLE, Bucket.AVAILABLE));
  }

  /** The cost basis that {@code units} units carry out of an item's lot, in an exact part. */
  private static Money share(Item item, int units) {
    Money cost = item.details().costBasis();
    if (item.lotUnits() <= units) {
      return cost;
    }
    // a lot starts as one int movement and only shrinks, so what stays of it is an int
    return cost.allocate(List.of(units, Math.toIntExact(item.lotUnits() - units))).get(0);
  }

  private static ItemStatus firstStatus(ItemDetails details) {
    return details.photoStatus() == PhotoStatus.COMPLETE ? ItemStatus.READY_TO_LIST : ItemStatus.NEEDS_PHOTOS;
  }
}
