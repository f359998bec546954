package org.resellledger.jooq.internal.mapping;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.store.Commit;

/**
 * Which listings a commit's events create or change, per item stream the events name. Only the payloads
 * marked {@code ListingFact} change a listing (core's {@code Projector}, the single fold, says
 * so), and a listing never moves within its item's order, so the other listing rows of an item already
 * stored stay as they are.
 */
public final class ListingChanges {
  private final Map<ItemId, Set<ListingId>> changed = new HashMap<>();

  private ListingChanges() {}

  public static ListingChanges of(Commit commit) {
    ListingChanges changes = new ListingChanges();
    for (LedgerEvent e : commit.events()) {
      if (e.stream().kind() != StreamId.Kind.ITEM) {
        continue;
      }
      Set<ListingId> listings = changes.changed.computeIfAbsent(ItemId.of(e.stream().id()), k -> new HashSet<>());
      listingChangedBy(e.payload()).ifPresent(listings::add);
    }
    return changes;
  }

  /**
   * The listings of {@code item} whose rows must be written when its stored row was moved in place: those
   * its events create or change; every listing when the commit has no event of the item's stream (the
   * store cannot tell then, so it writes them all).
   */
  public java.util.function.Predicate<ListingId> toWrite(ItemId item) {
    Set<ListingId> listings = changed.get(item);
    return listings == null ? id -> true : listings::contains;
  }

  private static Optional<ListingId> listingChangedBy(EventPayload p) {
    return p instanceof ListingFact l ? Optional.of(l.listing()) : Optional.empty();
  }

}
