package org.resellledger.samples.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.ProviderEvent;

/**
 * Provider events that wait for a person: {@code PARKED} (nothing in the ledger matches them yet),
 * {@code HELD} (a prerequisite has not arrived) and {@code FAILED}, newest first, each with what it waits
 * for and the start of its raw body as received (shown as text, never as markup).
 */
final class InboxPage implements Page {
  static final int BODY_EXCERPT = 400;
  private static final List<InboxState> WAITING = List.of(InboxState.PARKED, InboxState.HELD, InboxState.FAILED);
  private final Books books;

  InboxPage(Books books) {
    this.books = books;
  }

  /** Entries in {@code state}, counted up to one page ({@link InboxStore#MAX_PAGE}). */
  static int count(Books books, InboxStore inbox, InboxState state) {
    return inbox.inboxEntries(books.ledger().workspace(), state, 0, InboxStore.MAX_PAGE).size();
  }

  @Override
  public Response handle(Request request) {
    Html h = new Html();
    if (books.inbox().isEmpty()) {
      h.raw("<p class=\"empty\">This ledger's store keeps no provider-event inbox.</p>");
      return Response.ok(Layout.page(books, Urls.INBOX, "Inbox", h));
    }
    InboxStore inbox = books.inbox().get();
    for (InboxState state : WAITING) {
      List<InboxEntry> entries = inbox.inboxEntries(books.ledger().workspace(), state, 0, InboxStore.MAX_PAGE);
      h.raw("<section><h2>").text(state).raw(" <span class=\"count\">").text(entries.size()
          + (entries.size() == InboxStore.MAX_PAGE ? "+" : "")).raw("</span></h2>");
      if (entries.isEmpty()) {
        h.raw("<p class=\"empty\">None.</p></section>");
        continue;
      }
      h.raw("<table class=\"inbox\"").attr("id", "inbox-" + state.name().toLowerCase(java.util.Locale.ROOT)).raw(">")
          .headers("Received", "Provider", "Account", "Topic", "Event id", "Deliveries", "Waiting because", "Body")
          .raw("<tbody>");
      for (InboxEntry e : entries) {
        ProviderEvent ev = e.event();
        h.raw("<tr>").td(ItemPage.AT.format(ev.receivedAt())).td(ev.provider()).td(ev.account()).td(ev.topic())
            .td(ev.providerEventId()).num(e.deliveries()).td(e.outcome().detail().orElse(""))
            .raw("<td><code class=\"body\">").text(excerpt(ev.body())).raw("</code></td></tr>");
      }
      h.raw("</tbody></table></section>");
    }
    return Response.ok(Layout.page(books, Urls.INBOX, "Inbox: entries waiting", h));
  }

  static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "…";
  }
}
