package org.resellledger.csv;

import java.util.Optional;

/** Something the import noticed but that blocks nothing, e.g. an unknown column that is ignored. */
public record ImportWarning(long row, Optional<String> column, String message) {
  @Override
  public String toString() {
    return "row " + row + column.map(c -> " column " + c).orElse("") + ": " + message;
  }
}
