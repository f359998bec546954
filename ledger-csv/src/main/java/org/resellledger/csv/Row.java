package org.resellledger.csv;

import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row as read: its number (header = row 1) and its cells, looked up by column. A migration profile
 * hands the native lanes rows of their own columns made from a foreign file's row (same number).
 */
class Row {
  final long number;
  private final Function<Column, String> cells;

  Row(long number, CSVRecord record, Header header) {
    this.number = number;
    this.cells = column -> {
      int i = header.index(column);
      return i < 0 ? null : record.get(i);
    };
  }

  /** A row of the given cells (a column without an entry is absent, like a column the file lacks). */
  Row(long number, Map<Column, String> cells) {
    this.number = number;
    this.cells = cells::get;
  }

  /** The raw cell of a column, or null when the file has no such column. */
  String raw(Column column) {
    return cells.apply(column);
  }

  /** The cell of a column as an intent: keep, clear, or a value. */
  Cell cell(Column column) {
    return Cell.of(raw(column));
  }
}
