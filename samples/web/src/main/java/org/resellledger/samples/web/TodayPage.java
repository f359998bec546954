package org.resellledger.samples.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.report.DailyDashboard;
import org.resellledger.core.report.Figure;

/**
 * The daily dashboard ({@link org.resellledger.core.report.Reports#daily}) of {@code ?day=} (today on the ledger's
 * clock by default), in UTC and {@code ?currency=} (USD by default): what sold by channel, what must ship by
 * ship-by date, what waits for approval, and the integrations that need attention.
 *
 * <ul>
 *   <li>Every figure is the report's, unchanged, folding open to its events (buyer messages waiting, proposals
 *       waiting and the risky ones, outbox writes blocked among them); the link to the proposals page counts
 *       {@code ProposalBook.pending}.
 *   <li>Orders to ship are grouped by their ship-by day (UTC), in the report's order; those without one last.
 * </ul>
 */
final class TodayPage implements Page {
  private final Books books;

  TodayPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Html h = new Html();
    if (books.reports().isEmpty()) {
      h.raw("<p class=\"empty\">This dashboard was started without its store, so it cannot read the day.</p>");
      return Response.ok(Layout.page(books, Urls.TODAY, "Today", h));
    }
    LocalDate day = request.query("day").map(v -> WeekPage.day("day", v))
        .orElse(LocalDate.ofInstant(books.clock().instant(), ZoneOffset.UTC));
    Currency currency = WeekPage.currency(request.query("currency").orElse("USD"));
    DailyDashboard d = books.reports().get().daily(day, ZoneOffset.UTC, currency);
    h.raw("<p class=\"subtitle\">").text(day).raw(", UTC, in ").text(currency.getCurrencyCode()).raw(".</p>");

    h.raw("<section><h2>Sold today, by channel</h2>");
    if (d.soldByChannel().isEmpty()) {
      h.raw("<p class=\"empty\">Nothing sold.</p>");
    } else {
      h.raw("<table id=\"sold-by-channel\" class=\"figures\">").headers("Channel", "Orders", "Sold").raw("<tbody>");
      for (Map.Entry<String, Figure> e : new TreeMap<>(d.soldByChannel()).entrySet()) {
        Figure orders = d.ordersByChannel().get(e.getKey());
        h.raw("<tr").attr("data-channel", e.getKey()).raw(">").td(e.getKey()).raw("<td>");
        if (orders != null) {
          FigureView.figure(h, "orders-" + e.getKey(), "orders", orders, 0);
        }
        h.raw("</td><td>");
        FigureView.figure(h, "sold-" + e.getKey(), "sold", e.getValue(), 2);
        h.raw("</td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");

    h.raw("<section><h2>To ship, by ship-by date <span class=\"count\">").text(d.toShip().size())
        .raw("</span></h2>");
    if (d.toShip().isEmpty()) {
      h.raw("<p class=\"empty\">Nothing waits to ship.</p>");
    } else {
      Map<String, List<DailyDashboard.ToShip>> byDay = new LinkedHashMap<>();
      for (DailyDashboard.ToShip t : d.toShip()) {
        String key = t.shipBy().map(s -> LocalDate.ofInstant(s, ZoneOffset.UTC).toString()).orElse("no ship-by date");
        byDay.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      }
      h.raw("<table id=\"to-ship\">").headers("Ship by", "Order", "Channel", "Status", "Placed").raw("<tbody>");
      for (Map.Entry<String, List<DailyDashboard.ToShip>> e : byDay.entrySet()) {
        boolean first = true;
        for (DailyDashboard.ToShip t : e.getValue()) {
          h.raw("<tr").attr("data-order", t.order().value()).raw(">");
          if (first) {
            h.raw("<td class=\"nowrap\" rowspan=\"").raw(String.valueOf(e.getValue().size())).raw("\"><strong>")
                .text(e.getKey()).raw("</strong></td>");
            first = false;
          }
          h.td(t.order().value()).td(t.channel()).td(t.status()).cell("nowrap", ItemPage.AT.format(t.placedAt()))
              .raw("</tr>");
        }
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");

    h.raw("<section><h2>Buyer messages</h2><div class=\"figures\">");
    FigureView.figure(h, "fig-needs-reply", "Waiting for a reply (or its approval)", d.needsReply(), 0);
    h.raw("</div></section>");

    h.raw("<section><h2>Needs approval</h2><div class=\"figures\">");
    FigureView.figure(h, "fig-needs-approval", "Proposals waiting", d.needsApproval(), 0);
    FigureView.figure(h, "fig-risky-approvals", "Of them risky", d.riskyApprovals(), 0);
    h.raw("</div>");
    if (!d.approvals().isEmpty()) {
      h.raw("<table id=\"approvals\">").headers("Drafted", "Kind", "Target", "Risks", "Event").raw("<tbody>");
      for (DailyDashboard.AwaitingApproval a : d.approvals()) {
        h.raw("<tr").attr("data-proposal", a.proposal().value()).attr("data-risky", a.risky()).raw(">")
            .cell("nowrap", ItemPage.AT.format(a.draftedAt())).td(a.kind()).td(a.target())
            .td(a.risky() ? a.risks().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) : "none")
            .raw("<td><code>").text(a.event().value()).raw("</code></td></tr>");
      }
      h.raw("</tbody></table>");
    }
    if (books.proposals().isEmpty()) {
      h.raw("<p class=\"empty\">No store to read proposals from.</p>");
    } else {
      int pending = books.proposals().get().pending(ProposalsPage.LIMIT).size();
      h.raw("<p><a id=\"pending-proposals\"").attr("href", Urls.PROPOSALS).raw(">").text(
          pending + (pending == ProposalsPage.LIMIT ? "+" : "") + (pending == 1 ? " proposal" : " proposals")
              + " waiting for a decision").raw("</a></p>");
    }
    h.raw("</section>");

    h.raw("<section><h2>Integrations needing attention</h2>");
    if (books.inbox().isEmpty()) {
      h.raw("<p class=\"empty\">This store keeps no inbox.</p>");
    } else {
      h.raw("<p id=\"inbox-waiting\">");
      for (InboxState s : List.of(InboxState.PARKED, InboxState.HELD, InboxState.FAILED)) {
        h.raw("<a").attr("href", Urls.INBOX).raw(">").text(s).raw("</a> ").text(d.inboxWaiting().getOrDefault(s, 0))
            .raw(" &nbsp; ");
      }
      h.raw("</p>");
    }
    h.raw("<div class=\"figures\">");
    FigureView.figure(h, "fig-blocked-writes", "Outbox writes blocked", d.blockedWrites(), 0);
    h.raw("</div>");
    if (!d.blocked().isEmpty()) {
      h.raw("<table id=\"blocked-writes\">").headers("Proposal", "Kind", "Target", "Channel", "Attempts", "Last error",
          "Event").raw("<tbody>");
      for (DailyDashboard.BlockedWrite b : d.blocked()) {
        h.raw("<tr").attr("data-proposal", b.proposal().value()).raw(">").td(b.proposal().value()).td(b.kind())
            .td(b.target()).td(b.channel()).num(b.attempts()).td(b.lastError()).raw("<td><code>")
            .text(b.event().value()).raw("</code></td></tr>");
      }
      h.raw("</tbody></table>");
    }
    if (d.syncErrors().isEmpty()) {
      h.raw("<p class=\"empty\">No listing in sync error.</p>");
    } else {
      h.raw("<table id=\"sync-errors\">").headers("Item", "Listing", "Channel", "Error").raw("<tbody>");
      for (DailyDashboard.SyncError e : d.syncErrors()) {
        h.raw("<tr><td>").link(Urls.ITEM + "?sku=" + Urls.encode(e.sku()), e.sku()).raw("</td>")
            .td(e.listing().value()).td(e.channel()).td(e.error()).raw("</tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");

    if (!d.valueChanges().isEmpty()) {
      h.raw("<section><h2>Market value changes</h2><table id=\"value-changes\">")
          .headers("Item", "Before", "After", "Event").raw("<tbody>");
      for (DailyDashboard.ValueChange v : d.valueChanges()) {
        h.raw("<tr><td>").link(Urls.ITEM + "?sku=" + Urls.encode(v.sku()), v.sku()).raw("</td>")
            .td(v.before().map(Object::toString).orElse("")).td(v.after()).raw("<td><code>").text(v.event().value())
            .raw("</code></td></tr>");
      }
      h.raw("</tbody></table></section>");
    }
    return Response.ok(Layout.page(books, Urls.TODAY, "Today", h));
  }
}
