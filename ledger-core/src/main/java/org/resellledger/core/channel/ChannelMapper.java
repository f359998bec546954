package org.resellledger.core.channel;

import org.resellledger.core.Ledger;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.listing.Channel;

/**
 * One channel's vocabulary in one place: turns a stored provider event of that channel into what it means
 * for the ledger ({@link Mapping}). It reads the ledger to match (a listing by external id, an order by the
 * channel's order id) and never writes; it must answer for any body, bad ones included ({@link Mapping.Ignore}
 * with the reason), since an exception is recorded as a failure of the entry.
 */
public interface ChannelMapper {
  /** The channel whose events this mapper reads. */
  Channel channel();

  Mapping map(ProviderEvent event, Ledger ledger);
}
