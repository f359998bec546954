package org.resellledger.core.item;

import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.money.Money;
import org.resellledger.core.value.Checks;

/**
 * The commands about one item: its intake, details, workflow status and the units it holds. Each names
 * the item by its SKU, except the intake, which brings a new one.
 */
public sealed interface ItemCommand extends Command {

  /** Take in a new item with {@code quantity} units (SUPPLIER to AVAILABLE, or HELD when taken in held). */
  record IntakeItem(ItemDetails details, int quantity, ItemStatus status, Origin origin) implements ItemCommand {
    public IntakeItem {
      Checks.present("details", details);
      Checks.nonNegative("quantity", quantity);
      Checks.present("status", status);
      Checks.present("origin", origin);
    }
  }

  /** Correct an item's details; every changed field is recorded with its before and after value. */
  record ChangeItemDetails(Sku sku, ItemDetails after, Origin origin) implements ItemCommand {}

  /** Move an item's inventory status along its transition table. */
  record ChangeItemStatus(Sku sku, ItemStatus to, Origin origin) implements ItemCommand {}

  /** Record that the item is sold on consignment for {@code consignor}. */
  record ConsignItem(Sku sku, String consignor, Origin origin) implements ItemCommand {}

  /** Hide the item from work; its events stay readable forever. */
  record ArchiveItem(Sku sku, Origin origin) implements ItemCommand {}

  /** Put available units on hold; needs a reason. */
  record HoldUnits(Sku sku, int quantity, Origin origin) implements ItemCommand {}

  /** Release held units back to available. */
  record ReleaseUnits(Sku sku, int quantity, Origin origin) implements ItemCommand {}

  /** Units found damaged, from AVAILABLE or HELD. */
  record MarkDamaged(Sku sku, int quantity, Bucket from, Origin origin)
      implements ItemCommand {}

  /** Units lost, from AVAILABLE or HELD. */
  record MarkLost(Sku sku, int quantity, Bucket from, Origin origin)
      implements ItemCommand {}

  /** A manual correction of available units, signed; needs a reason. */
  record AdjustQuantity(Sku sku, int delta, Origin origin) implements ItemCommand {}

  /**
   * A new estimate of what the item would sell for (a comparable sale, a price guide, the seller's guess,
   * named in {@code basis}); kept apart from cost basis, target price and listing prices, with its history.
   */
  record EstimateMarketValue(Sku sku, Money value, Optional<String> basis, Origin origin) implements ItemCommand {}
}
