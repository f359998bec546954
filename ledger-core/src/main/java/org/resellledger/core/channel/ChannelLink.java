package org.resellledger.core.channel;

import java.time.Instant;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.value.Checks;

/** One entry of the channel-id map: the channel's id {@code ref} stands for {@code listing}, said by whom and when. */
public record ChannelLink(ChannelRef ref, ListingId listing, Actor linkedBy, Instant linkedAt) {
  public ChannelLink {
    Checks.present("ref", ref);
    Checks.present("listing", listing);
    Checks.present("linkedBy", linkedBy);
    Checks.instant("linkedAt", linkedAt);
  }
}
