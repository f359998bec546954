package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.report.WeeklyReview;

/** The queues, today and week pages over loopback: order and actions, figures against the API, escaping. */
class QueuesAndReportsPagesTest {
  private TestBooks books;
  private HttpClient client;

  @BeforeEach
  void start() throws IOException {
    books = new TestBooks();
    client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @AfterEach
  void stop() {
    books.close();
  }

  @Test
  void queuesPage_whenAnItemIsSoldTwice_showsTheDoubleSaleFirstWithItsAction() throws Exception {
    HttpResponse<String> r = get("/queues");
    QueueEntry first = books.queues().top(1).get(0);
    String firstRow = rows(r.body())[0];

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(first.kind()).isEqualTo(QueueKind.DOUBLE_SALE);
    assertThat(first.subject()).isEqualTo("JKT-LEVI-01");
    assertThat(firstRow).contains("data-kind=\"DOUBLE_SALE\"").contains("data-subject=\"JKT-LEVI-01\"")
        .contains("href=\"/item?sku=JKT-LEVI-01\"")
        .contains("<td class=\"action\">" + Html.escape(first.suggestedAction()) + "</td>");
    first.evidence().forEach(id -> assertThat(firstRow).contains("<code>" + id.value() + "</code>"));
    first.figures().forEach((k, v) -> assertThat(firstRow).contains(Html.escape(k)).contains(Html.escape(v)));
    assertThat(r.body()).contains("href=\"/queues\" class=\"active\"").contains("href=\"/today\"")
        .contains("href=\"/week\"");
  }

  @Test
  void queuesPage_listsEveryEntryInTheQueuesOrder() throws Exception {
    String[] rows = rows(get("/queues").body());
    var top = books.queues().top(QueuesPage.LIMIT);

    assertThat(rows).hasSize(top.size());
    for (int i = 0; i < rows.length; i++) {
      assertThat(rows[i]).contains("data-kind=\"" + top.get(i).kind() + "\"")
          .contains("data-subject=\"" + Html.escape(top.get(i).subject()) + "\"");
    }
  }

  @Test
  void queuesPage_whenTitleAndErrorAreMarkup_showsThemAsText() throws Exception {
    books.hostileSyncError();
    String body = get("/queues").body();
    String row = java.util.Arrays.stream(rows(body)).filter(x -> x.contains("data-kind=\"SYNC_ERROR\""))
        .filter(x -> x.contains("data-subject=\"HOSTILE-1\"")).findFirst().orElseThrow();

    assertThat(row).contains(Html.escape(TestBooks.HOSTILE_TITLE)).contains(Html.escape(TestBooks.HOSTILE_ERROR));
    assertThat(body).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<i>")
        .contains(Html.escape("no listing for etsy product <b>99</b>"));
  }

  @Test
  void weekPage_showsTheMarginTheReportGivesAndSaleLessFeesShippingAndCost() throws Exception {
    books.soldInAQuietWeek();
    var from = TestBooks.QUIET_WEEK;
    HttpResponse<String> r = get("/week?from=" + from + "&to=" + from.plusDays(7));
    WeeklyReview review = books.reports().weekly(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        from.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant(), Currency.getInstance("USD"), WeekPage.STALE);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(review.margin().value()).isEqualByComparingTo(TestBooks.QUIET_MARGIN);
    assertThat(dataValue(r.body(), "fig-margin")).isEqualByComparingTo(review.margin().value())
        .isEqualByComparingTo(TestBooks.QUIET_MARGIN);
    assertThat(shown(r.body(), "fig-margin")).isEqualTo("16.75");
    assertThat(dataValue(r.body(), "fig-sales")).isEqualByComparingTo("50.00");
    assertThat(dataValue(r.body(), "fig-fees")).isEqualByComparingTo("6.00");
    assertThat(dataValue(r.body(), "fig-shipping")).isEqualByComparingTo("7.25");
    // the figure folds open to its events, without script
    String margin = details(r.body(), "fig-margin");
    review.margin().parts().forEach(p -> assertThat(margin).contains("<code>" + p.event().value() + "</code>"));
    assertThat(r.body()).doesNotContain("<script");
  }

  @Test
  void weekPage_whenTheRangeIsBackwards_isRefused400() throws Exception {
    assertThat(get("/week?from=2026-12-07&to=2026-11-30").statusCode()).isEqualTo(400);
    assertThat(get("/week?from=someday").statusCode()).isEqualTo(400);
  }

  @Test
  void todayPage_showsTodaysSalesByChannelAndWhatWaits() throws Exception {
    String body = get("/today").body();
    var daily = books.reports().daily(TestBooks.NOW.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
        Currency.getInstance("USD"));
    int pending = books.proposals().pending(ProposalsPage.LIMIT).size();

    assertThat(daily.soldByChannel()).isNotEmpty();
    daily.soldByChannel().forEach((channel, f) ->
        assertThat(dataValue(body, "sold-" + channel)).isEqualByComparingTo(f.value()));
    daily.toShip().forEach(t -> assertThat(body).contains("data-order=\"" + t.order().value() + "\""));
    assertThat(body).contains("<a id=\"pending-proposals\" href=\"/proposals\">" + pending + " proposal");
    assertThat(body).contains("id=\"inbox-waiting\"");
  }

  @Test
  void todayPage_showsMessagesWaiting_approvalsWaiting_andBlockedWrites_eachOpeningToItsEvents() throws Exception {
    books.saleOnOneOfTwoChannels();
    var risky = books.riskyPriceProposal();
    var messages = books.twoBuyerMessages();
    String body = get("/today").body();
    var daily = books.reports().daily(TestBooks.NOW.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
        Currency.getInstance("USD"));

    assertThat(daily.needsReply().value()).isEqualByComparingTo(BigDecimal.valueOf(messages.size()));
    assertThat(dataValue(body, "fig-needs-reply")).isEqualByComparingTo(daily.needsReply().value());
    String reply = details(body, "fig-needs-reply");
    daily.needsReply().parts().forEach(p -> assertThat(reply).contains("<code>" + p.event().value() + "</code>"));
    assertThat(reply.indexOf(daily.needsReply().parts().get(0).event().value()))
        .isLessThan(reply.indexOf(daily.needsReply().parts().get(1).event().value()));

    assertThat(daily.needsApproval().value()).isPositive();
    assertThat(dataValue(body, "fig-needs-approval")).isEqualByComparingTo(daily.needsApproval().value());
    assertThat(dataValue(body, "fig-risky-approvals")).isEqualByComparingTo(daily.riskyApprovals().value());
    assertThat(dataValue(body, "fig-blocked-writes")).isEqualByComparingTo(daily.blockedWrites().value());
    String approval = details(body, "fig-needs-approval");
    daily.needsApproval().parts().forEach(p -> assertThat(approval).contains("<code>" + p.event().value() + "</code>"));
    String table = body.substring(body.indexOf("<table id=\"approvals\""));
    table = table.substring(0, table.indexOf("</table>"));
    for (var a : daily.approvals()) {
      assertThat(table).contains("data-proposal=\"" + a.proposal().value() + "\" data-risky=\"" + a.risky() + "\"")
          .contains("<td>" + Html.escape(a.target()) + "</td>").contains("<code>" + a.event().value() + "</code>");
    }
    assertThat(daily.riskyApprovals().value()).isEqualByComparingTo("1");
    assertThat(table).contains("data-proposal=\"" + risky.value() + "\" data-risky=\"true\"")
        .contains("<td>PRICE_BELOW_COST_BASIS, PRICE_DROP_ABOVE_SHARE</td>");
    assertThat(details(body, "fig-risky-approvals")).contains("<code>"
        + daily.riskyApprovals().parts().get(0).event().value() + "</code>");
    assertThat(body.contains("<table id=\"blocked-writes\"")).isEqualTo(!daily.blocked().isEmpty());
    assertThat(body).doesNotContain(TestBooks.HOSTILE_TITLE);
  }

  @Test
  void weekPage_showsTheLastCount_openingToTheCountsEvent() throws Exception {
    String before = get("/week").body();
    assertThat(dataValue(before, "fig-last-count")).isEqualByComparingTo("0");
    assertThat(details(before, "fig-last-count")).contains("No event.");

    books.countedShed();
    String body = get("/week").body();
    var monday = TestBooks.NOW.atZone(ZoneOffset.UTC).toLocalDate()
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    WeeklyReview review = books.reports().weekly(monday.atStartOfDay(ZoneOffset.UTC).toInstant(),
        monday.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant(), Currency.getInstance("USD"), WeekPage.STALE);

    assertThat(review.stock().lastCount().value()).isEqualByComparingTo("2");
    assertThat(dataValue(body, "fig-last-count")).isEqualByComparingTo("2");
    assertThat(review.stock().lastCount().parts()).hasSize(1);
    assertThat(details(body, "fig-last-count"))
        .contains("<code>" + review.stock().lastCount().parts().get(0).event().value() + "</code>");
  }

  private static String[] rows(String body) {
    String tbody = body.substring(body.indexOf("<table id=\"queues\""));
    tbody = tbody.substring(tbody.indexOf("<tbody>") + 7, tbody.indexOf("</tbody>"));
    return tbody.split("</tr>");
  }

  private static String details(String body, String id) {
    String from = body.substring(body.indexOf("<details class=\"figure\" id=\"" + id + "\""));
    return from.substring(0, from.indexOf("</details>"));
  }

  private static BigDecimal dataValue(String body, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\" data-value=\"([^\"]*)\"").matcher(body);
    assertThat(m.find()).as("figure " + id).isTrue();
    return new BigDecimal(m.group(1));
  }

  private static String shown(String body, String id) {
    String d = details(body, id);
    return d.substring(d.indexOf("<span class=\"value\">") + 20, d.indexOf("</span>", d.indexOf("<span class=\"value\">")));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + books.web.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
