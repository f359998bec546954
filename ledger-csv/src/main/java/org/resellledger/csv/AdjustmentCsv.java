package org.resellledger.csv;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.Preview;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Origin;

/**
 * The adjustments file: signed corrections of a SKU's available units, each with a reason (its own cell, or
 * the import's). Several rows may correct the same SKU; they apply in file order. Whether a row may take its
 * units away, needs a reason, or touches an archived item is the ledger's to say: validation previews the
 * rows' {@link AdjustQuantity} commands in file order (see {@link LedgerCheck}).
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
    }
    if (!sku.isSet()) {
      return RowPlan.invalid(row.number, rawSku, Optional.empty(), check.errors);
    }
    Optional<String> why = reason.isSet() ? Optional.of(reason.value()) : ctx.reason;
    Origin origin = why.map(ctx::originWithReason).orElse(ctx.origin);
    // the SKU is looked up even when another cell is wrong: one preview shows both
    Optional<Item> found = ctx.item(sku.value());
    if (found.isEmpty()) {
      check.add(SKU, sku.value().value(), ImportErrorCode.UNKNOWN_ITEM, "no item with this SKU");
    }
    String key = sku.value().value();
    if (!check.ok()) {
      // the ledger still says what it thinks of the rest of the row (a missing reason, an archived item);
      // a delta that did not parse is asked about as one unit added, which only those checks can refuse
      int probe = delta.isSet() ? delta.value() : 1;
      return RowPlan.invalid(row.number, key, Optional.of(key), check.errors,
          List.of(new AdjustQuantity(sku.value(), probe, origin)));
    }
    Item item = found.get();
    long before = item.quantity() + (ctx.validating ? ctx.carried.getOrDefault(item.sku(), 0L) : 0);
    FieldDiff diff = new FieldDiff("quantity", Optional.of(Long.toString(before)),
        Optional.of(Long.toString(before + delta.value())));
    return RowPlan.update(row.number, key, key, List.of(diff),
        List.of(new AdjustQuantity(item.sku(), delta.value(), origin)));
  }

  /** The quantity before and after the row as the preview has it: after the earlier rows of the file. */
  static RowPlan previewed(RowPlan plan, List<Preview.Step> steps) {
    for (Preview.Step step : steps) {
      if (step.command() instanceof AdjustQuantity a && step.balancesAfter().containsKey(a.sku())) {
        Balances after = step.balancesAfter().get(a.sku());
        return plan.withChanges(List.of(new FieldDiff("quantity",
            Optional.of(Long.toString(after.onHand() - a.delta())), Optional.of(Long.toString(after.onHand())))));
      }
    }
    return plan;
  }

  /** The column of a ledger rejection's field. */
  static String column(RejectionException r) {
    return switch (r.field()) {
      case "delta", "quantity" -> DELTA.name();
      case "reason" -> REASON.name();
      default -> SKU.name();
    };
  }
}
