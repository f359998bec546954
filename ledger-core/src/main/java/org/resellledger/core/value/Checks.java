package org.resellledger.core.value;

import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.TimeBounds;

/**
 * Argument checks shared by value types: a bad value is {@link RejectionCode#INVALID_VALUE}, a missing one
 * {@link RejectionCode#MISSING_FIELD}.
 */
public final class Checks {
  private Checks() {}

  /** The trimmed text, refused when null or blank or longer than {@code maxLength}. */
  public static String text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw RejectionException.invalid(field, value, "required, must not be blank");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw RejectionException.invalid(
          field, trimmed.substring(0, 20) + "...", "at most " + maxLength + " characters, got " + trimmed.length());
    }
    characters(field, trimmed);
    return trimmed;
  }

  /**
   * Refuses text no store keeps as given: NUL and the other C0 control characters but tab, line feed and
   * carriage return (PostgreSQL refuses NUL), and unpaired UTF-16 surrogates (PostgreSQL stores them as "?").
   * Not applied while {@linkplain #reading stored values}.
   */
  private static String characters(String field, String value) {
    if (reading()) {
      return value;
    }
    String hazard = hazard(value);
    if (hazard != null) {
      throw RejectionException.invalid(field, shown(value), hazard);
    }
    return value;
  }

  /**
   * For stores, on what they are about to write: the text as it is (not trimmed), refused
   * {@link RejectionCode#INVALID_VALUE} when longer than {@code maxLength} or holding a character no store
   * keeps as given (see {@link #text}). Applied while reading too: it checks what is written.
   */
  public static String storable(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw RejectionException.invalid(field, shown(value),
          "the store keeps at most " + maxLength + " characters here, got " + value.length());
    }
    String hazard = hazard(value);
    if (hazard != null) {
      throw RejectionException.invalid(field, shown(value), "the store cannot keep it as given: " + hazard);
    }
    return value;
  }

  /** What in the text no store keeps as given, in words; null when there is nothing. */
  private static String hazard(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return String.format("no control character; found U+%04X at position %d", (int) c, i + 1);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("whole characters; found an unpaired surrogate U+%04X at position %d", (int) c, i + 1);
      }
    }
    return null;
  }

  /** The value as a rejection shows it: printable, and short. */
  private static String shown(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(40).forEach(cp -> {
      if (cp < 0x20 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return value.codePointCount(0, value.length()) > 40 ? out + "..." : out.toString();
  }

  private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

  /**
   * Whether values are being read back from a store: bounds added for new input (money digits, text
   * characters) are then not applied, so records stored before a bound existed read back as they were.
   */
  public static boolean reading() {
    return READING.get();
  }

  /** Runs a read of stored values; see {@link #reading()}. */
  public static <T> T reading(java.util.function.Supplier<T> read) {
    if (READING.get()) {
      return read.get();
    }
    READING.set(true);
    try {
      return read.get();
    } finally {
      READING.set(false);
    }
  }

  /**
   * Runs each check and throws one rejection carrying every failure ({@link RejectionException#all()}), so
   * a value with several bad fields names them all at once.
   */
  public static void all(Runnable... checks) {
    java.util.List<RejectionException> problems = new java.util.ArrayList<>();
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (RejectionException e) {
        problems.add(e);
      }
    }
    if (!problems.isEmpty()) {
      throw RejectionException.allOf(problems);
    }
  }

  /**
   * Builds with an Immutables builder; a builder missing required fields is refused {@code MISSING_FIELD},
   * one per field. The fields are read from the generated builder's message, whose form ("... some of
   * required attributes are not set [a, b]") {@code RejectionCodesTest} pins (a change in Immutables fails it).
   */
  public static <T> T built(String type, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      int open = message.lastIndexOf('[');
      int close = message.lastIndexOf(']');
      if (!message.contains("required attributes are not set") || open < 0 || close < open) {
        throw e;
      }
      throw RejectionException.missing(type, java.util.Arrays.stream(message.substring(open + 1, close).split(","))
          .map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
  }

  /** The value, refused {@link RejectionCode#MISSING_FIELD} when null. */
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new RejectionException(RejectionCode.MISSING_FIELD, field, null, "required");
    }
    return value;
  }

  public static int positive(String field, int value) {
    if (value <= 0) {
      throw RejectionException.invalid(field, value, "must be at least 1");
    }
    return value;
  }

  /** A number of units a command moves: 1 to {@link Balances#MAX_QUANTITY}. */
  public static int units(String field, int value) {
    positive(field, value);
    return atMostMaxQuantity(field, value);
  }

  /** A number of units an item starts with: 0 to {@link Balances#MAX_QUANTITY}. */
  public static int unitsOrNone(String field, int value) {
    nonNegative(field, value);
    return atMostMaxQuantity(field, value);
  }

  private static int atMostMaxQuantity(String field, int value) {
    if (value > Balances.MAX_QUANTITY) {
      throw RejectionException.invalid(field, value, "at most " + Balances.MAX_QUANTITY + " units");
    }
    return value;
  }

  /**
   * An instant from {@link TimeBounds#EARLIEST} to before {@link TimeBounds#LATEST}. Not applied while
   * {@linkplain #reading stored values}.
   */
  public static java.time.Instant instant(String field, java.time.Instant value) {
    present(field, value);
    if (!reading() && (value.isBefore(TimeBounds.EARLIEST) || !value.isBefore(TimeBounds.LATEST))) {
      throw RejectionException.invalid(field, value,
          "from " + TimeBounds.EARLIEST + " to before " + TimeBounds.LATEST);
    }
    return value;
  }

  /** A date from {@code earliest} to {@code latest}, both inclusive. Not applied while reading stored values. */
  public static java.time.LocalDate date(String field, java.time.LocalDate value, java.time.LocalDate earliest,
      java.time.LocalDate latest) {
    present(field, value);
    if (!reading() && (value.isBefore(earliest) || value.isAfter(latest))) {
      throw RejectionException.invalid(field, value, "from " + earliest + " to " + latest);
    }
    return value;
  }

  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw RejectionException.invalid(field, value, "must not be negative");
    }
    return value;
  }
}
