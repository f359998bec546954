package org.resellledger.core.listing.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Diff;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.internal.ItemRules;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.listing.ExternalIdFormat;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.listing.ListingFact.*;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.value.Checks;

/** Decides the listing commands; checks in the precedence order of {@code RejectionCode}. */
final class ListingHandlers {
  private ListingHandlers() {}

  static void create(CreateListing x, Tx tx) {
    Checks.present("details", x.details());
    Rules.oneOf("status", x.status(), EnumSet.of(SyncStatus.DRAFT, SyncStatus.LIVE));
    Item item = Items.item(tx, x.sku());
    ListingId id = ListingId.of(tx.newId());
    x.details().externalId().ifPresent(external -> ExternalIdFormat.check(x.details().channel(), external));
    ListingRules.requireFreeExternalId(tx, x.details(), id);
    ItemRules.notArchived(item);
    if (x.status() == SyncStatus.LIVE) {
      ListingRules.photosForPublishing(item, tx.config());
    }
    Items.fact(tx, item, new ListingCreated(id, x.details(), x.status()), null, id, null);
  }

  static void change(ChangeListing x, Tx tx) {
    Checks.present("details", x.after());
    Item item = Items.ofListing(tx, x.listing());
    Listing listing = item.listing(x.listing()).orElseThrow();
    if (!listing.details().channel().equals(x.after().channel())) {
      throw RejectionException.invalid("channel", x.after().channel(),
          "a listing stays on its channel " + listing.details().channel());
    }
    if (!x.after().externalId().equals(listing.details().externalId())) {
      x.after().externalId().ifPresent(external -> ExternalIdFormat.check(x.after().channel(), external));
    }
    ListingRules.requireFreeExternalId(tx, x.after(), x.listing());
    ItemRules.notArchived(item);
    List<FieldChange> changes = Diff.of(ListingRules.FIELDS, listing.details(), x.after());
    if (!changes.isEmpty()) {
      Items.fact(tx, item, new ListingChanged(x.listing(), changes, x.after()), null, x.listing(), null);
    }
  }

  static void changeStatus(ChangeListingStatus x, Tx tx) {
    Checks.present("to", x.to());
    Optional<String> error = Checks.present("error", x.error()).map(e -> Checks.text("error", e, 2000));
    Item item = Items.ofListing(tx, x.listing());
    Listing listing = item.listing(x.listing()).orElseThrow();
    ItemRules.notArchived(item);
    ListingRules.listingMove(listing.status(), x.to(), x.listing());
    if (x.to() == SyncStatus.LIVE) {
      ListingRules.photosForPublishing(item, tx.config());
    }
    Items.fact(tx, item, new ListingStatusChanged(x.listing(), listing.status(), x.to(),
        x.to() == SyncStatus.ERROR ? error : Optional.empty()), null, x.listing(), null);
  }

  static void observe(RecordChannelObservation x, Tx tx) {
    Checks.present("observation", x.observation());
    Item item = Items.ofListing(tx, x.listing());
    Listing listing = item.listing(x.listing()).orElseThrow();
    listing.channel().newerPart(x.observation()).ifPresent(newer ->
        Items.fact(tx, item, new ChannelObserved(x.listing(), newer), null, x.listing(), null));
  }
}
