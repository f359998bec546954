package org.resellledger.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.resellledger.core.RejectionException;

/** Reads one row's cells into typed edits, collecting every problem instead of stopping at the first. */
final class RowCheck {
  final Row row;
  final List<RowError> errors = new ArrayList<>();

  RowCheck(Row row) {
    this.row = row;
  }

  /** The column's edit: keep, clear, or the parsed value; a value that does not parse is an error (and keep). */
  <T> Edit<T> parse(Column column, Function<String, T> parser) {
    Cell cell = row.cell(column);
    if (cell.keep()) {
      return Edit.keep();
    }
    if (cell.clear()) {
      return Edit.clear();
    }
    try {
      return Edit.set(parser.apply(cell.text()));
    } catch (BadCell e) {
      add(column, cell.text(), e.code, e.getMessage());
    } catch (RejectionException e) {
      errors.add(RowError.of(row.number, column.name(), e));
    }
    return Edit.keep();
  }

  Edit<String> text(Column column) {
    return parse(column, s -> s);
  }

  <E extends Enum<E>> Edit<E> choice(Column column, Class<E> type) {
    return parse(column, s -> Values.enumValue(type, s));
  }

  /** A {@code [clear]} on a field that must always have a value is an error. */
  void notCleared(Column column, Edit<?> edit) {
    if (edit.isClear()) {
      add(column, Cell.CLEAR, ImportErrorCode.CANNOT_CLEAR, "'" + column.name() + "' always has a value; "
          + "it cannot be cleared (leave the cell blank to keep it)");
    }
  }

  /** A new record needs this field (not said again of a column whose cell already has an error). */
  void required(Column column, Edit<?> edit, String what) {
    if (!edit.isSet() && !hasError(column)) {
      add(column, null, ImportErrorCode.REQUIRED, "required for a new " + what);
    }
  }

  void add(Column column, String value, ImportErrorCode code, String message) {
    errors.add(RowError.of(row.number, column == null ? null : column.name(), value, code, message));
  }

  void add(String column, RejectionException e) {
    errors.add(RowError.of(row.number, column, e));
  }

  boolean hasError(Column column) {
    return errors.stream().anyMatch(e -> e.column().equals(Optional.of(column.name())));
  }

  boolean ok() {
    return errors.isEmpty();
  }
}
