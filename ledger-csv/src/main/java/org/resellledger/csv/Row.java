package org.resellledger.csv;

import org.apache.commons.csv.CSVRecord;

/** One data row as read: its number (header = row 1) and its cells, looked up by column. */
final class Row {
  final long number;
  private final CSVRecord record;
  private final Header header;

  Row(long number, CSVRecord record, Header header) {
    this.number = number;
    this.record = record;
    this.header = header;
  }

  /** The raw cell of a column, or null when the file has no such column. */
  String raw(Column column) {
    int i = header.index(column);
    return i < 0 ? null : record.get(i);
  }

  /** The cell of a column as an intent: keep, clear, or a value. */
  Cell cell(Column column) {
    return Cell.of(raw(column));
  }
}
