package org.resellledger.csv;

import java.util.Locale;

/**
 * What one cell asks for. Blank never erases: an empty (or all-space) cell keeps the stored value. The
 * marker {@value #CLEAR} (any case) empties an optional field. Any other text is a value, with the
 * formula-neutralising quote of our own export taken off (see {@link Formula}).
 */
record Cell(Kind kind, String text) {
  /** The explicit marker that clears an optional field. */
  static final String CLEAR = "[clear]";

  private static final Cell KEEP = new Cell(Kind.KEEP, null);
  private static final Cell CLEARED = new Cell(Kind.CLEAR, null);

  enum Kind {
    KEEP, CLEAR, VALUE
  }

  static Cell of(String raw) {
    if (raw == null || raw.isBlank()) {
      return KEEP;
    }
    String s = raw.strip();
    if (s.toLowerCase(Locale.ROOT).equals(CLEAR)) {
      return CLEARED;
    }
    return new Cell(Kind.VALUE, Formula.restore(s));
  }

  boolean keep() {
    return kind == Kind.KEEP;
  }

  boolean clear() {
    return kind == Kind.CLEAR;
  }

  boolean value() {
    return kind == Kind.VALUE;
  }
}
