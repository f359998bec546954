package org.resellledger.core.channel;

import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.listing.Channel;

/**
 * One channel's vocabulary in one place: turns a stored provider event of that channel into what it means
 * for the ledger ({@link Mapping}). It reads through the {@link ChannelLookup} to match (a listing by the
 * channel-id map or external id, an order by the channel's order id) and never writes; where it needs more
 * than the event carries (eBay's order, Etsy's receipt) it fetches through a port the host gives it. It
 * must answer for any body, bad ones included ({@link Mapping.Ignore} with the reason), since an exception
 * is recorded as a failure of the entry.
 */
public interface ChannelMapper {
  /** The channel whose events this mapper reads. */
  Channel channel();

  Mapping map(ProviderEvent event, ChannelLookup lookup);
}
