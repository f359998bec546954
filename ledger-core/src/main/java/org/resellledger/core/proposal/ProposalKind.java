package org.resellledger.core.proposal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.resellledger.core.RejectionException;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.ProposalTarget.Type;
import org.resellledger.core.value.Checks;

/**
 * What a proposal asks for, with the target it needs and its exact parameters (text by name, checked here,
 * so that two equal changes have equal canonical parameters and one digest).
 *
 * <ul>
 *   <li>{@link #external()} kinds write to a channel: an approval enqueues them in the outbox.
 *   <li>The others are applied in the ledger by {@code ApplyProposal}.
 * </ul>
 */
public enum ProposalKind {
  /** Set a listing's quantity on its channel: {@code quantity} (0 or more). */
  SET_LISTING_QUANTITY(Type.LISTING, true, Set.of("quantity"), Set.of()),
  /** End a listing on its channel. */
  END_LISTING(Type.LISTING, true, Set.of(), Set.of()),
  /** Relist an ended or sold listing with {@code quantity} (1 or more). */
  RELIST(Type.LISTING, true, Set.of("quantity"), Set.of()),
  /** Change a listing's price: {@code price} (a decimal) in {@code currency}. */
  CHANGE_LISTING_PRICE(Type.LISTING, true, Set.of("price", "currency"), Set.of()),
  /** Publish a draft listing (make it LIVE). */
  PUBLISH_LISTING(Type.LISTING, true, Set.of(), Set.of()),
  /** Change an item's own fields: any of {@code title}, {@code brand}, {@code notes}. */
  CHANGE_ITEM_FIELDS(Type.ITEM, false, Set.of(), Set.of("title", "brand", "notes")),
  /**
   * Set an item's available units to what a physical count found: {@code counted} (0 or more), the
   * available units the item should have at the proposal's target version. A count session's close drafts
   * it as the available units at the close plus the count's variance ({@code core.count}); applied as one
   * AdjustQuantity whose reason names the count.
   */
  ADJUST_FROM_COUNT(Type.ITEM, false, Set.of("counted"), Set.of()),
  /**
   * Send a buyer a reply on the order's channel: {@code text}; {@code message}, the buyer message it answers
   * (its id), which then follows the reply (see {@code message.MessageState}).
   */
  SEND_BUYER_REPLY(Type.ORDER, true, Set.of("text"), Set.of("message"));

  /**
   * The evidence figure of an {@link #ADJUST_FROM_COUNT} that names the available units its {@code counted}
   * rests on; when the item moves before it is applied, the re-planned proposal keeps the difference
   * ({@code counted} minus this) rather than the absolute {@code counted}.
   */
  public static final String AVAILABLE_AT_COUNT = "availableAtClose";

  private final Type target;
  private final boolean external;
  private final Set<String> required;
  private final Set<String> optional;

  ProposalKind(Type target, boolean external, Set<String> required, Set<String> optional) {
    this.target = target;
    this.external = external;
    this.required = required;
    this.optional = optional;
  }

  /** The type of target this kind changes. */
  public Type target() {
    return target;
  }

  /** Whether applying it writes to a channel (through the outbox). */
  public boolean external() {
    return external;
  }

  /** Whether it is one of the kinds the sync rule drafts (quantity and presence of a listing). */
  public boolean sync() {
    return this == SET_LISTING_QUANTITY || this == END_LISTING || this == RELIST;
  }

  /**
   * The parameters, checked and sorted by name: every required one present, no unknown one, each value
   * well formed; refused {@code MISSING_FIELD} or {@code INVALID_VALUE} naming it.
   */
  public SortedMap<String, String> canonical(Map<String, String> params) {
    Checks.present("params", params);
    TreeMap<String, String> out = new TreeMap<>();
    for (var e : params.entrySet()) {
      String name = Checks.present("params.name", e.getKey());
      if (!required.contains(name) && !optional.contains(name)) {
        throw RejectionException.invalid("params." + name, e.getValue(),
            this + " takes " + (required.isEmpty() && optional.isEmpty() ? "no parameters" : "only " + names()));
      }
      out.put(name, check(name, Checks.text("params." + name, e.getValue(), name.equals("text") ? 5000 : 200)));
    }
    for (String name : required) {
      if (!out.containsKey(name)) {
        throw RejectionException.missing(this + " proposal", java.util.List.of("params." + name));
      }
    }
    if (this == CHANGE_ITEM_FIELDS && out.isEmpty()) {
      throw RejectionException.invalid("params", out, "at least one of " + optional);
    }
    if (this == CHANGE_LISTING_PRICE) {
      Money.of(out.get("price"), out.get("currency")).requireNonNegative("params.price");
    }
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  private String names() {
    TreeMap<String, Boolean> all = new TreeMap<>();
    required.forEach(r -> all.put(r, true));
    optional.forEach(o -> all.put(o, false));
    return all.keySet().toString();
  }

  private String check(String name, String value) {
    switch (name) {
      case "quantity", "counted" -> {
        int n = integer(name, value);
        if (this == RELIST) {
          Checks.positive("params." + name, n);
        } else {
          Checks.nonNegative("params." + name, n);
        }
        return Integer.toString(n);
      }
      case "price" -> {
        try {
          return new BigDecimal(value).toPlainString();
        } catch (NumberFormatException e) {
          throw RejectionException.invalid("params.price", value, "a decimal amount such as 12.50");
        }
      }
      case "currency" -> {
        return Money.currency(value).getCurrencyCode();
      }
      default -> {
        return value;
      }
    }
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw RejectionException.invalid("params." + name, value, "a whole number");
    }
  }
}
