package org.resellledger.csv;

import java.util.Objects;

/**
 * The identity of one import. Every event an import appends names it, as its causation and (unless a
 * person is named) as the importer actor's name.
 */
public record ImportId(String value) {
  public ImportId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 120) {
      throw new IllegalArgumentException("an import id is 1 to 120 characters, got '" + value + "'");
    }
  }

  public static ImportId of(String value) {
    return new ImportId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
