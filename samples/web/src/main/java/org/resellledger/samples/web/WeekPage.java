package org.resellledger.samples.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.resellledger.core.RejectionException;
import org.resellledger.core.report.WeeklyReview;

/**
 * The weekly review ({@link org.resellledger.core.report.Reports#weekly}) of {@code ?from=} (a day, included) to
 * {@code ?to=} (a day, excluded), in UTC, in {@code ?currency=} (USD by default): cash, refunds, fees, shipping,
 * margin, stock from the events beside the projection, stale and incomplete items, and sell-through and margin
 * by category and by acquisition source.
 *
 * <ul>
 *   <li>Without {@code from} and {@code to}, the current week from Monday (the ledger clock's day, UTC).
 *   <li>Every figure is the report's, unchanged; each folds open ({@code <details>}) to its events and their
 *       contributions. Items are stale after {@link #STALE} without a sale.
 * </ul>
 */
final class WeekPage implements Page {
  static final Duration STALE = Duration.ofDays(30);
  private final Books books;

  WeekPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Html h = new Html();
    if (books.reports().isEmpty()) {
      h.raw("<p class=\"empty\">This dashboard was started without its store, so it cannot read the review.</p>");
      return Response.ok(Layout.page(books, Urls.WEEK, "Week", h));
    }
    LocalDate monday = LocalDate.ofInstant(books.clock().instant(), ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate from = request.query("from").map(v -> day("from", v)).orElse(monday);
    LocalDate to = request.query("to").map(v -> day("to", v)).orElse(from.plusDays(7));
    Currency currency = currency(request.query("currency").orElse("USD"));
    WeeklyReview r;
    try {
      r = books.reports().get().weekly(start(from), start(to), currency, STALE);
    } catch (RejectionException e) {
      throw new WebException(400, "No review for that range: " + e.why());
    }
    h.raw("<p class=\"subtitle\">From ").text(from).raw(" to ").text(to).raw(" (excluded), UTC, in ")
        .text(currency.getCurrencyCode()).raw(". Every figure folds open to the events it sums.</p>");
    h.raw("<p><a").attr("href", range(from.minusDays(7), from, currency)).raw(">previous week</a> · <a")
        .attr("href", range(to, to.plusDays(7), currency)).raw(">next week</a></p>");

    h.raw("<section><h2>Money</h2><div class=\"figures\">");
    FigureView.figure(h, "fig-sales", "Sales", r.sales(), 2);
    FigureView.figure(h, "fig-fees", "Marketplace fees", r.fees(), 2);
    FigureView.figure(h, "fig-shipping", "Shipping spent", r.shippingSpend(), 2);
    FigureView.figure(h, "fig-refunds", "Refunds", r.refunds(), 2);
    FigureView.figure(h, "fig-margin", "Margin (sale − fees − shipping − cost)", r.margin(), 2);
    FigureView.figure(h, "fig-cash", "Cash collected", r.cashCollected(), 2);
    for (Map.Entry<String, org.resellledger.core.report.Figure> c : new java.util.TreeMap<>(r.cashByChannel())
        .entrySet()) {
      FigureView.figure(h, "fig-cash-" + c.getKey(), "Cash collected · " + c.getKey(), c.getValue(), 2);
    }
    FigureView.figure(h, "fig-fees-withheld", "Fees withheld from payouts", r.feesWithheld(), 2);
    h.raw("</div></section>");

    WeeklyReview.Stock s = r.stock();
    h.raw("<section><h2>Stock: the events beside the projection ")
        .raw(s.agrees() ? "<span class=\"badge ok\" id=\"stock-agrees\">agree</span>"
            : "<span class=\"badge bad\" id=\"stock-agrees\">disagree</span>")
        .raw("</h2><div class=\"figures\">");
    FigureView.figure(h, "fig-stock-units", "Units on hand, from the events", s.ledgerUnits(), 0);
    h.raw("<p class=\"note\">Projection: <span id=\"projection-units\">").text(s.projectionUnits())
        .raw("</span> units</p>");
    FigureView.figure(h, "fig-stock-cost", "Cost on hand, from the events", s.ledgerCost(), 2);
    h.raw("<p class=\"note\">Projection: <span id=\"projection-cost\">")
        .text(FigureView.shown(s.projectionCost(), 2)).raw("</span></p>");
    FigureView.figure(h, "fig-last-count", "Units counted, the last closed count of each location", s.lastCount(), 0);
    h.raw("</div></section>");

    h.raw("<section><h2>Items that need work</h2><div class=\"figures\">");
    FigureView.figure(h, "fig-stale", "Stale (available, no sale for " + STALE.toDays() + " days)", r.staleItems(), 0);
    FigureView.figure(h, "fig-missing-photos", "Missing photos", r.missingPhotos(), 0);
    FigureView.figure(h, "fig-missing-listings", "Available, listed nowhere", r.missingListings(), 0);
    h.raw("</div></section>");

    groups(h, "by-category", "By category", r.byCategory());
    groups(h, "by-source", "By acquisition source", r.bySource());
    return Response.ok(Layout.page(books, Urls.WEEK, "Week", h));
  }

  private static void groups(Html h, String id, String title, List<WeeklyReview.Group> groups) {
    h.raw("<section><h2>").text(title).raw("</h2><table class=\"groups\"").attr("id", id).raw(">")
        .headers("Group", "Units sold", "On hand", "Sell-through", "Margin").raw("<tbody>");
    for (WeeklyReview.Group g : groups) {
      h.raw("<tr").attr("data-group", g.name()).raw(">").td(g.name()).raw("<td>");
      FigureView.figure(h, id + "-sold-" + g.name(), "sold", g.unitsSold(), 0);
      h.raw("</td>").num(g.unitsOnHand())
          .num(g.sellThrough().multiply(java.math.BigDecimal.valueOf(100)).setScale(1,
              java.math.RoundingMode.HALF_EVEN).toPlainString() + " %")
          .raw("<td>");
      FigureView.figure(h, id + "-margin-" + g.name(), "margin", g.margin(), 2);
      h.raw("</td></tr>");
    }
    h.raw("</tbody></table></section>");
  }

  static String range(LocalDate from, LocalDate to, Currency currency) {
    return Urls.WEEK + "?from=" + from + "&to=" + to + "&currency=" + currency.getCurrencyCode();
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static LocalDate day(String name, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new WebException(400, "'" + name + "' is not a day (yyyy-mm-dd).");
    }
  }

  static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new WebException(400, "'currency' is not an ISO 4217 code.");
    }
  }
}
