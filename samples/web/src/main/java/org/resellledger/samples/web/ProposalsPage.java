package org.resellledger.samples.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalTarget;

/**
 * Proposals waiting for a person ({@link ProposalBook#pending}), oldest first: kind, listing and channel,
 * parameters, the event that caused it (linked to the item's history), risk flags and author, each with an
 * Approve form carrying the digest shown and a Reject form with a reason.
 *
 * <ul>
 *   <li>The Approve form's hidden {@code digest} is the digest of the parameters on this page, so the approval
 *       binds to what the person saw: a proposal revised since is refused by the ledger (409, its code).
 *   <li>{@code ?decided=<id>} says what the proposal just decided became, read back from the book.
 * </ul>
 */
final class ProposalsPage implements Page {
  static final int LIMIT = 200;
  private final Books books;

  ProposalsPage(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    Html h = new Html();
    if (books.proposals().isEmpty()) {
      h.raw("<p class=\"empty\">This dashboard was started without its store, so it cannot read proposals.</p>");
      return Response.ok(Layout.page(books, Urls.PROPOSALS, "Proposals", h));
    }
    ProposalBook book = books.proposals().get();
    Optional<String> decided = request.query("decided");
    if (decided.isPresent()) {
      Optional<Proposal> p;
      try {
        p = book.proposal(ProposalId.of(decided.get()));
      } catch (RejectionException e) {
        throw new WebException(400, "Not a proposal id: " + e.why());
      }
      p.ifPresent(d -> h.raw("<p class=\"ok\" id=\"decided\">Proposal ").text(d.id()).raw(" (").text(d.kind())
          .raw(") is now <strong>").text(d.state()).raw("</strong>.</p>"));
    }
    List<Proposal> pending = book.pending(LIMIT);
    h.raw("<section><h2>Waiting for a decision <span class=\"count\">").text(pending.size()
        + (pending.size() == LIMIT ? "+" : "")).raw("</span></h2>");
    if (pending.isEmpty()) {
      h.raw("<p class=\"empty\">None.</p></section>");
      return Response.ok(Layout.page(books, Urls.PROPOSALS, "Proposals", h));
    }
    h.raw("<table id=\"proposals\" class=\"proposals\">")
        .headers("Kind", "Listing", "Parameters", "Caused by", "Risks", "Author", "Decide").raw("<tbody>");
    for (Proposal p : pending) {
      row(h, request, p);
    }
    h.raw("</tbody></table></section>");
    return Response.ok(Layout.page(books, Urls.PROPOSALS, "Proposals", h));
  }

  private void row(Html h, Request request, Proposal p) {
    Optional<Item> item = item(p.target());
    h.raw("<tr").attr("id", "proposal-" + p.id().value()).raw(">").td(p.kind());
    target(h, p, item);
    h.raw("<td>");
    if (p.canonicalParams().isEmpty()) {
      h.raw("<span class=\"empty\">none</span>");
    }
    for (Map.Entry<String, String> e : p.canonicalParams().entrySet()) {
      h.raw("<div><code>").text(e.getKey()).raw("</code> = ").text(e.getValue()).raw("</div>");
    }
    h.raw("</td>");
    cause(h, p, item);
    h.raw("<td>");
    if (p.risks().isEmpty()) {
      h.raw("<span class=\"empty\">none</span>");
    }
    p.risks().stream().sorted().forEach(r -> h.raw("<span class=\"badge bad\">").text(r).raw("</span> "));
    h.raw("</td>").td(p.author());
    h.raw("<td><form method=\"post\" class=\"inline\"").attr("action", Urls.PROPOSAL_APPROVE).raw(">");
    Layout.csrf(h, request)
        .raw("<input type=\"hidden\" name=\"proposal\"").attr("value", p.id().value()).raw(">")
        .raw("<input type=\"hidden\" name=\"digest\"").attr("value", p.digest()).raw(">")
        .raw("<button type=\"submit\" class=\"approve\">Approve</button></form>")
        .raw("<form method=\"post\" class=\"inline\"").attr("action", Urls.PROPOSAL_REJECT).raw(">");
    Layout.csrf(h, request)
        .raw("<input type=\"hidden\" name=\"proposal\"").attr("value", p.id().value()).raw(">")
        .raw("<input type=\"text\" name=\"reason\" required maxlength=\"500\" placeholder=\"why not\""
            + " aria-label=\"reason\">")
        .raw("<button type=\"submit\" class=\"reject\">Reject</button></form></td></tr>");
  }

  private void target(Html h, Proposal p, Optional<Item> item) {
    h.raw("<td>");
    if (p.target().type() == ProposalTarget.Type.LISTING && item.isPresent()) {
      Listing l = item.get().listings().get(ListingId.of(p.target().id()));
      if (l != null) {
        h.text(l.details().channel()).raw(" · ").text(l.details().title()).raw("<br>");
      }
      h.link(Urls.listings(item.get().sku()), item.get().sku());
    } else {
      h.text(p.target());
      p.channel().ifPresent(c -> h.raw(" · ").text(c));
    }
    h.raw("</td>");
  }

  private void cause(Html h, Proposal p, Optional<Item> item) {
    h.raw("<td>");
    Optional<String> cause = p.causation().or(() -> p.evidence().events().stream().findFirst().map(e -> e.value()));
    Optional<LedgerEvent> event = cause.flatMap(c -> item.flatMap(i -> books.ledger().history(i.sku()).stream()
        .map(HistoryEntry::event).filter(e -> e.id().value().equals(c)).findFirst()));
    if (event.isPresent() && item.isPresent()) {
      LedgerEvent e = event.get();
      h.raw("<a").attr("href", Urls.item(item.get().sku()) + "#event-" + e.id().value()).raw(" class=\"cause\">")
          .text(e.kind()).raw("</a> <span class=\"note\">").text(ItemPage.AT.format(e.occurredAt())).raw(" · ")
          .text(e.actor()).raw("</span>");
    } else {
      h.text(cause.orElse(""));
    }
    if (!p.evidence().reasoning().isEmpty()) {
      h.raw("<div class=\"note\">").text(p.evidence().reasoning()).raw("</div>");
    }
    h.raw("</td>");
  }

  private Optional<Item> item(ProposalTarget target) {
    try {
      return switch (target.type()) {
        case LISTING -> books.ledger().itemOfListing(ListingId.of(target.id()));
        case ITEM -> books.ledger().item(Sku.of(target.id()));
        case ORDER -> Optional.empty();
      };
    } catch (RejectionException e) {
      return Optional.empty();
    }
  }
}
