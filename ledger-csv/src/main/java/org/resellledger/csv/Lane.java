package org.resellledger.csv;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Sku;

/** The columns, the required columns, the SKU column and the row planner of one file kind. */
record Lane(List<Column> columns, List<Column> required, Column sku, BiFunction<Row, PlanContext, RowPlan> planner) {
  static Lane of(ImportKind kind) {
    return switch (kind) {
      case ITEMS -> new Lane(ItemCsv.COLUMNS, ItemCsv.REQUIRED, ItemCsv.SKU, ItemCsv::plan);
      case LISTINGS -> new Lane(ListingCsv.COLUMNS, ListingCsv.REQUIRED, ListingCsv.SKU, ListingCsv::plan);
      case ADJUSTMENTS -> new Lane(AdjustmentCsv.COLUMNS, AdjustmentCsv.REQUIRED, AdjustmentCsv.SKU,
          AdjustmentCsv::plan);
    };
  }

  /** The row's SKU if its cell holds a valid one (problems are reported by the planner, not here). */
  Optional<Sku> skuOf(Row row) {
    Cell cell = row.cell(sku);
    if (cell.keep() || cell.clear()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Sku.of(cell.text()));
    } catch (RejectionException e) {
      return Optional.empty();
    }
  }
}
