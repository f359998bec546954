package org.resellledger.csv;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Defect;
import org.resellledger.core.money.Money;

/**
 * Parsers and formatters of cell text, one per kind of value. A parser throws {@link BadCell} for text that
 * is not a value of its kind, or lets a core {@link RejectionException} through when a core value type refuses
 * it; the caller turns either into a {@link RowError} at its row and column. Each formatter is the exact
 * inverse of its parser, which is what makes export and re-import a no-op.
 */
final class Values {
  private Values() {}

  private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:\\s*([A-Za-z]{3}))?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * An amount as written in a cell: its number, still text, and the currency code written after it, if any.
   * The number becomes {@link Money} only in the row's currency, through {@link Money#of(String, String)}, so
   * core's bounds on amount text and digits apply before anything expands it.
   */
  record Amount(String number, Optional<Currency> currency) {
    Money in(Currency rowCurrency) {
      if (currency.isPresent() && !currency.get().equals(rowCurrency)) {
        throw new BadCell(ImportErrorCode.CURRENCY_MISMATCH,
            "the amount is in " + currency.get() + ", the row's currency is " + rowCurrency);
      }
      return Money.of(number, rowCurrency.getCurrencyCode());
    }
  }

  static Amount amount(String text) {
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      if (text.startsWith("-")) {
        throw new BadCell(ImportErrorCode.INVALID_VALUE, "an amount must not be negative");
      }
      throw new BadCell(ImportErrorCode.INVALID_VALUE,
          "a decimal amount such as 12.50, optionally followed by its currency (12.50 USD); no symbols, "
              + "thousands separators or exponents");
    }
    Optional<Currency> currency = Optional.ofNullable(m.group(2)).map(Money::currency);
    return new Amount(m.group(1), currency);
  }

  static String amount(Money money) {
    return money.amount().toPlainString();
  }

  static Currency currency(String text) {
    return Money.currency(text);
  }

  static int integer(String text, boolean negativeAllowed) {
    if (!INTEGER.matcher(text).matches()) {
      throw new BadCell(ImportErrorCode.INVALID_VALUE, "a whole number such as 3" + (negativeAllowed ? " or -2" : ""));
    }
    int n = Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    if (n < 0 && !negativeAllowed) {
      throw new BadCell(ImportErrorCode.NEGATIVE_QUANTITY,
          "must not be negative; to take units away use the adjustments import");
    }
    return n;
  }

  static LocalDate date(String text) {
    if (!DATE.matcher(text).matches()) {
      throw new BadCell(ImportErrorCode.INVALID_VALUE, "an ISO date yyyy-MM-dd such as 2026-03-31");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadCell(ImportErrorCode.INVALID_VALUE, "not a real date; an ISO date yyyy-MM-dd such as 2026-03-31");
    }
  }

  /** One of an enum's constants; case, spaces and hyphens are forgiven ({@code very good} is VERY_GOOD). */
  private static final Pattern WORD_GAPS = Pattern.compile("[\\s-]+");

  static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    String key = WORD_GAPS.matcher(text.strip().toUpperCase(Locale.ROOT)).replaceAll("_");
    E[] constants = type.getEnumConstants();
    for (E e : constants) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    List<String> names = Arrays.stream(constants).map(Enum::name).toList();
    String hint = DidYouMean.nearest(key, names).map(n -> "did you mean " + n + "? ").orElse("");
    throw new BadCell(ImportErrorCode.UNKNOWN_VALUE, hint + "one of " + String.join(", ", names));
  }

  static URI url(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new BadCell(ImportErrorCode.INVALID_VALUE, "an absolute http(s) URL: " + e.getReason());
    }
  }

  // ---- multi-valued -----------------------------------------------------------------------------------

  /** {@code Clothing > Women > Dresses}; '>' or '/' separate levels; '\' escapes. */
  static Category category(String text) {
    List<String> levels = new ArrayList<>();
    for (List<String> entry : ListCell.parse(text, ">/", "")) {
      levels.add(entry.get(0));
    }
    return new Category(levels);
  }

  static String category(Category category) {
    return category.path().stream().map(l -> ListCell.escape(l, ">/")).collect(Collectors.joining(" > "));
  }

  /** {@code KIND:SEVERITY:where[:note]} entries separated by ';'. */
  static List<Defect> defects(String text) {
    List<Defect> defects = new ArrayList<>();
    for (List<String> parts : ListCell.parse(text, ";", ":")) {
      if (parts.size() < 3 || parts.size() > 4) {
        throw new BadCell(ImportErrorCode.INVALID_VALUE, "each defect is KIND:SEVERITY:where or "
            + "KIND:SEVERITY:where:note, separated by ';' (write \\; or \\: for a literal one), e.g. "
            + "STAIN:MINOR:left sleeve");
      }
      Defect.Kind kind = enumValue(Defect.Kind.class, parts.get(0));
      Defect.Severity severity = enumValue(Defect.Severity.class, parts.get(1));
      Optional<String> note = parts.size() == 4 && !parts.get(3).isEmpty() ? Optional.of(parts.get(3))
          : Optional.empty();
      defects.add(new Defect(kind, parts.get(2), severity, note));
    }
    return defects;
  }

  static String defects(List<Defect> defects) {
    return defects.stream()
        .map(d -> d.kind() + ":" + d.severity() + ":" + ListCell.escape(d.where(), ";:")
            + d.note().map(n -> ":" + ListCell.escape(n, ";:")).orElse(""))
        .collect(Collectors.joining("; "));
  }

  /** {@code key=value} entries separated by ';'; keys unique. */
  static Map<String, String> specifics(String text) {
    Map<String, String> specifics = new LinkedHashMap<>();
    for (List<String> parts : ListCell.parse(text, ";", "=")) {
      if (parts.size() != 2) {
        throw new BadCell(ImportErrorCode.INVALID_VALUE,
            "each specific is key=value, separated by ';' (write \\; or \\= for a literal one), e.g. size=M; colour=navy");
      }
      if (specifics.putIfAbsent(parts.get(0), parts.get(1)) != null) {
        throw new BadCell(ImportErrorCode.INVALID_VALUE, "the key '" + parts.get(0) + "' is given twice");
      }
    }
    return specifics;
  }

  static String specifics(Map<String, String> specifics) {
    return specifics.entrySet().stream()
        .map(e -> ListCell.escape(e.getKey(), ";=") + "=" + ListCell.escape(e.getValue(), ";="))
        .collect(Collectors.joining("; "));
  }
}
