package org.resellledger.core.listing;

import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;

/** The commands about an item's listings on channels. The item itself is never changed by them. */
public sealed interface ListingCommand extends Command {

  /** Create a listing of an item on a channel, as DRAFT or directly LIVE. */
  record CreateListing(Sku sku, ListingDetails details, SyncStatus status, Origin origin) implements ListingCommand {}

  /** Change a listing's details; the item itself is never changed by this. */
  record ChangeListing(ListingId listing, ListingDetails after, Origin origin) implements ListingCommand {}

  /** Move a listing's sync status; {@code error} says what failed when moving to ERROR. */
  record ChangeListingStatus(ListingId listing, SyncStatus to, Optional<String> error, Origin origin)
      implements ListingCommand {}

  /**
   * Record what the listing's channel says of it ({@link ChannelObservation}), beside the local listing and
   * never over it. Fields older (in the channel's time) than what the listing's channel view holds are left
   * out; when nothing is newer, nothing is recorded.
   */
  record RecordChannelObservation(ListingId listing, ChannelObservation observation, Origin origin)
      implements ListingCommand {}
}
