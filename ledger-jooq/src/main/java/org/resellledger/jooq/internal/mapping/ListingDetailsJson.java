package org.resellledger.jooq.internal.mapping;

import java.net.URI;
import java.util.Optional;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.money.Money;

/** The stored shape of {@link ListingDetails}, read back through its public builder (see {@link ItemDetailsJson}). */
record ListingDetailsJson(
    Channel channel,
    Optional<String> externalId,
    Optional<URI> url,
    String title,
    Optional<String> description,
    Money price,
    Optional<String> shippingProfile,
    int listedQuantity) {

  static ListingDetailsJson of(ListingDetails d) {
    return new ListingDetailsJson(d.channel(), d.externalId(), d.url(), d.title(), d.description(), d.price(),
        d.shippingProfile(), d.listedQuantity());
  }

  ListingDetails toDetails() {
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
