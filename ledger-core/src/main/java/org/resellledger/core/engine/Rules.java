package org.resellledger.core.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.money.Money;

/**
 * The rules every concept uses: a reason given, one currency per command, a value among the allowed ones.
 * Each throws a {@link RejectionException} saying what, where and why. A concept's own rules are in its
 * behaviour package ({@code ItemRules}, {@code ListingRules}, {@code OrderRules}).
 */
public final class Rules {
  private Rules() {}

  public static void reasonGiven(Origin origin, String what) {
    if (origin.reason().isEmpty()) {
      throw new RejectionException(RejectionCode.REASON_REQUIRED, "reason", null, what + " needs a reason");
    }
  }

  public static void sameCurrency(String field, Currency expected, Money... amounts) {
    sameCurrency(field, expected, Arrays.asList(amounts));
  }

  public static void sameCurrency(String field, Currency expected, Collection<Money> amounts) {
    for (Money m : amounts) {
      if (!m.currency().equals(expected)) {
        throw new RejectionException(RejectionCode.CURRENCY_MISMATCH, field, m,
            "all amounts of this command must be in " + expected);
      }
    }
  }

  public static void oneOf(String field, Enum<?> value, Collection<? extends Enum<?>> allowed) {
    if (!allowed.contains(value)) {
      throw RejectionException.invalid(field, value, "one of " + allowed);
    }
  }
}
