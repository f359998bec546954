package org.resellledger.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The cell syntax of multi-valued fields: entries separated by one set of characters, parts of an entry by
 * another, a backslash taking the next character literally. Parts are trimmed. Used for categories
 * ({@code Clothing > Women > Dresses}), defects ({@code STAIN:MINOR:left sleeve; HOLE:MAJOR:collar:2 mm}) and
 * item specifics ({@code size=M; colour=navy}).
 */
final class ListCell {
  private ListCell() {}

  /** Entries, each a list of parts; empty entries (e.g. after a trailing separator) are dropped. */
  static List<List<String>> parse(String text, String entrySeparators, String partSeparators) {
    List<List<String>> entries = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean escaped = false;
    boolean literalInPart = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped) {
        part.append(c);
        escaped = false;
        literalInPart = true;
      } else if (c == '\\') {
        escaped = true;
      } else if (entrySeparators.indexOf(c) >= 0) {
        parts.add(part.toString().strip());
        addEntry(entries, parts, literalInPart);
        parts = new ArrayList<>();
        part.setLength(0);
        literalInPart = false;
      } else if (partSeparators.indexOf(c) >= 0) {
        parts.add(part.toString().strip());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (escaped) {
      part.append('\\');
    }
    parts.add(part.toString().strip());
    addEntry(entries, parts, literalInPart);
    return entries;
  }

  private static void addEntry(List<List<String>> entries, List<String> parts, boolean literal) {
    if (parts.size() == 1 && parts.get(0).isEmpty() && !literal) {
      return;
    }
    entries.add(List.copyOf(parts));
  }

  /** Escapes backslashes and the given separators so that {@link #parse} gives the text back. */
  static String escape(String text, String specials) {
    StringBuilder b = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || specials.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
