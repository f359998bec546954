package org.resellledger.csv;

import java.util.List;
import java.util.Optional;

/**
 * One data row of an import: its number, what it is about ({@code key}: the SKU, or SKU and channel), what it
 * asks for, what happened, the field-by-field diff of an update, and its errors.
 *
 * @param defaults the import-wide defaults this row used, as {@code field=value} (a migration profile's
 *     file lacks fields intake requires; see {@link ImportRequest#withDefault}); empty for native files
 */
public record RowResult(long row, String key, Optional<String> sku, RowAction action, RowStatus status,
    List<FieldDiff> changes, List<RowError> errors, List<String> defaults) {

  public RowResult {
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
    defaults = List.copyOf(defaults);
  }

  /** A row that used no default. */
  public RowResult(long row, String key, Optional<String> sku, RowAction action, RowStatus status,
      List<FieldDiff> changes, List<RowError> errors) {
    this(row, key, sku, action, status, changes, errors, List.of());
  }

  RowResult withStatus(RowStatus next) {
    return new RowResult(row, key, sku, action, next, changes, errors, defaults);
  }

  RowResult withStatus(RowStatus next, RowError error) {
    List<RowError> more = new java.util.ArrayList<>(errors);
    more.add(error);
    return new RowResult(row, key, sku, action, next, changes, more, defaults);
  }
}
