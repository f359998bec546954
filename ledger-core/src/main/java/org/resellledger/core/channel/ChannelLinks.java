package org.resellledger.core.channel;

import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;

/** The channel-id map's rules, which every {@link ChannelLinkStore} applies the same way. */
public final class ChannelLinks {
  private ChannelLinks() {}

  /** The order {@link ChannelLinkStore#linksTo} returns links in: by channel, kind, then id. */
  public static final java.util.Comparator<ChannelLink> ORDER = java.util.Comparator
      .comparing((ChannelLink l) -> l.ref().channel().code()).thenComparing(l -> l.ref().kind())
      .thenComparing(l -> l.ref().id());

  /** The link a store is asked to keep, or refused {@code MISSING_FIELD} naming it. */
  public static ChannelLink requireLink(ChannelLink link) {
    return org.resellledger.core.value.Checks.present("link", link);
  }

  /** The ref a store is asked to read, or refused {@code MISSING_FIELD} naming it. */
  public static ChannelRef requireRef(ChannelRef ref) {
    return org.resellledger.core.value.Checks.present("ref", ref);
  }

  /** The listing a store is asked for the links of, or refused {@code MISSING_FIELD} naming it. */
  public static org.resellledger.core.listing.ListingId requireListing(org.resellledger.core.listing.ListingId listing) {
    return org.resellledger.core.value.Checks.present("listing", listing);
  }

  /**
   * What linking {@code wanted} does given the link already kept for its ref, if any: the kept one when it
   * names the same listing, else refused {@link RejectionCode#CHANNEL_ID_TAKEN}.
   */
  public static ChannelLink link(WorkspaceId workspace, java.util.Optional<ChannelLink> kept, ChannelLink wanted) {
    requireLink(wanted);
    if (kept.isEmpty()) {
      return wanted;
    }
    if (kept.get().listing().equals(wanted.listing())) {
      return kept.get();
    }
    throw new RejectionException(RejectionCode.CHANNEL_ID_TAKEN, "channelId", wanted.ref(),
        "already linked to listing " + kept.get().listing() + " in workspace " + workspace
            + "; a channel id stands for one listing");
  }
}
