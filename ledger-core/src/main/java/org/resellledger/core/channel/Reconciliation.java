package org.resellledger.core.channel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.Ledger;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.value.Checks;

/**
 * Where a channel and the ledger disagree about the channel's listings: given a {@link ChannelSnapshot},
 * a report per listing with the figures on both sides, each ledger figure with the event it comes from.
 * Reads only; what to do about a disagreement is a person's call (or a proposal's).
 *
 * <ul>
 *   <li>A row is matched to a listing as a mapper matches ({@link ChannelLookup#listing(ChannelRef)}: the
 *       channel-id map, else the listing's external id); a row that matches none is {@code unknown}.
 *   <li>Compared: the channel's quantity with the listing's listed quantity, its status with the listing's,
 *       its price with the listing's. A channel quantity above what the item has available is reported too
 *       ({@code available}), with the item's last movement as evidence: the channel offers units that are not there.
 *   <li>A LIVE listing of the channel that no row matched is {@code missing}: the ledger thinks it is for sale.
 * </ul>
 */
public final class Reconciliation {
  private Reconciliation() {}

  /** One field of one listing where the two sides differ. */
  public record Difference(ListingId listing, ChannelRef ref, String field, String channel, String ledger,
      Optional<EventId> evidence) {}

  /** The whole comparison: the differences, the rows that match no listing, the LIVE listings no row matched. */
  public record Report(ChannelSnapshot snapshot, List<Difference> differences, List<ChannelRef> unknown,
      List<ListingId> missing) {
    public Report {
      differences = List.copyOf(differences);
      unknown = List.copyOf(unknown);
      missing = List.copyOf(missing);
    }

    /** Whether the channel and the ledger agree on everything compared. */
    public boolean agrees() {
      return differences.isEmpty() && unknown.isEmpty() && missing.isEmpty();
    }
  }

  public static Report compare(Ledger ledger, ChannelLinkStore links, ChannelSnapshot snapshot) {
    Checks.present("ledger", ledger);
    Checks.present("links", links);
    Checks.present("snapshot", snapshot);
    List<Difference> differences = new ArrayList<>();
    List<ChannelRef> unknown = new ArrayList<>();
    Set<ListingId> matched = new HashSet<>();
    for (ChannelSnapshot.Row row : snapshot.rows()) {
      Optional<Listing> found = ChannelLookup.listing(ledger, links, row.ref());
      if (found.isEmpty()) {
        unknown.add(row.ref());
        continue;
      }
      Listing listing = found.get();
      matched.add(listing.id());
      Item item = ledger.itemOfListing(listing.id()).orElseThrow();
      List<HistoryEntry> history = ledger.history(item.sku());
      differ(differences, listing, row, "listedQuantity", row.quantity(), listing.details().listedQuantity(), history);
      differ(differences, listing, row, "status", row.status(), listing.status(), history);
      differ(differences, listing, row, "price", row.price(), listing.details().price(), history);
      row.quantity().filter(q -> q > item.available()).ifPresent(q -> differences.add(new Difference(listing.id(),
          row.ref(), "available", String.valueOf(q), String.valueOf(item.available()), lastMovement(history))));
    }
    List<ListingId> missing = ledger.items().stream().flatMap(i -> i.listings().values().stream())
        .filter(l -> l.details().channel().equals(snapshot.channel()) && l.status() == SyncStatus.LIVE)
        .map(Listing::id).filter(id -> !matched.contains(id)).toList();
    return new Report(snapshot, differences, unknown, missing);
  }

  private static <T> void differ(List<Difference> out, Listing listing, ChannelSnapshot.Row row, String field,
      Optional<T> channel, T ledger, List<HistoryEntry> history) {
    channel.filter(c -> !Objects.equals(c, ledger)).ifPresent(c -> out.add(new Difference(listing.id(), row.ref(),
        field, String.valueOf(c), String.valueOf(ledger), lastSet(history, listing.id(), field))));
  }

  /** The latest event of the listing that set {@code field}: its creation, a change of that field, a status move. */
  private static Optional<EventId> lastSet(List<HistoryEntry> history, ListingId listing, String field) {
    EventId last = null;
    for (HistoryEntry h : history) {
      LedgerEvent e = h.event();
      if (e.payload() instanceof ListingFact f && f.listing().equals(listing) && sets(f, field)) {
        last = e.id();
      }
    }
    return Optional.ofNullable(last);
  }

  private static boolean sets(ListingFact f, String field) {
    if (f instanceof ListingFact.ListingCreated) {
      return true;
    }
    if (f instanceof ListingFact.ListingChanged c) {
      return c.changes().stream().anyMatch(ch -> ch.field().equals(field));
    }
    return f instanceof ListingFact.ListingStatusChanged && field.equals("status");
  }

  private static Optional<EventId> lastMovement(List<HistoryEntry> history) {
    EventId last = null;
    for (HistoryEntry h : history) {
      if (h.event().movement().isPresent()) {
        last = h.event().id();
      }
    }
    return Optional.ofNullable(last);
  }
}
