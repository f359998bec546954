package org.resellledger.core.item;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;

/**
 * An item as it stands now: the projection of its event stream.
 *
 * <ul>
 *   <li>{@code balances} are conserved and never negative on hand.
 *   <li>{@code version} is the number of events in the item's stream.
 *   <li>{@code costBasis} in the details covers {@code lotUnits} units; splits and merges move cost out in
 *       exact parts.
 *   <li>Replaying the stream gives back an equal Item.
 * </ul>
 */
public record Item(
    ItemId id,
    ItemDetails details,
    ItemStatus status,
    Balances balances,
    Map<ListingId, Listing> listings,
    List<SaleConflict> conflicts,
    long lotUnits,
    long version) {

  public Item {
    listings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(listings));
    conflicts = List.copyOf(conflicts);
  }

  public Sku sku() {
    return details.sku();
  }

  /** Units physically with the seller. */
  public long quantity() {
    return balances.onHand();
  }

  public long available() {
    return balances.available();
  }

  public boolean archived() {
    return status == ItemStatus.ARCHIVED;
  }

  public boolean hasConflict() {
    return !conflicts.isEmpty();
  }

  public Optional<Listing> listing(ListingId id) {
    return Optional.ofNullable(listings.get(id));
  }

  public boolean hasLiveListing() {
    return listings.values().stream().anyMatch(l -> l.status() == SyncStatus.LIVE);
  }
}
