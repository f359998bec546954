package org.resellledger.csv;

import java.util.Objects;
import java.util.Optional;

/** One row's outcome as the import history keeps it: the row, its SKU, what it asked for, what happened, why. */
public record RowRecord(long row, Optional<String> sku, RowAction action, RowStatus status,
    Optional<String> message) {

  public RowRecord {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  static RowRecord of(RowResult r) {
    Optional<String> message = r.errors().isEmpty() ? Optional.empty()
        : Optional.of(truncate(String.join("; ", r.errors().stream().map(RowError::toString).toList())));
    return new RowRecord(r.row(), r.sku(), r.action(), r.status(), message);
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
