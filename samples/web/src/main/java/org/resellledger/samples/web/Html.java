package org.resellledger.samples.web;

/**
 * A page's markup as it is written: constant markup goes in through {@link #raw}, every value through
 * {@link #text} or {@link #attr}, which escape it.
 *
 * <ul>
 *   <li>{@link #escape} replaces {@code & < > " '} by entities, so a value can never open a tag, close an
 *       attribute or start a script, in element text and in double- or single-quoted attributes alike.
 *   <li>{@code raw} takes only markup written in this module, never a value from the ledger or a request.
 * </ul>
 */
final class Html {
  private final StringBuilder out = new StringBuilder(8192);

  /** The text with {@code & < > " '} as entities; {@code null} is the empty text. */
  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (entity != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (entity != null) {
          b.append(entity);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /** Markup written in this module; never a value. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** A value, escaped. */
  Html text(Object value) {
    out.append(escape(value));
    return this;
  }

  /** {@code name="value"} with a leading space, the value escaped. */
  Html attr(String name, Object value) {
    out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    return this;
  }

  /** {@code <tag>value</tag>}, the value escaped. */
  Html el(String tag, Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
  }

  /** {@code <td>value</td>}. */
  Html td(Object value) {
    return el("td", value);
  }

  /** {@code <td class="cls">value</td>}. */
  Html cell(String cls, Object value) {
    return raw("<td class=\"" + cls + "\">").text(value).raw("</td>");
  }

  /** A right-aligned number cell. */
  Html num(Object value) {
    return raw("<td class=\"num\">").text(value).raw("</td>");
  }

  /** A link to {@code href} (already built by {@link Urls}) showing {@code label}. */
  Html link(String href, Object label) {
    return raw("<a").attr("href", href).raw(">").text(label).raw("</a>");
  }

  /** A table header row of the given column names. */
  Html headers(String... names) {
    raw("<thead><tr>");
    for (String n : names) {
      el("th", n);
    }
    return raw("</tr></thead>");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
