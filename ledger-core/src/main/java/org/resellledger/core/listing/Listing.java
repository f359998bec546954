package org.resellledger.core.listing;

import java.util.Optional;
import org.resellledger.core.item.ItemId;

/** A listing as it stands now: its details, its sync status and the last sync error if it is in ERROR. */
public record Listing(
    ListingId id, ItemId item, ListingDetails details, SyncStatus status, Optional<String> lastError) {

  public Listing withDetails(ListingDetails newDetails) {
    return new Listing(id, item, newDetails, status, lastError);
  }

  public Listing withStatus(SyncStatus newStatus, Optional<String> error) {
    return new Listing(id, item, details, newStatus, error);
  }
}
