package org.resellledger.csv;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;

/**
 * The adjustments file: signed corrections of a SKU's available units, each with a reason (its own cell, or
 * the import's). Several rows may correct the same SKU; they apply in file order, and validation checks the
 * running total so that no row takes away units that are not available.
 */
final class AdjustmentCsv {
  private AdjustmentCsv() {}

  static final Column SKU = Column.of("sku");
  static final Column DELTA = Column.of("delta", "quantity_delta", "change", "adjustment");
  static final Column REASON = Column.of("reason", "note");

  static final List<Column> COLUMNS = List.of(SKU, DELTA, REASON);
  static final List<Column> REQUIRED = List.of(SKU, DELTA);

  static RowPlan plan(Row row, PlanContext ctx) {
    RowCheck check = new RowCheck(row);
    String rawSku = Optional.ofNullable(row.raw(SKU)).orElse("").strip();
    Edit<Sku> sku = check.parse(SKU, Sku::of);
    Edit<Integer> delta = check.parse(DELTA, s -> Values.integer(s, true));
    Edit<String> reason = check.text(REASON);
    if (!sku.isSet() && !check.hasError(SKU)) {
      check.add(SKU, null, ImportErrorCode.REQUIRED, "every row needs a SKU");
    }
    if (!delta.isSet() && !check.hasError(DELTA)) {
      check.add(DELTA, null, ImportErrorCode.REQUIRED, "a signed number of units such as 3 or -2");
    } else if (delta.isSet() && delta.value() == 0) {
      check.add(DELTA, "0", ImportErrorCode.INVALID_VALUE, "a non-zero number of units, signed");
    }
    Optional<String> why = reason.isSet() ? Optional.of(reason.value()) : ctx.reason;
    if (why.isEmpty()) {
      check.add(REASON, null, ImportErrorCode.REASON_REQUIRED,
          "an adjustment needs a reason: fill the 'reason' cell or give the import a reason");
    }
    if (!sku.isSet()) {
      return RowPlan.invalid(row.number, rawSku, Optional.empty(), check.errors);
    }
    // the SKU is checked against the ledger even when another cell is wrong: one preview shows both
    Optional<Item> found = ctx.item(sku.value());
    if (found.isEmpty()) {
      check.add(SKU, sku.value().value(), ImportErrorCode.UNKNOWN_ITEM, "no item with this SKU");
    } else if (!check.ok() && found.get().archived()) {
      check.add(SKU, sku.value().value(), ImportErrorCode.ITEM_ARCHIVED, "SKU " + sku.value() + " is archived");
    }
    if (!check.ok()) {
      return RowPlan.invalid(row.number, sku.value().value(), Optional.of(sku.value().value()), check.errors);
    }
    Item item = found.get();
    long pending = ctx.validating ? ctx.pendingDelta.getOrDefault(item.sku(), 0L) : 0;
    long available = item.available() + pending;
    if (item.archived()) {
      check.add(SKU, item.sku().value(), ImportErrorCode.ITEM_ARCHIVED, "SKU " + item.sku() + " is archived");
    } else if (delta.value() < 0 && available + delta.value() < 0) {
      check.add(DELTA, delta.value().toString(), ImportErrorCode.INSUFFICIENT_UNITS, "SKU " + item.sku() + " has "
          + available + " available" + (pending != 0 ? " after the earlier rows of this file" : "")
          + ", cannot take away " + -delta.value());
    }
    if (!check.ok()) {
      return RowPlan.invalid(row.number, item.sku().value(), Optional.of(item.sku().value()), check.errors);
    }
    if (ctx.validating) {
      ctx.pendingDelta.merge(item.sku(), (long) delta.value(), Long::sum);
    }
    long before = item.quantity() + pending;
    FieldDiff diff = new FieldDiff("quantity", Optional.of(Long.toString(before)),
        Optional.of(Long.toString(before + delta.value())));
    return RowPlan.update(row.number, item.sku().value(), item.sku().value(), List.of(diff),
        List.of(new AdjustQuantity(item.sku(), delta.value(), ctx.originWithReason(why.get()))));
  }
}
