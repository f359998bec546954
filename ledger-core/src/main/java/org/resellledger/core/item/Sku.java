package org.resellledger.core.item;

import java.util.Locale;
import java.util.regex.Pattern;
import org.resellledger.core.RejectionException;

/**
 * The seller's stock-keeping unit: 1 to 64 characters of letters, digits, '-', '_' and '.', starting with a
 * letter or digit. Stored upper-case, so {@code ab-1} and {@code AB-1} are the same SKU.
 */
public record Sku(String value) implements Comparable<Sku> {
  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

  public Sku {
    if (value == null || value.isBlank()) {
      throw RejectionException.invalid("sku", value, "required: 1-64 letters, digits, '-', '_' or '.'");
    }
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!FORMAT.matcher(value).matches()) {
      throw RejectionException.invalid(
          "sku", value, "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");
    }
  }

  public static Sku of(String value) {
    return new Sku(value);
  }

  @Override
  public int compareTo(Sku o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
