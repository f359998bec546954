package org.resellledger.samples.web;

import java.util.List;
import org.resellledger.core.item.Item;

/**
 * Every item by SKU (archived ones only with {@code ?archived=show}): title, category, status, units on hand
 * and available, cost basis, listings, and a flag when it carries a double-sale conflict.
 */
final class ItemsPage implements Page {
  private final Books books;

  ItemsPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    boolean archived = request.query("archived").filter("show"::equals).isPresent();
    List<Item> items = books.ledger().items().stream().filter(i -> archived || !i.archived()).toList();
    Html h = new Html().raw("<p>").text(items.size()).raw(" item(s). ")
        .link(archived ? Urls.ITEMS : Urls.ITEMS + "?archived=show",
            archived ? "Hide archived items" : "Show archived items too")
        .raw("</p>");
    h.raw("<table id=\"items\">")
        .headers("SKU", "Title", "Category", "Status", "On hand", "Available", "Cost basis", "Listings", "")
        .raw("<tbody>");
    for (Item i : items) {
      h.raw("<tr").attr("data-sku", i.sku()).raw("><td>").link(Urls.item(i.sku()), i.sku()).raw("</td>")
          .td(i.details().title()).td(i.details().category()).td(i.status())
          .num(i.quantity()).num(i.available()).num(i.details().costBasis())
          .raw("<td>").link(Urls.listings(i.sku()), i.listings().size() + " listing(s)").raw("</td>")
          .raw("<td>").raw(i.hasConflict() ? "<span class=\"badge bad\">double sale</span>" : "").raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    return Response.ok(Layout.page(books, Urls.ITEMS, "Items", h));
  }
}
