package org.resellledger.samples.web;

import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The charts, in SVG written by hand: sales and margin by week (one chart per currency, the last
 * {@value #WEEKS} weeks with a sale), and sell-through by category and by acquisition source; each chart
 * has a table of the same figures under it.
 */
final class ChartsPage implements Page {
  static final int WEEKS = 12;
  private final Books books;

  ChartsPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Figures f = Figures.read(books.ledger());
    Html h = new Html();
    Map<Currency, List<Figures.Week>> weeks = f.weeks();
    h.raw("<section><h2>Sales and margin by week</h2>");
    if (weeks.isEmpty()) {
      h.raw(Svg.weekly(List.of(), "USD", WEEKS));
    }
    for (Map.Entry<Currency, List<Figures.Week>> e : weeks.entrySet()) {
      String code = e.getKey().getCurrencyCode();
      List<Figures.Week> list = e.getValue();
      h.raw("<figure>").raw(Svg.weekly(list, code, WEEKS)).raw("</figure>");
      h.raw("<table class=\"figures\"").attr("id", "weeks-" + code.toLowerCase(java.util.Locale.ROOT)).raw(">")
          .headers("Week of", "Orders", "Sales", "Margin").raw("<tbody>");
      for (Figures.Week w : list.subList(Math.max(0, list.size() - WEEKS), list.size())) {
        h.raw("<tr").attr("data-week", w.monday()).raw(">").td(w.monday()).num(w.orders()).num(w.sales())
            .num(w.margin()).raw("</tr>");
      }
      h.raw("</tbody></table>");
      int without = list.stream().mapToInt(Figures.Week::withoutMargin).sum();
      if (without > 0) {
        h.raw("<p class=\"note\">").text(without + " order(s) in " + code + " have no margin: an item of theirs"
            + " keeps its cost basis in another currency, and amounts are never mixed.").raw("</p>");
      }
    }
    h.raw("<p class=\"note\">Margin: sales less refunds, marketplace fees, shipping spent and the cost basis of"
        + " the units sold. Cancelled orders are left out.</p></section>");

    sellThrough(h, "category", "Sell-through by category", f.byCategory());
    sellThrough(h, "source", "Sell-through by acquisition source", f.bySource());
    return Response.ok(Layout.page(books, Urls.CHARTS, "Charts", h));
  }

  private static void sellThrough(Html h, String id, String title, List<Figures.SellThrough> rows) {
    h.raw("<section><h2>").text(title).raw("</h2><figure>")
        .raw(Svg.sellThrough("chart-" + id, title, rows)).raw("</figure>");
    h.raw("<table class=\"figures\"").attr("id", "sell-through-" + id).raw(">")
        .headers("Group", "Sold", "Unsold on hand", "Sell-through").raw("<tbody>");
    for (Figures.SellThrough r : rows) {
      h.raw("<tr").attr("data-group", r.group()).raw(">").td(r.group()).num(r.sold()).num(r.unsold())
          .num(r.percent() + "%").raw("</tr>");
    }
    h.raw("</tbody></table></section>");
  }
}
