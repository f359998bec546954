package org.resellledger.csv;

import java.util.List;
import java.util.Locale;

/**
 * A column of a file kind: its canonical header name (what the exporter writes) and the other names the
 * importer accepts. Header names are compared ignoring case, spaces, underscores, hyphens and any other
 * character that is not a letter or digit: {@code Cost Basis}, {@code cost_basis} and {@code costbasis} match.
 */
record Column(String name, List<String> aliases) {
  Column {
    aliases = List.copyOf(aliases);
  }

  static Column of(String name, String... aliases) {
    return new Column(name, List.of(aliases));
  }

  /** The comparison key of a header cell. */
  static String key(String header) {
    StringBuilder b = new StringBuilder(header.length());
    header.strip().toLowerCase(Locale.ROOT).codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  boolean matches(String headerKey) {
    if (key(name).equals(headerKey)) {
      return true;
    }
    for (String alias : aliases) {
      if (key(alias).equals(headerKey)) {
        return true;
      }
    }
    return false;
  }
}
