package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;

/** The proposals page over loopback: what it shows of a sync proposal, CSRF, digest-bound approval, escaping. */
class ProposalsPageTest {
  private TestBooks books;
  private HttpClient client;
  private ListingId ebay;
  private Proposal proposal;

  @BeforeEach
  void start() throws IOException {
    books = new TestBooks();
    client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    ebay = books.saleOnOneOfTwoChannels();
    proposal = books.proposals().pending(ProposalsPage.LIMIT).stream()
        .filter(p -> p.target().equals(ProposalTarget.listing(ebay))).findFirst().orElseThrow();
  }

  @AfterEach
  void stop() {
    books.close();
  }

  @Test
  void proposalsPage_whenSoldOnOneOfTwoChannels_showsTheProposalCitingTheSale() throws Exception {
    HttpResponse<String> r = get("/proposals");
    String row = row(r.body(), proposal);
    LedgerEvent sale = books.ledger.history(TestBooks.PROPOSED).stream().map(e -> e.event())
        .filter(e -> proposal.causation().orElseThrow().equals(e.id().value())).findFirst().orElseThrow();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(proposal.kind()).isEqualTo(ProposalKind.END_LISTING);
    assertThat(sale.order()).as("the cause is the sale").isPresent();
    assertThat(sale.actor().toString()).contains("etsy");
    assertThat(row).contains(">END_LISTING<").contains("ebay · ").contains("system:sync")
        .contains("href=\"/item?sku=LAMP-DESK#event-" + sale.id().value() + "\"").contains(sale.kind())
        .contains("name=\"digest\" value=\"" + proposal.digest() + "\"")
        .contains("action=\"/proposal/reject\"");
    assertThat(r.body()).contains("href=\"/proposals\" class=\"active\"");
    // the link lands on the sale's row in the item's history
    assertThat(get("/item?sku=LAMP-DESK").body()).contains("id=\"event-" + sale.id().value() + "\"");
  }

  @Test
  void proposalsPage_whenTheListingTitleIsMarkup_showsItAsText() throws Exception {
    String row = row(get("/proposals").body(), proposal);

    assertThat(row).contains(Html.escape(TestBooks.HOSTILE_PROPOSAL)).doesNotContain("<img");
  }

  @Test
  void approve_withoutToken_isRefused403AndStaysPending() throws Exception {
    get("/proposals");
    HttpResponse<String> r = post("/proposal/approve", "proposal=" + proposal.id() + "&digest=" + proposal.digest());

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(books.proposals().require(proposal.id()).state()).isEqualTo(ProposalState.PENDING);
  }

  @Test
  void approve_withToken_approvesAsThePersonBoundToTheDigest() throws Exception {
    String token = WebDashboardTest.token(get("/proposals").body());
    HttpResponse<String> r = post("/proposal/approve",
        "proposal=" + proposal.id() + "&digest=" + proposal.digest() + "&csrf=" + token);

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/proposals?decided=" + proposal.id());
    Proposal after = books.proposals().require(proposal.id());
    assertThat(after.state()).isEqualTo(ProposalState.APPROVED);
    assertThat(after.approval().orElseThrow().toString()).contains("maya").contains(proposal.digest());
    HttpResponse<String> page = get("/proposals?decided=" + proposal.id());
    assertThat(page.body()).contains("id=\"decided\"").contains("<strong>APPROVED</strong>")
        .doesNotContain("id=\"proposal-" + proposal.id() + "\"");
  }

  @Test
  void approve_withAStaleDigest_is409WithTheLedgersCodeAndStaysPending() throws Exception {
    String token = WebDashboardTest.token(get("/proposals").body());
    // a digest the proposal no longer has (what a page shown before a revision carries)
    String stale = proposal.digest().substring(1) + (proposal.digest().charAt(0) == '0' ? "1" : "0");

    HttpResponse<String> r = post("/proposal/approve", "proposal=" + proposal.id() + "&digest=" + stale + "&csrf=" + token);

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("PROPOSAL_CHANGED");
    assertThat(books.proposals().require(proposal.id()).state()).isEqualTo(ProposalState.PENDING);
  }

  @Test
  void reject_withTokenAndReason_rejectsIt() throws Exception {
    String token = WebDashboardTest.token(get("/proposals").body());
    HttpResponse<String> r = post("/proposal/reject", "proposal=" + proposal.id() + "&reason=keep+it+up&csrf=" + token);

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(books.proposals().require(proposal.id()).state()).isEqualTo(ProposalState.REJECTED);
  }

  private static String row(String html, Proposal p) {
    int start = html.indexOf("id=\"proposal-" + p.id().value() + "\"");
    assertThat(start).as("a row for proposal " + p.id()).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + books.web.port() + path));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
