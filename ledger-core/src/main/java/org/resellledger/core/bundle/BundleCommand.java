package org.resellledger.core.bundle;

import java.util.List;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;

/** The commands that turn units of items into other items: splitting a bundle and merging parts. */
public sealed interface BundleCommand extends Command {

  /**
   * Split {@code units} units of a bundle into new child items. The parent's cost basis for those units is
   * allocated to the children by {@code weight}, in exact parts; each child's own cost basis field is
   * replaced by its allocation.
   */
  record SplitBundle(Sku parent, int units, List<BundleChild> children, Origin origin) implements BundleCommand {
    public SplitBundle {
      children = List.copyOf(children);
    }
  }

  /** A child of a split: the new item's details, how many units it has, and its weight for cost allocation. */
  record BundleChild(ItemDetails details, int quantity, int weight) {}

  /**
   * Merge units of several items into one new item with {@code quantity} units. Its cost basis is the sum
   * of the parts' shares; the cost basis field of {@code details} is replaced by that sum.
   */
  record MergeBundle(List<BundleInput> parts, ItemDetails details, int quantity, Origin origin)
      implements BundleCommand {
    public MergeBundle {
      parts = List.copyOf(parts);
    }
  }

  /** Units of an existing item that go into a merge. */
  record BundleInput(Sku sku, int quantity) {}
}
