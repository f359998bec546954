package org.resellledger.csv;

import java.util.List;
import java.util.Optional;

/**
 * One data row of an import: its number, what it is about ({@code key}: the SKU, or SKU and channel), what it
 * asks for, what happened, the field-by-field diff of an update, and its errors.
 */
public record RowResult(long row, String key, Optional<String> sku, RowAction action, RowStatus status,
    List<FieldDiff> changes, List<RowError> errors) {

  public RowResult {
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
  }

  RowResult withStatus(RowStatus next) {
    return new RowResult(row, key, sku, action, next, changes, errors);
  }

  RowResult withStatus(RowStatus next, RowError error) {
    List<RowError> more = new java.util.ArrayList<>(errors);
    more.add(error);
    return new RowResult(row, key, sku, action, next, changes, more);
  }
}
