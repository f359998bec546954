package org.resellledger.core.listing;

import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;
import org.resellledger.core.LedgerStyle;
import org.resellledger.core.RejectionException;
import org.resellledger.core.value.Checks;
import org.resellledger.core.money.Money;

/**
 * One public face of an item on one channel: what the channel shows and at what price.
 *
 * <ul>
 *   <li>The listing price is the channel's price, kept apart from the item's target price.
 *   <li>The listed quantity is never negative; the ledger proposes lowering it when availability drops.
 *   <li>An external URL, when given, is absolute http(s).
 * </ul>
 */
@Value.Immutable
@LedgerStyle
public abstract class ListingDetails {
  public abstract Channel channel();

  public abstract Optional<String> externalId();

  public abstract Optional<URI> url();

  public abstract String title();

  public abstract Optional<String> description();

  public abstract Money price();

  public abstract Optional<String> shippingProfile();

  public abstract int listedQuantity();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds listing details; channel, title, price and listed quantity are required. */
  public static class Builder extends ImmutableListingDetails.Builder {
    /** The details; refused {@code MISSING_FIELD} naming every required field not set, or with every invalid one. */
    @Override
    public ListingDetails build() {
      return Checks.built("listing details", super::build);
    }
  }

  @Value.Check
  protected void check() {
    Checks.all(
        () -> Checks.text("listing.title", title(), 200),
        () -> price().requireNonNegative("listing.price"),
        () -> Checks.nonNegative("listing.listedQuantity", listedQuantity()),
        () -> externalId().ifPresent(id -> Checks.text("listing.externalId", id, 100)),
        () -> description().ifPresent(d -> Checks.text("listing.description", d, 50_000)),
        () -> shippingProfile().ifPresent(p -> Checks.text("listing.shippingProfile", p, 100)),
        () -> url().ifPresent(u -> {
          if (!u.isAbsolute() || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
            throw RejectionException.invalid("listing.url", u, "an absolute http(s) URL");
          }
        }));
  }
}
