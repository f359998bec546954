package org.resellledger.csv;

import java.util.Optional;

/**
 * One field an update changes, as CSV text in the column's own syntax: {@code before -> after}. Empty means
 * no value.
 */
public record FieldDiff(String column, Optional<String> before, Optional<String> after) {
  @Override
  public String toString() {
    return column + ": " + before.orElse("(none)") + " -> " + after.orElse("(none)");
  }
}
