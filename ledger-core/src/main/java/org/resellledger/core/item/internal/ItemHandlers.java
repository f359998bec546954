package org.resellledger.core.item.internal;

import java.util.EnumSet;
import java.util.List;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Diff;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.item.ItemFact.*;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.value.Checks;

/**
 * Decides the item commands. Checks run in the precedence order of {@code RejectionCode}: the command's
 * own values first, then lookups, then state rules. Nothing here writes; the ledger commits what the
 * transaction collected.
 */
final class ItemHandlers {
  private ItemHandlers() {}

  static void intake(IntakeItem x, Tx tx) {
    Checks.unitsOrNone("quantity", x.quantity());
    Rules.oneOf("status", x.status(), ItemStatus.INTAKE);
    if (x.status() == ItemStatus.CONSIGNED && x.details().consignor().isEmpty()) {
      throw RejectionException.invalid("consignor", null, "an item taken in as CONSIGNED names its consignor");
    }
    ItemRules.acquiredByNow(tx, x.details());
    ItemRules.requireFreeSku(tx, x.details().sku());
    Movement m = x.quantity() == 0 ? null
        : Movement.of(x.quantity(), Bucket.SUPPLIER, x.status() == ItemStatus.HELD ? Bucket.HELD : Bucket.AVAILABLE);
    Items.start(tx, ItemId.of(tx.newId()), new ItemAcquired(x.details(), x.quantity(), x.status()), m);
  }

  static void changeDetails(ChangeItemDetails x, Tx tx) {
    Checks.present("details", x.after());
    Item item = Items.item(tx, x.sku());
    if (!x.after().sku().equals(item.sku())) {
      throw RejectionException.invalid("sku", x.after().sku(), "a SKU cannot be changed; it stays " + item.sku());
    }
    Rules.sameCurrency("costBasis", item.details().costBasis().currency(), x.after().costBasis());
    if (!x.after().acquiredOn().equals(item.details().acquiredOn())) {
      ItemRules.acquiredByNow(tx, x.after());
    }
    ItemRules.notArchived(item);
    List<FieldChange> changes = Diff.of(ItemRules.FIELDS, item.details(), x.after());
    if (!changes.isEmpty()) {
      Items.fact(tx, item, new ItemFieldsChanged(changes, x.after()), null, null, null);
    }
  }

  static void changeStatus(ChangeItemStatus x, Tx tx) {
    Checks.present("to", x.to());
    Item item = Items.item(tx, x.sku());
    ItemRules.notArchived(item);
    ItemRules.itemMove(item, x.to());
    ItemRules.noUnitsStranded(item, x.to());
    EventPayload fact = x.to() == ItemStatus.ARCHIVED ? new ItemArchived() : new ItemStatusChanged(item.status(), x.to());
    Items.append(tx, item, fact, null, null, null, tx.origin().causation());
  }

  static void consign(ConsignItem x, Tx tx) {
    String consignor = Checks.text("consignor", x.consignor(), 120);
    Item item = Items.item(tx, x.sku());
    ItemRules.notArchived(item);
    ItemRules.itemMove(item, ItemStatus.CONSIGNED);
    Items.fact(tx, item, new ItemConsigned(consignor), null, null, null);
  }

  static void archive(ArchiveItem x, Tx tx) {
    Item item = Items.item(tx, x.sku());
    ItemRules.notArchived(item);
    ItemRules.itemMove(item, ItemStatus.ARCHIVED);
    ItemRules.noUnitsStranded(item, ItemStatus.ARCHIVED);
    Items.append(tx, item, new ItemArchived(), null, null, null, tx.origin().causation());
  }

  static void hold(HoldUnits x, Tx tx) {
    Rules.reasonGiven(x.origin(), "a hold");
    move(tx, x.sku(), x.quantity(), Bucket.AVAILABLE, Bucket.HELD, new UnitsHeld());
  }

  static void release(ReleaseUnits x, Tx tx) {
    move(tx, x.sku(), x.quantity(), Bucket.HELD, Bucket.AVAILABLE, new UnitsReleased());
  }

  static void damaged(MarkDamaged x, Tx tx) {
    Rules.oneOf("from", x.from(), EnumSet.of(Bucket.AVAILABLE, Bucket.HELD));
    move(tx, x.sku(), x.quantity(), x.from(), Bucket.DAMAGED, new UnitsDamaged());
  }

  static void lost(MarkLost x, Tx tx) {
    Rules.oneOf("from", x.from(), EnumSet.of(Bucket.AVAILABLE, Bucket.HELD));
    move(tx, x.sku(), x.quantity(), x.from(), Bucket.LOST, new UnitsLost());
  }

  private static void move(Tx tx, Sku sku, int quantity, Bucket from, Bucket to, EventPayload payload) {
    Checks.units("quantity", quantity);
    Item item = Items.item(tx, sku);
    ItemRules.notArchived(item);
    ItemRules.enough(item, from, quantity);
    Items.fact(tx, item, payload, Movement.of(quantity, from, to), null, null);
  }

  static void adjust(AdjustQuantity x, Tx tx) {
    if (x.delta() == 0) {
      throw RejectionException.invalid("delta", 0, "a non-zero number of units, signed");
    }
    if (x.delta() < -Balances.MAX_QUANTITY || x.delta() > Balances.MAX_QUANTITY) {
      throw RejectionException.invalid("delta", x.delta(), "at most " + Balances.MAX_QUANTITY + " units either way");
    }
    Rules.reasonGiven(x.origin(), "a manual adjustment");
    Item item = Items.item(tx, x.sku());
    ItemRules.notArchived(item);
    Movement m;
    if (x.delta() > 0) {
      m = Movement.of(x.delta(), Bucket.ADJUSTMENT, Bucket.AVAILABLE);
      ItemRules.withinMaximum(item, m, "delta");
    } else {
      ItemRules.enough(item, Bucket.AVAILABLE, -x.delta());
      m = Movement.of(-x.delta(), Bucket.AVAILABLE, Bucket.ADJUSTMENT);
    }
    Items.fact(tx, item, new QuantityAdjusted(x.delta()), m, null, null);
  }

  static void estimate(EstimateMarketValue x, Tx tx) {
    Checks.present("value", x.value()).requireNonNegative("value");
    Checks.present("basis", x.basis()).ifPresent(b -> Checks.text("basis", b, 200));
    Item item = Items.item(tx, x.sku());
    Rules.sameCurrency("value", item.details().costBasis().currency(), x.value());
    ItemRules.notArchived(item);
    if (!item.details().estimatedValue().equals(java.util.Optional.of(x.value()))) {
      Items.fact(tx, item, new MarketValueEstimated(item.details().estimatedValue(), x.value(), x.basis()), null,
          null, null);
    }
  }
}
