package org.resellledger.core.listing;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.money.Money;
import org.resellledger.core.value.Checks;

/**
 * What a channel says one of its listings is, as of a time the channel gives (its own {@code updated_at}):
 * some of price, title, quantity and status. A channel's word is recorded beside the local listing, never
 * over it ({@link ChannelView}); where the two disagree, {@link Listing#discrepancies()} says so.
 *
 * <ul>
 *   <li>At least one field is given; {@code observedAt} is within the ledger's time bounds.
 *   <li>The price is not negative; the title is 1-200 characters; the quantity is 0 or more units.
 * </ul>
 */
public record ChannelObservation(
    Instant observedAt,
    Optional<Money> price,
    Optional<String> title,
    Optional<Integer> quantity,
    Optional<SyncStatus> status) {

  public ChannelObservation {
    Checks.instant("observedAt", observedAt);
    Checks.present("price", price).ifPresent(p -> p.requireNonNegative("price"));
    title = Checks.present("title", title).map(t -> Checks.text("title", t, 200));
    Checks.present("quantity", quantity).ifPresent(q -> Checks.unitsOrNone("quantity", q));
    Checks.present("status", status);
    if (price.isEmpty() && title.isEmpty() && quantity.isEmpty() && status.isEmpty()) {
      throw RejectionException.invalid("observation", "nothing", "at least one of price, title, quantity, status");
    }
  }

  /** The channel's quantity of the listing at {@code at}. */
  public static ChannelObservation quantity(Instant at, int quantity) {
    return new ChannelObservation(at, Optional.empty(), Optional.empty(), Optional.of(quantity), Optional.empty());
  }

  /** The channel's price of the listing at {@code at}. */
  public static ChannelObservation price(Instant at, Money price) {
    return new ChannelObservation(at, Optional.of(price), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
