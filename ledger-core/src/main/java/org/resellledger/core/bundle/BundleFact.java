package org.resellledger.core.bundle;

import java.util.List;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.money.Money;

/** The facts of splits and merges, in the streams of the items that give and receive units and cost. */
public sealed interface BundleFact extends EventPayload {

  /** Parent units became parts (AVAILABLE to BUNDLE); {@code costMoved} was allocated to the children. */
  record BundleSplit(List<BundlePart> parts, Money costMoved) implements BundleFact {}

  /** A child item was created from a split (BUNDLE to AVAILABLE); its cost basis is its allocation. */
  record SplitFromBundle(ItemId parent, Sku parentSku, ItemDetails details, ItemStatus status)
      implements BundleFact {}

  /** Units of this item went into a merged item (AVAILABLE to BUNDLE), taking their share of cost. */
  record MergedIntoBundle(ItemId parent, Sku parentSku, Money costMoved) implements BundleFact {}

  /** A merged item was created from parts (BUNDLE to AVAILABLE); its cost basis is the parts' sum. */
  record MergedFromParts(List<BundlePart> parts, ItemDetails details, ItemStatus status)
      implements BundleFact {}

  /** A part of a bundle split or merge: which item, how many units, what cost basis it carries. */
  record BundlePart(ItemId item, Sku sku, int quantity, Money cost) {}
}
