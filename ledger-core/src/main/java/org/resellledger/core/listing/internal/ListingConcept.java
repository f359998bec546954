package org.resellledger.core.listing.internal;

import static org.resellledger.core.ledger.StreamId.Kind.ITEM;

import java.util.Optional;
import java.util.stream.Stream;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.internal.ItemFold;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.listing.ListingFact.*;

/**
 * The listing concept's registration. Listings live in their item's stream: their facts fold into the
 * item's map of listings.
 */
public final class ListingConcept {
  private ListingConcept() {}

  public static void register(Registry r) {
    r.handle(CreateListing.class, ListingHandlers::create, c -> Stream.ofNullable(c.sku()));
    r.handle(ChangeListing.class, ListingHandlers::change);
    r.handle(ChangeListingStatus.class, ListingHandlers::changeStatus);
    r.handle(RecordChannelObservation.class, ListingHandlers::observe);

    r.fold(ListingCreated.class, ITEM, ListingConcept::created);
    r.fold(ListingChanged.class, ITEM, ListingConcept::changed);
    r.fold(ListingStatusChanged.class, ITEM, ListingConcept::statusChanged);
    r.fold(ChannelObserved.class, ITEM, ListingConcept::observed);
  }

  private static Item created(Item item, LedgerEvent e, ListingCreated p) {
    ItemFold.Next n = ItemFold.next(item, e);
    return n.listing(new Listing(p.listing(), n.id(), p.details(), p.status(), Optional.empty())).build();
  }

  private static Item changed(Item item, LedgerEvent e, ListingChanged p) {
    ItemFold.Next n = ItemFold.next(item, e);
    return n.listing(n.listings().get(p.listing()).withDetails(p.after())).build();
  }

  private static Item statusChanged(Item item, LedgerEvent e, ListingStatusChanged p) {
    ItemFold.Next n = ItemFold.next(item, e);
    return n.listing(n.listings().get(p.listing()).withStatus(p.to(), p.error())).build();
  }

  private static Item observed(Item item, LedgerEvent e, ChannelObserved p) {
    ItemFold.Next n = ItemFold.next(item, e);
    Listing listing = n.listings().get(p.listing());
    return n.listing(listing.withChannel(listing.channel().with(p.observation(), e.id()))).build();
  }
}
