package org.resellledger.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.value.Checks;

/**
 * An amount of one currency.
 *
 * <ul>
 *   <li>The amount is held at the currency's minor-unit scale (2 for USD, 0 for JPY); more precision is
 *       refused rather than rounded away.
 *   <li>Arithmetic never mixes currencies: combining two currencies is a {@link RejectionCode#CURRENCY_MISMATCH}.
 *   <li>{@link #allocate} splits an amount into parts that sum exactly to the whole.
 * </ul>
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * The most digits an amount has before the decimal point: amounts stay below 10^15 units of their
   * currency (999,999,999,999,999.99 USD). After the point, the currency's minor-unit digits.
   */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** Longer amount text is refused before it is parsed. */
  private static final int MAX_TEXT_LENGTH = 40;

  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  /**
   * No value beyond this many digits is ever expanded, not even one read back from a store written before
   * {@link #MAX_INTEGER_DIGITS} existed.
   */
  private static final int MAX_STORED_DIGITS = 1000;

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (amount == null) {
      throw RejectionException.invalid("amount", null, "required");
    }
    int scale = Math.max(currency.getDefaultFractionDigits(), 0);
    if (amount.signum() == 0) {
      amount = BigDecimal.ZERO;
    }
    // digits before the point, counted without expanding the number (1e999999999 has a billion)
    long integerDigits = (long) amount.precision() - amount.scale();
    if (integerDigits > MAX_INTEGER_DIGITS && (!Checks.reading() || integerDigits > MAX_STORED_DIGITS)) {
      throw RejectionException.invalid("amount", integerDigits > 40 ? integerDigits + " digits" : amount.toPlainString(),
          "at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
    if (amount.scale() > scale) {
      BigDecimal exact = amount.stripTrailingZeros();
      if (exact.scale() > scale) {
        throw RejectionException.invalid("amount", amount.scale() > 40 ? "scale " + amount.scale() : amount.toPlainString(),
            currency + " takes at most " + scale + " decimal places");
      }
      amount = exact;
    }
    amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
  }

  /** Parses {@code "12.50"} in the ISO 4217 currency {@code "USD"}. */
  public static Money of(String amount, String currency) {
    return new Money(parseAmount(amount), currency(currency));
  }

  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, currency(currency));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** The ISO 4217 currency for a code, or an {@link RejectionCode#INVALID_VALUE} naming the code. */
  public static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      throw RejectionException.invalid("currency", code, "an ISO 4217 code such as USD, EUR, GBP");
    }
    try {
      return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RejectionException.invalid("currency", code, "an ISO 4217 code such as USD, EUR, GBP");
    }
  }

  private static BigDecimal parseAmount(String amount) {
    if (amount == null || amount.isBlank()) {
      throw RejectionException.invalid("amount", amount, "a decimal number such as 12.50");
    }
    String text = amount.strip();
    if (text.length() > MAX_TEXT_LENGTH || !PLAIN_DECIMAL.matcher(text).matches()) {
      throw RejectionException.invalid("amount", text.length() > MAX_TEXT_LENGTH ? text.substring(0, 20) + "..." : text,
          "a decimal number such as 12.50 (digits, at most one point, no exponent, at most "
              + MAX_TEXT_LENGTH + " characters)");
    }
    return new BigDecimal(text);
  }

  public Money plus(Money other) {
    sameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    sameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money times(int factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Refuses a negative amount, naming the field it was given for. */
  public Money requireNonNegative(String field) {
    if (isNegative()) {
      throw RejectionException.invalid(field, this, "must not be negative");
    }
    return this;
  }

  /**
   * Splits this amount into one part per weight, proportionally, in whole minor units, so that the parts
   * sum exactly to this amount (largest-remainder method; ties go to the earlier part).
   */
  public List<Money> allocate(List<Integer> weights) {
    if (weights.isEmpty()) {
      throw RejectionException.invalid("weights", weights, "at least one weight");
    }
    long total = 0;
    for (int w : weights) {
      if (w < 0) {
        throw RejectionException.invalid("weights", weights, "weights must not be negative");
      }
      total += w;
    }
    if (total == 0) {
      throw RejectionException.invalid("weights", weights, "weights must not all be zero");
    }
    BigDecimal minor = amount.movePointRight(amount.scale());
    BigDecimal[] shares = new BigDecimal[weights.size()];
    BigDecimal[] remainders = new BigDecimal[weights.size()];
    BigDecimal allotted = BigDecimal.ZERO;
    for (int i = 0; i < shares.length; i++) {
      BigDecimal exact = minor.multiply(BigDecimal.valueOf(weights.get(i)));
      BigDecimal[] qr = exact.divideAndRemainder(BigDecimal.valueOf(total));
      shares[i] = qr[0];
      remainders[i] = qr[1];
      allotted = allotted.add(qr[0]);
    }
    int left = minor.subtract(allotted).intValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < Math.abs(left); k++) {
      int i = order.get(k % order.size());
      shares[i] = shares[i].add(BigDecimal.valueOf(Integer.signum(left)));
    }
    List<Money> parts = new ArrayList<>(shares.length);
    for (BigDecimal share : shares) {
      parts.add(new Money(share.movePointLeft(amount.scale()), currency));
    }
    return List.copyOf(parts);
  }

  private void sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new RejectionException(
          RejectionCode.CURRENCY_MISMATCH, "currency", other.currency, "expected " + currency + " like " + this);
    }
  }

  @Override
  public int compareTo(Money other) {
    sameCurrency(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
