package org.resellledger.testkit.gen;

import java.net.URI;
import java.util.Optional;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.money.Money;

/**
 * A mutable copy of {@link ListingDetails}, for changing one field of existing listing details (the core
 * builder is strict). {@link #build()} runs every check of {@link ListingDetails}.
 */
public final class ListingDraft {
  public Channel channel;
  public Optional<String> externalId = Optional.empty();
  public Optional<URI> url = Optional.empty();
  public String title;
  public Optional<String> description = Optional.empty();
  public Money price;
  public Optional<String> shippingProfile = Optional.empty();
  public int listedQuantity;

  /** A draft holding every field of {@code details}. */
  public static ListingDraft of(ListingDetails details) {
    ListingDraft d = new ListingDraft();
    d.channel = details.channel();
    d.externalId = details.externalId();
    d.url = details.url();
    d.title = details.title();
    d.description = details.description();
    d.price = details.price();
    d.shippingProfile = details.shippingProfile();
    d.listedQuantity = details.listedQuantity();
    return d;
  }

  /** Builds checked details; a bad field fails with the same {@code RejectionException} users get. */
  public ListingDetails build() {
    return ListingDetails.builder()
        .channel(channel)
        .externalId(externalId)
        .url(url)
        .title(title)
        .description(description)
        .price(price)
        .shippingProfile(shippingProfile)
        .listedQuantity(listedQuantity)
        .build();
  }
}
