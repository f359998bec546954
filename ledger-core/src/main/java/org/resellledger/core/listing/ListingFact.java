package org.resellledger.core.listing;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.FieldChange;

/**
 * A fact about one listing of an item, in the item's stream: these, and only these, create or change a
 * listing, so a store that keeps listings apart from their item writes the listing such an event names.
 */
public sealed interface ListingFact extends EventPayload {
  ListingId listing();

  /** A listing of the item was created. */
  record ListingCreated(ListingId listing, ListingDetails details, SyncStatus status) implements ListingFact {}

  /** A listing's details changed (price, title, listed quantity...). */
  record ListingChanged(ListingId listing, List<FieldChange> changes, ListingDetails after)
      implements ListingFact {}

  /** A listing's sync status moved; {@code error} says what went wrong when it moved to ERROR. */
  record ListingStatusChanged(ListingId listing, SyncStatus from, SyncStatus to, Optional<String> error)
      implements ListingFact {}

  /** The listing's channel said this of it (only the fields newer than its channel view held). */
  record ChannelObserved(ListingId listing, ChannelObservation observation) implements ListingFact {}
}
