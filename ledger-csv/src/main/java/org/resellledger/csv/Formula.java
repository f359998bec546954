package org.resellledger.csv;

import java.util.regex.Pattern;

/**
 * Keeps spreadsheets from running exported text as a formula, reversibly.
 *
 * <ul>
 *   <li>Export: a cell that starts with {@code = + - @}, a tab, CR or LF, or that is the clear marker
 *       {@code [clear]}, possibly after leading single quotes, gets one more single quote in front. A plain
 *       number such as {@code -3} or {@code -12.50} is left alone: it is not a formula.
 *   <li>Import: a cell that is one or more single quotes followed by one of those characters (or by the clear
 *       marker) loses exactly one leading quote.
 *   <li>So importing our own export gives back the exact text, including text that itself began with quotes.
 * </ul>
 */
final class Formula {
  private Formula() {}

  private static final Pattern NEEDS_QUOTE = Pattern.compile("^'*([=+\\-@\\t\\r\\n]|(?i:\\[clear\\])$)",
      Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("^'+([=+\\-@\\t\\r\\n]|(?i:\\[clear\\])$)", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  static String neutralise(String text) {
    if (text.isEmpty() || NUMBER.matcher(text).matches() || !NEEDS_QUOTE.matcher(text).find()) {
      return text;
    }
    return "'" + text;
  }

  static String restore(String text) {
    if (text.isEmpty() || text.charAt(0) != '\'') {
      return text; // nearly every cell: no regex
    }
    return QUOTED.matcher(text).find() ? text.substring(1) : text;
  }
}
