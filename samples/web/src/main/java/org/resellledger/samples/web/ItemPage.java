package org.resellledger.samples.web;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;

/**
 * One item ({@code ?sku=}): its details, where its units are, a form to move its status, its listings in
 * short, and its full history: every event, oldest first, with the bucket balances right after it.
 */
final class ItemPage implements Page {
  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(java.time.ZoneOffset.UTC);
  private final Books books;

  ItemPage(Books books) {
    this.books = books;
  }

  /** The SKU of {@code ?sku=}, or a 400 saying what a SKU is; a 404 when no item has it. */
  static Item item(Books books, String sku) {
    Sku parsed;
    try {
      parsed = Sku.of(sku);
    } catch (RejectionException e) {
      throw new WebException(400, "Not a SKU: " + e.why());
    }
    return books.ledger().item(parsed).orElseThrow(() -> new WebException(404, "No item has the SKU " + parsed + "."));
  }

  @Override
  public Response handle(Request request) {
    Item item = item(books, request.requireQuery("sku"));
    ItemDetails d = item.details();
    Html h = new Html();
    h.raw("<p class=\"subtitle\" id=\"item-title\">").text(d.title()).raw("</p>");
    h.raw("<div class=\"columns\"><section><h2>Details</h2><dl class=\"details\">");
    dt(h, "SKU", item.sku());
    dt(h, "Status", item.status());
    dt(h, "Category", d.category());
    dt(h, "Condition", d.condition());
    dt(h, "Cost basis", d.costBasis() + (item.lotUnits() != 1 ? " for " + item.lotUnits() + " units" : ""));
    d.estimatedValue().ifPresent(v -> dt(h, "Estimated value", v));
    d.targetPrice().ifPresent(v -> dt(h, "Target price", v));
    d.brand().ifPresent(v -> dt(h, "Brand", v));
    dt(h, "Acquired", d.acquiredOn() + d.acquisitionSource().map(s -> " · " + s.kind()
        + s.name().map(n -> " (" + n + ")").orElse("")).orElse(""));
    dt(h, "Location", d.location());
    dt(h, "Photos", d.photoStatus());
    d.notes().ifPresent(v -> dt(h, "Notes", v));
    h.raw("</dl></section>");

    h.raw("<section><h2>Units</h2><table id=\"buckets\">").headers("Bucket", "Units").raw("<tbody>");
    for (Map.Entry<Bucket, Long> b : item.balances().asMap().entrySet()) {
      h.raw("<tr").attr("data-bucket", b.getKey()).raw(">").td(b.getKey()).num(b.getValue()).raw("</tr>");
    }
    h.raw("</tbody></table><p>On hand <strong id=\"fig-item-on-hand\">").text(item.quantity())
        .raw("</strong>, available <strong id=\"fig-item-available\">").text(item.available()).raw("</strong>.</p>");
    for (SaleConflict c : item.conflicts()) {
      h.raw("<p class=\"error\">Double sale: ").text(c).raw("</p>");
    }
    statusForm(h, request, item);
    h.raw("</section></div>");

    long disagreeing = item.listings().values().stream().filter(l -> !l.discrepancies().isEmpty()).count();
    h.raw("<section><h2>Listings</h2><p>").link(Urls.listings(item.sku()), item.listings().size() + " listing(s)");
    if (disagreeing > 0) {
      h.raw(" · <span class=\"badge warn\">").text(disagreeing + " disagree with their channel").raw("</span>");
    }
    h.raw("</p></section>");

    h.raw("<section><h2>History</h2><table id=\"history\" class=\"history\">")
        .headers("#", "Occurred", "Event", "Source", "Actor", "Movement", "Reason", "Buckets after").raw("<tbody>");
    for (HistoryEntry e : books.ledger().history(item.sku())) {
      LedgerEvent ev = e.event();
      h.raw("<tr").attr("id", "event-" + ev.id().value()).raw(">").num(ev.version()).cell("nowrap", AT.format(ev.occurredAt()))
          .raw("<td><details><summary>").text(ev.kind()).raw("</summary><code>").text(ev.payload())
          .raw("</code></details></td>")
          .td(ev.source()).td(ev.actor()).cell("nowrap", ev.movement().map(Object::toString).orElse(""))
          .td(ev.reason().orElse("") + ev.causation().map(c -> (ev.reason().isPresent() ? " · " : "") + "caused by " + c)
              .orElse(""))
          .td(buckets(e.balancesAfter().asMap())).raw("</tr>");
    }
    h.raw("</tbody></table></section>");
    return Response.ok(Layout.page(books, Urls.ITEMS, "Item " + item.sku(), h));
  }

  private static void statusForm(Html h, Request request, Item item) {
    var next = item.status().next().stream().filter(s -> s != ItemStatus.ARCHIVED).sorted().toList();
    if (next.isEmpty()) {
      return;
    }
    h.raw("<form method=\"post\" class=\"inline\" id=\"status-form\"").attr("action", Urls.ITEM_STATUS).raw(">");
    Layout.csrf(h, request);
    h.raw("<input type=\"hidden\" name=\"sku\"").attr("value", item.sku()).raw(">")
        .raw("<label for=\"status-to\">Move status to</label> <select id=\"status-to\" name=\"to\">");
    for (ItemStatus s : next) {
      h.raw("<option").attr("value", s).raw(">").text(s).raw("</option>");
    }
    h.raw("</select> <button type=\"submit\">Change status</button></form>");
  }

  static String buckets(Map<Bucket, Long> map) {
    return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  private static void dt(Html h, String label, Object value) {
    h.el("dt", label).el("dd", value);
  }
}
