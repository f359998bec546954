package org.resellledger.csv;

import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.RejectionException;

/**
 * One problem found in a CSV file: where (row, column), what was there (value), why (message) and a typed
 * code. Row numbers count the header as row 1, as a spreadsheet shows them; a row whose quoted cells span
 * several lines is still one row.
 */
public record RowError(long row, Optional<String> column, Optional<String> value, String message,
    ImportErrorCode code) {

  public RowError {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(code, "code");
  }

  public static RowError of(long row, String column, String value, ImportErrorCode code, String message) {
    return new RowError(row, Optional.ofNullable(column), Optional.ofNullable(value), message, code);
  }

  /**
   * The error for a value or a command the ledger refused: its code, value and reason as the
   * {@link RejectionException} gives them; the column is the CSV column the value came from when known
   * (the ledger's field name is then added to the message when it differs), else the ledger's field name.
   */
  public static RowError of(long row, String column, RejectionException e) {
    String where = column != null ? column : e.field();
    String message = where.equals(e.field()) ? e.why() : e.why() + " (" + e.field() + ")";
    return new RowError(row, Optional.of(where), e.value(), message, ImportErrorCode.of(e.code()));
  }

  @Override
  public String toString() {
    return "row " + row + column.map(c -> ", column " + c).orElse("") + value.map(v -> ", value '" + v + "'")
        .orElse("") + ": " + message + " [" + code + "]";
  }
}
