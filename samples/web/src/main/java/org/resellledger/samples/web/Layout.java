package org.resellledger.samples.web;

import java.util.List;

/** The chrome every page shares: head, navigation, and the hidden CSRF field of every form. */
final class Layout {
  /** The navigation, in order: path and label. */
  private static final List<String[]> NAV = List.of(
      new String[] {Urls.OVERVIEW, "Overview"},
      new String[] {Urls.TODAY, "Today"},
      new String[] {Urls.QUEUES, "Queues"},
      new String[] {Urls.ITEMS, "Items"},
      new String[] {Urls.INBOX, "Inbox"},
      new String[] {Urls.PROPOSALS, "Proposals"},
      new String[] {Urls.WEEK, "Week"},
      new String[] {Urls.CHARTS, "Charts"});

  private Layout() {}

  /** A whole page: {@code title} in the head and as the heading, {@code body} as written. */
  static String page(Books books, String active, String title, Html body) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · resell ledger</title>")
        .raw("<link rel=\"stylesheet\" href=\"").raw(Urls.STYLE).raw("\"></head><body>")
        .raw("<header><span class=\"brand\">resell ledger</span><nav>");
    for (String[] n : NAV) {
      h.raw("<a").attr("href", n[0]);
      if (n[0].equals(active)) {
        h.raw(" class=\"active\" aria-current=\"page\"");
      }
      h.raw(">").text(n[1]).raw("</a>");
    }
    h.raw("</nav><span class=\"who\">").text(books.ledger().workspace().value()).raw(" · ")
        .text(books.person()).raw("</span></header><main>")
        .raw("<h1>").text(title).raw("</h1>")
        .raw(body.toString())
        .raw("</main></body></html>\n");
    return h.toString();
  }

  /** The hidden field that carries the session's CSRF token; every form includes it. */
  static Html csrf(Html h, Request request) {
    return h.raw("<input type=\"hidden\"").attr("name", Sessions.FIELD).attr("value", request.session().token())
        .raw(">");
  }

  /** A page saying why a request was refused; {@code message} is escaped. */
  static String refusal(Books books, String title, String message) {
    Html body = new Html().raw("<p class=\"error\">").text(message).raw("</p>")
        .raw("<p><a href=\"").raw(Urls.OVERVIEW).raw("\">Back to the overview</a></p>");
    return page(books, "", title, body);
  }
}
