package org.resellledger.core.item.internal;

import static org.resellledger.core.ledger.StreamId.Kind.ITEM;

import java.util.stream.Stream;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemFact.*;

/** The item concept's registration: a handler for each item command, a fold for each item fact. */
public final class ItemConcept {
  private ItemConcept() {}

  public static void register(Registry r) {
    r.handle(IntakeItem.class, ItemHandlers::intake, c -> Stream.ofNullable(c.details()).map(ItemDetails::sku));
    r.handle(ChangeItemDetails.class, ItemHandlers::changeDetails, c -> Stream.ofNullable(c.sku()));
    r.handle(ChangeItemStatus.class, ItemHandlers::changeStatus, c -> Stream.ofNullable(c.sku()));
    r.handle(ConsignItem.class, ItemHandlers::consign, c -> Stream.ofNullable(c.sku()));
    r.handle(ArchiveItem.class, ItemHandlers::archive, c -> Stream.ofNullable(c.sku()));
    r.handle(HoldUnits.class, ItemHandlers::hold, c -> Stream.ofNullable(c.sku()));
    r.handle(ReleaseUnits.class, ItemHandlers::release, c -> Stream.ofNullable(c.sku()));
    r.handle(MarkDamaged.class, ItemHandlers::damaged, c -> Stream.ofNullable(c.sku()));
    r.handle(MarkLost.class, ItemHandlers::lost, c -> Stream.ofNullable(c.sku()));
    r.handle(AdjustQuantity.class, ItemHandlers::adjust, c -> Stream.ofNullable(c.sku()));
    r.handle(EstimateMarketValue.class, ItemHandlers::estimate, c -> Stream.ofNullable(c.sku()));

    r.fold(ItemAcquired.class, ITEM, ItemFold.<ItemAcquired>starting(ItemAcquired::details, ItemAcquired::status));
    r.fold(ItemFieldsChanged.class, ITEM, ItemFold::fieldsChanged);
    r.fold(ItemStatusChanged.class, ITEM, ItemFold::statusChanged);
    r.fold(ItemConsigned.class, ITEM, ItemFold::consigned);
    r.fold(ItemArchived.class, ITEM, ItemFold::archived);
    r.fold(UnitsDamaged.class, ITEM, ItemFold.movesOnly());
    r.fold(UnitsLost.class, ITEM, ItemFold.movesOnly());
    r.fold(UnitsHeld.class, ITEM, ItemFold.movesOnly());
    r.fold(UnitsReleased.class, ITEM, ItemFold.movesOnly());
    r.fold(QuantityAdjusted.class, ITEM, ItemFold.movesOnly());
    r.fold(MarketValueEstimated.class, ITEM, ItemFold::valueEstimated);

    // a batch reads the items its commands name (any concept's) in one store read
    r.beforeBatch((tx, commands) -> Items.prefetch(tx, r.skus(commands)));
  }
}
