package org.resellledger.core.value;

import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;

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
    return trimmed;
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

  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw RejectionException.invalid(field, value, "must not be negative");
    }
    return value;
  }
}
