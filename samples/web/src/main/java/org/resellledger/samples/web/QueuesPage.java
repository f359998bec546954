package org.resellledger.samples.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;

/**
 * The exception queues ({@link org.resellledger.core.queue.Queues#top}): every entry most urgent first, with its
 * queue, subject, summary, suggested action, figures and the ids of the events it comes from.
 *
 * <ul>
 *   <li>The order is the queues' own: this page never sorts or filters what {@code top} returns.
 *   <li>An item's SKU links to its page, with the item's title; an order links to the pages of the items on its
 *       lines; an inbox entry to the inbox. Every value (titles, summaries, figures, errors) is escaped.
 * </ul>
 */
final class QueuesPage implements Page {
  static final int LIMIT = 200;
  private static final Set<QueueKind> ORDER_KINDS =
      EnumSet.of(QueueKind.LATE_SHIPMENT, QueueKind.MISSING_TRACKING, QueueKind.RETURN_DEADLINE);
  /** Queues whose subject is a proposal id, shown on the proposals page. */
  private static final Set<QueueKind> PROPOSAL_KINDS =
      EnumSet.of(QueueKind.BLOCKED_WRITE, QueueKind.RISKY_CHANGE, QueueKind.STALE_APPROVAL);
  private final Books books;

  QueuesPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Html h = new Html();
    if (books.queues().isEmpty()) {
      h.raw("<p class=\"empty\">This dashboard was started without its store, so it cannot read the queues.</p>");
      return Response.ok(Layout.page(books, Urls.QUEUES, "Queues", h));
    }
    List<QueueEntry> entries = books.queues().get().top(LIMIT);
    h.raw("<section><h2>Needs a person, most urgent first <span class=\"count\">")
        .text(entries.size() + (entries.size() == LIMIT ? "+" : "")).raw("</span></h2>");
    if (entries.isEmpty()) {
      h.raw("<p class=\"empty\">Nothing waits.</p></section>");
      return Response.ok(Layout.page(books, Urls.QUEUES, "Queues", h));
    }
    h.raw("<table id=\"queues\" class=\"queues\">")
        .headers("#", "Queue", "Subject", "What", "Suggested action", "Figures", "Evidence").raw("<tbody>");
    int n = 0;
    for (QueueEntry e : entries) {
      n++;
      int priority = e.kind().priority();
      h.raw("<tr").attr("data-kind", e.kind().name()).attr("data-subject", e.subject()).raw(">").num(n)
          .raw("<td><span class=\"badge").raw(priority <= 2 ? " bad" : priority <= 4 ? " warn" : "").raw("\">")
          .text(e.kind()).raw("</span> <span class=\"note\">P").text(priority).raw("</span></td>");
      subject(h, e);
      h.raw("<td class=\"summary\">").text(e.summary());
      e.due().ifPresent(d -> h.raw("<div class=\"note\">due ").text(ItemPage.AT.format(d)).raw("</div>"));
      h.raw("</td><td class=\"action\">").text(e.suggestedAction()).raw("</td><td class=\"figures\">");
      for (Map.Entry<String, String> f : e.figures().entrySet()) {
        h.raw("<div><code>").text(f.getKey()).raw("</code> ").text(f.getValue()).raw("</div>");
      }
      h.raw("</td><td class=\"evidence\">");
      for (EventId id : e.evidence()) {
        h.raw("<div><code>").text(id.value()).raw("</code></div>");
      }
      h.raw("</td></tr>");
    }
    h.raw("</tbody></table></section>");
    return Response.ok(Layout.page(books, Urls.QUEUES, "Queues", h));
  }

  private void subject(Html h, QueueEntry e) {
    h.raw("<td class=\"subject\">");
    if (e.kind() == QueueKind.UNMATCHED_PROVIDER_EVENT) {
      h.link(Urls.INBOX, e.subject());
    } else if (PROPOSAL_KINDS.contains(e.kind())) {
      h.link(Urls.PROPOSALS, e.subject());
    } else if (e.kind() == QueueKind.UNCOUNTED_LOCATION) {
      h.text(e.subject()); // a storage location, not a record with a page of its own
    } else if (ORDER_KINDS.contains(e.kind())) {
      h.text(e.subject());
      order(e.subject()).ifPresent(o -> o.lines().stream().map(OrderLine::sku).distinct()
          .forEach(sku -> h.raw("<div>").link(Urls.item(sku), sku.value()).raw("</div>")));
    } else {
      Sku sku = Sku.of(e.subject());
      h.link(Urls.item(sku), e.subject());
      books.ledger().item(sku).ifPresent(i -> h.raw("<div class=\"note title\">").text(i.details().title())
          .raw("</div>"));
    }
    h.raw("</td>");
  }

  private Optional<Order> order(String id) {
    try {
      return books.ledger().order(OrderId.of(id));
    } catch (RejectionException e) {
      return Optional.empty();
    }
  }
}
