package org.resellledger.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's header resolved against the columns of its kind: which cell index holds which column. Unknown
 * columns are warnings (their cells are ignored); a column named twice and a missing required column are
 * file-level errors.
 */
final class Header {
  private final List<String> names;
  private final Map<Column, Integer> index = new HashMap<>();
  final List<RowError> errors = new ArrayList<>();
  final List<ImportWarning> warnings = new ArrayList<>();

  Header(List<String> cells, List<Column> columns, List<Column> required, long row) {
    this.names = List.copyOf(cells);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i).strip();
      String key = Column.key(cell);
      if (key.isEmpty()) {
        warnings.add(new ImportWarning(row, java.util.Optional.of("#" + (i + 1)),
            "column " + (i + 1) + " has no name; its cells are ignored"));
        continue;
      }
      Integer before = seen.putIfAbsent(key, i);
      if (before != null) {
        errors.add(RowError.of(row, cell, cell, ImportErrorCode.DUPLICATE_HEADER,
            "column " + (i + 1) + " repeats column " + (before + 1) + " ('" + cells.get(before).strip()
                + "'); header names ignore case, spaces and underscores"));
        continue;
      }
      Column match = columns.stream().filter(c -> c.matches(key)).findFirst().orElse(null);
      if (match == null) {
        String hint = DidYouMean.nearest(key, columns.stream().map(c -> Column.key(c.name())).toList())
            .flatMap(k -> columns.stream().filter(c -> Column.key(c.name()).equals(k)).findFirst())
            .map(c -> "; did you mean '" + c.name() + "'?").orElse("");
        warnings.add(new ImportWarning(row, java.util.Optional.of(cell),
            "unknown column, its cells are ignored" + hint));
      } else if (index.putIfAbsent(match, i) != null) {
        errors.add(RowError.of(row, cell, cell, ImportErrorCode.DUPLICATE_HEADER,
            "column " + (i + 1) + " is another name for column '" + match.name() + "', already given"));
      }
    }
    for (Column c : required) {
      if (!index.containsKey(c)) {
        errors.add(RowError.of(row, c.name(), null, ImportErrorCode.MISSING_COLUMN,
            "the header has no '" + c.name() + "' column; it is required"));
      }
    }
  }

  int width() {
    return names.size();
  }

  /** The cell index of a column, or -1 when the file does not have it. */
  int index(Column column) {
    return index.getOrDefault(column, -1);
  }

  boolean has(Column column) {
    return index.containsKey(column);
  }

  /** The header text of a cell index, for error messages; {@code #n} past the header. */
  String name(int cellIndex) {
    return cellIndex < names.size() && !names.get(cellIndex).isBlank() ? names.get(cellIndex).strip()
        : "#" + (cellIndex + 1);
  }
}
