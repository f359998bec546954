package org.resellledger.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Field-by-field differences between two formatted rows of the same columns. */
final class Diffs {
  private Diffs() {}

  static List<FieldDiff> of(List<Column> columns, String[] before, String[] after) {
    List<FieldDiff> diffs = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!before[i].equals(after[i])) {
        diffs.add(new FieldDiff(columns.get(i).name(), text(before[i]), text(after[i])));
      }
    }
    return diffs;
  }

  private static Optional<String> text(String cell) {
    return cell.isEmpty() ? Optional.empty() : Optional.of(cell);
  }
}
