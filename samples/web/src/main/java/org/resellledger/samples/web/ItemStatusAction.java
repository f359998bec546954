package org.resellledger.samples.web;

import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.ChangeItemStatus;
import org.resellledger.core.item.ItemStatus;

/**
 * {@code POST /item/status} (fields {@code sku}, {@code to}): moves an item's status through the ledger's
 * {@code ChangeItemStatus}, as the dashboard's person; then back to the item. The ledger's transition table
 * decides; a refused move is shown with its code and changes nothing.
 */
final class ItemStatusAction implements Page {
  private final Books books;

  ItemStatusAction(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Item item = ItemPage.item(books, request.requireForm("sku"));
    ItemStatus to;
    try {
      to = ItemStatus.valueOf(request.requireForm("to"));
    } catch (IllegalArgumentException e) {
      throw new WebException(400, "Not an item status: " + request.requireForm("to") + ".");
    }
    books.ledger().execute(new ChangeItemStatus(item.sku(), to, books.origin()));
    return Response.seeOther(Urls.item(item.sku()));
  }
}
