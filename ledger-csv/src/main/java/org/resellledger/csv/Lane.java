package org.resellledger.csv;

import java.util.List;
import java.util.function.BiFunction;

/** The columns, the required columns and the row planner of one file kind. */
record Lane(List<Column> columns, List<Column> required, BiFunction<Row, PlanContext, RowPlan> planner) {
  static Lane of(ImportKind kind) {
    return switch (kind) {
      case ITEMS -> new Lane(ItemCsv.COLUMNS, ItemCsv.REQUIRED, ItemCsv::plan);
      case LISTINGS -> new Lane(ListingCsv.COLUMNS, ListingCsv.REQUIRED, ListingCsv::plan);
      case ADJUSTMENTS -> new Lane(AdjustmentCsv.COLUMNS, AdjustmentCsv.REQUIRED, AdjustmentCsv::plan);
    };
  }
}
