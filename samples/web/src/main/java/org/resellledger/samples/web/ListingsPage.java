package org.resellledger.samples.web;

import org.resellledger.core.item.Item;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDiscrepancy;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;

/**
 * The listings of one item ({@code ?sku=}): each channel's title, price, listed quantity and status as the
 * ledger keeps them, where the channel's own word disagrees (field, both figures, when the channel said it,
 * the recording event), and a button to mark a listing ended.
 */
final class ListingsPage implements Page {
  private final Books books;

  ListingsPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Item item = ItemPage.item(books, request.requireQuery("sku"));
    Html h = new Html().raw("<p class=\"subtitle\">").link(Urls.item(item.sku()), item.sku()).raw(" · ")
        .text(item.details().title()).raw(" · ").text(item.available()).raw(" available</p>");
    if (item.listings().isEmpty()) {
      h.raw("<p class=\"empty\">No listings yet.</p>");
    }
    for (Listing l : item.listings().values()) {
      ListingDetails d = l.details();
      h.raw("<section class=\"listing\"").attr("id", "listing-" + l.id().value()).raw("><h2>").text(d.channel())
          .raw(" <span class=\"badge\">").text(l.status()).raw("</span></h2><table class=\"kv\">")
          .headers("Title", "Price", "Listed quantity", "External id", "Last error").raw("<tbody><tr>")
          .td(d.title()).num(d.price()).num(d.listedQuantity()).td(d.externalId().orElse(""))
          .td(l.lastError().orElse("")).raw("</tr></tbody></table>");
      if (l.discrepancies().isEmpty()) {
        h.raw("<p class=\"ok\">The channel's word agrees (or it said nothing).</p>");
      } else {
        h.raw("<table class=\"discrepancies\">")
            .headers("Field", "Ledger", "Channel says", "Channel's time", "Recorded by event").raw("<tbody>");
        for (ListingDiscrepancy x : l.discrepancies()) {
          h.raw("<tr class=\"disagree\">").td(x.field()).td(x.local()).td(x.channel())
              .td(ItemPage.AT.format(x.channelAt())).td(x.evidence()).raw("</tr>");
        }
        h.raw("</tbody></table>");
      }
      if (l.status().canMoveTo(SyncStatus.ENDED)) {
        h.raw("<form method=\"post\" class=\"inline\"").attr("action", Urls.LISTING_END).raw(">");
        Layout.csrf(h, request);
        h.raw("<input type=\"hidden\" name=\"listing\"").attr("value", l.id().value()).raw(">")
            .raw("<button type=\"submit\">Mark ended on ").text(d.channel()).raw("</button></form>");
      }
      h.raw("</section>");
    }
    return Response.ok(Layout.page(books, Urls.ITEMS, "Listings of " + item.sku(), h));
  }
}
