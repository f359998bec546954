package org.resellledger.samples.web;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderLine;

/**
 * The overview: the stock in figures (items, units on hand and available, live listings, cost basis on hand,
 * open orders, inbox entries waiting), what sold today, and the items that need work. Each figure has an
 * element id ({@code fig-...}) so a test can read it.
 */
final class OverviewPage implements Page {
  private final Books books;

  OverviewPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Figures f = Figures.read(books.ledger());
    Figures.Stock s = f.stock();
    LocalDate today = Figures.day(books.clock().instant());
    long open = f.orders().stream().filter(o -> o.status().beforeHandover()).count();

    Html h = new Html().raw("<section class=\"cards\">");
    card(h, "fig-items", "Items", s.activeItems(), s.archivedItems() + " archived");
    card(h, "fig-on-hand", "Units on hand", s.onHand(), null);
    card(h, "fig-available", "Available", s.available(), null);
    card(h, "fig-live-listings", "Live listings", s.liveListings(), null);
    card(h, "fig-cost-on-hand", "Cost basis on hand", s.costOnHand().isEmpty() ? "0" : join(s.costOnHand()), null);
    card(h, "fig-open-orders", "Orders to hand over", open, null);
    books.inbox().ifPresent(inbox -> card(h, "fig-parked", "Inbox entries waiting",
        InboxPage.count(books, inbox, InboxState.PARKED) + InboxPage.count(books, inbox, InboxState.HELD)
            + InboxPage.count(books, inbox, InboxState.FAILED), null));
    h.raw("</section>");

    List<Order> sold = f.soldOn(today);
    h.raw("<section><h2>Sold today, ").text(today).raw("</h2>");
    if (sold.isEmpty()) {
      h.raw("<p class=\"empty\">Nothing sold today.</p>");
    } else {
      Map<Currency, Money> total = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
      h.raw("<table id=\"sold-today\">").headers("Channel", "Order", "Items", "Sales", "Fees", "Status").raw("<tbody>");
      for (Order o : sold) {
        total.merge(o.salePrice().currency(), o.salePrice(), Money::plus);
        h.raw("<tr>").td(o.channel()).td(o.externalOrderId().orElse("local sale")).raw("<td>");
        for (OrderLine line : o.lines()) {
          h.raw("<div>").text(line.quantity() + " × ").link(Urls.item(line.sku()), line.sku()).raw(" ")
              .text(f.item(line.item()).map(i -> i.details().title()).orElse("")).raw("</div>");
        }
        h.raw("</td>").num(o.salePrice()).num(o.fees()).td(o.status()).raw("</tr>");
      }
      h.raw("</tbody></table><p>Sales today: <strong id=\"fig-sold-today\">").text(join(total))
          .raw("</strong> in ").text(sold.size()).raw(" order(s).</p>");
    }
    h.raw("</section>");

    List<Figures.Work> work = f.work();
    h.raw("<section><h2>Needs work</h2>");
    if (work.isEmpty()) {
      h.raw("<p class=\"empty\">Nothing waits for you.</p>");
    } else {
      h.raw("<table id=\"needs-work\">").headers("SKU", "Title", "Status", "Why").raw("<tbody>");
      for (Figures.Work w : work) {
        h.raw("<tr><td>").link(Urls.item(w.item().sku()), w.item().sku()).raw("</td>")
            .td(w.item().details().title()).td(w.item().status()).raw("<td><ul class=\"reasons\">");
        w.reasons().forEach(r -> h.el("li", r));
        h.raw("</ul></td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");
    return Response.ok(Layout.page(books, Urls.OVERVIEW, "Overview", h));
  }

  private static void card(Html h, String id, String label, Object figure, String note) {
    h.raw("<div class=\"card\"><div class=\"label\">").text(label).raw("</div><div class=\"figure\"")
        .attr("id", id).raw(">").text(figure).raw("</div>");
    if (note != null) {
      h.raw("<div class=\"note\">").text(note).raw("</div>");
    }
    h.raw("</div>");
  }

  static String join(Map<Currency, Money> amounts) {
    return amounts.values().stream().map(Money::toString).collect(java.util.stream.Collectors.joining(" + "));
  }
}
