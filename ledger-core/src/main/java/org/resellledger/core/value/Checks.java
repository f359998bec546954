package org.resellledger.core.value;

import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;

/** Argument checks shared by value types; each failure is an {@link RejectionCode#INVALID_VALUE} rejection. */
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

  public static <T> T present(String field, T value) {
    if (value == null) {
      throw RejectionException.invalid(field, null, "required");
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
