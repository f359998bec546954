package org.resellledger.csv;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.resellledger.core.Preview;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Sku;

/**
 * The columns, the required columns, the SKU column and the row planner of one file kind; the CSV column a
 * ledger rejection's field belongs to; and what the lane takes from the ledger's preview of a valid row
 * besides its refusals (the adjustments file: the quantity before and after, counting earlier rows); and
 * how one pass reads the file's rows (a migration profile's rows become native ones, see {@link Profile}).
 */
record Lane(List<Column> columns, List<Column> required, Column sku, BiFunction<Row, PlanContext, RowPlan> planner,
    Function<RejectionException, String> column, BiFunction<RowPlan, List<Preview.Step>, RowPlan> previewed,
    Function<ImportRequest, UnaryOperator<Row>> reader) {
  static Lane of(ImportKind kind) {
    return switch (kind) {
      case ITEMS -> new Lane(ItemCsv.COLUMNS, ItemCsv.REQUIRED, ItemCsv.SKU, ItemCsv::plan, ItemCsv::column,
          (plan, steps) -> plan, NATIVE);
      case LISTINGS -> new Lane(ListingCsv.COLUMNS, ListingCsv.REQUIRED, ListingCsv.SKU, ListingCsv::plan,
          ListingCsv::column, (plan, steps) -> plan, NATIVE);
      case ADJUSTMENTS -> new Lane(AdjustmentCsv.COLUMNS, AdjustmentCsv.REQUIRED, AdjustmentCsv.SKU,
          AdjustmentCsv::plan, AdjustmentCsv::column, AdjustmentCsv::previewed, NATIVE);
      case SHOPIFY_PRODUCTS -> ShopifyProfile.INSTANCE.lane();
      case EBAY_LISTINGS -> EbayProfile.INSTANCE.lane();
    };
  }

  /** A native file's rows are read as they are. */
  private static final Function<ImportRequest, UnaryOperator<Row>> NATIVE = request -> UnaryOperator.identity();

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

  /** The error for a ledger rejection of this row's command, in the CSV column its field came from. */
  RowError error(long row, RejectionException e) {
    return RowError.of(row, column.apply(e), e);
  }
}
