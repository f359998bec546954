package org.resellledger.core.item;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.money.Money;

/** The facts of an item's own stream: intake, corrections, workflow status, and units moved by hand. */
public sealed interface ItemFact extends EventPayload {

  /** An item was taken in (SUPPLIER to AVAILABLE, or to HELD when taken in held). */
  record ItemAcquired(ItemDetails details, int quantity, ItemStatus status) implements ItemFact {}

  /** Item fields were corrected; {@code after} is the whole new set of details. */
  record ItemFieldsChanged(List<FieldChange> changes, ItemDetails after) implements ItemFact {}

  /** The item's inventory status moved, by hand or as the consequence of another fact (see causation). */
  record ItemStatusChanged(ItemStatus from, ItemStatus to) implements ItemFact {}

  /** The item is held on consignment for a consignor. */
  record ItemConsigned(String consignor) implements ItemFact {}

  /** The item was archived: hidden from work, its history kept. */
  record ItemArchived() implements ItemFact {}

  /** Units were found damaged (AVAILABLE or HELD to DAMAGED). */
  record UnitsDamaged() implements ItemFact {}

  /** Units were lost (AVAILABLE or HELD to LOST). */
  record UnitsLost() implements ItemFact {}

  /** Units were put on hold (AVAILABLE to HELD). */
  record UnitsHeld() implements ItemFact {}

  /** Held units were released (HELD to AVAILABLE). */
  record UnitsReleased() implements ItemFact {}

  /** A manual correction (AVAILABLE to or from ADJUSTMENT); the envelope's reason is required. */
  record QuantityAdjusted(int delta) implements ItemFact {}

  /** The estimated market value changed from {@code before} (empty: none) to {@code after}. */
  record MarketValueEstimated(Optional<Money> before, Money after, Optional<String> basis) implements ItemFact {}
}
