package org.resellledger.samples.web;

import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;

/**
 * {@code POST /listing/end} (field {@code listing}): records that a listing ended on its channel, through the
 * ledger's {@code ChangeListingStatus} to {@code ENDED}, as the dashboard's person; then back to the item's
 * listings. It writes nothing to the channel: that is a proposal's job.
 */
final class ListingEndAction implements Page {
  private final Books books;

  ListingEndAction(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    ListingId id;
    try {
      id = ListingId.of(request.requireForm("listing"));
    } catch (RejectionException e) {
      throw new WebException(400, "Not a listing id: " + e.why());
    }
    Item item = books.ledger().itemOfListing(id)
        .orElseThrow(() -> new WebException(404, "No listing has the id " + id + "."));
    books.ledger().execute(new ChangeListingStatus(id, SyncStatus.ENDED, Optional.empty(), books.origin()));
    return Response.seeOther(Urls.listings(item.sku()));
  }
}
