package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;

/** The pages over loopback with the JDK's HttpClient: their figures against the Ledger API, escaping, CSRF. */
class WebDashboardTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
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
  void server_bindsLoopbackOnly() {
    assertThat(books.web.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(books.web.port()).isPositive();
  }

  @Test
  void overview_figuresMatchTheLedgerApi() throws Exception {
    HttpResponse<String> r = get("/");
    List<Item> items = books.ledger.items();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(figure(r, "fig-items")).isEqualTo(String.valueOf(items.stream().filter(i -> !i.archived()).count()));
    assertThat(figure(r, "fig-on-hand")).isEqualTo(String.valueOf(items.stream().mapToLong(Item::quantity).sum()));
    assertThat(figure(r, "fig-available")).isEqualTo(String.valueOf(items.stream().mapToLong(Item::available).sum()));
    assertThat(figure(r, "fig-live-listings")).isEqualTo(String.valueOf(items.stream()
        .flatMap(i -> i.listings().values().stream()).filter(l -> l.status() == SyncStatus.LIVE).count()));
    assertThat(figure(r, "fig-cost-on-hand")).isEqualTo(books.costOnHand().toPlainString() + " USD");
    assertThat(figure(r, "fig-open-orders")).isEqualTo(String.valueOf(books.ledger.orders().stream()
        .filter(o -> o.status().beforeHandover()).count()));
    assertThat(figure(r, "fig-parked")).isEqualTo("2");
    // the sample sold a mug on Etsy and a camera on eBay today
    BigDecimal today = books.ledger.orders().stream()
        .filter(o -> o.status() != OrderStatus.CANCELLED && o.placedAt().atZone(ZoneOffset.UTC).toLocalDate()
            .equals(LocalDate.of(2026, 12, 7)))
        .map(o -> o.salePrice().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(today).isEqualByComparingTo("163.00");
    assertThat(figure(r, "fig-sold-today")).isEqualTo("163.00 USD");
    assertThat(r.body()).contains("3377001").contains("24-10005-00005");
    // needs work: the double sale and the lamp without photos
    assertThat(section(r.body(), "needs-work")).contains("JKT-LEVI-01").contains("double sale")
        .contains("LMP-BRASS").contains("status NEEDS_PHOTOS");
  }

  @Test
  void everyPage_whenTitlesAreMarkup_showsThemAsText() throws Exception {
    String[] paths = {"/", "/items", "/item?sku=HOSTILE-1", "/listings?sku=HOSTILE-1", "/inbox", "/charts"};
    for (String path : paths) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
          .doesNotContain("<i>");
    }
    assertThat(get("/items").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Toys &gt; &lt;b&gt;Odd&lt;/b&gt;");
    assertThat(get("/item?sku=HOSTILE-1").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(get("/listings?sku=HOSTILE-1").body()).contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    assertThat(get("/inbox").body()).contains("no listing for etsy product &lt;b&gt;99&lt;/b&gt;")
        .contains("&lt;/code&gt;&lt;script&gt;alert(3)&lt;/script&gt;").contains("shop-&lt;i&gt;1&lt;/i&gt;");
    // sell-through groups are names from the items: escaped inside the SVG too
    assertThat(get("/charts").body()).contains(">Toys<").doesNotContain("<b>Odd");
  }

  @Test
  void everyResponse_carriesAStrictContentSecurityPolicy() throws Exception {
    for (String path : new String[] {"/", "/items", "/charts", "/nowhere", "/style.css"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValue("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
              + "frame-ancestors 'none'; base-uri 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
    HttpResponse<String> first = HttpClient.newHttpClient().send(request("/").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(first.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
        .startsWith("ledger_session=").contains("HttpOnly").contains("SameSite=Strict"));
  }

  @Test
  void itemPage_showsEveryEventWithTheBucketsAfterIt() throws Exception {
    Sku mug = Sku.of("MUG-FIESTA");
    List<HistoryEntry> history = books.ledger.history(mug);
    String table = section(get("/item?sku=MUG-FIESTA").body(), "history");

    List<String> rows = rows(table);
    assertThat(rows).hasSize(history.size());
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry h = history.get(i);
      String buckets = ItemPage.buckets(h.balancesAfter().asMap());
      assertThat(rows.get(i)).contains(">" + h.event().kind() + "<").contains(buckets)
          .contains(Html.escape(h.event().movement().map(Object::toString).orElse("")));
    }
    assertThat(rows.get(0)).contains("ItemAcquired").contains("4 SUPPLIER-&gt;AVAILABLE")
        .contains("AVAILABLE=4 SUPPLIER=-4");
    Item item = books.ledger.requireItem(mug);
    assertThat(get("/item?sku=MUG-FIESTA").body())
        .contains("id=\"fig-item-on-hand\">" + item.quantity() + "<")
        .contains("id=\"fig-item-available\">" + item.available() + "<");
  }

  @Test
  void listingsPage_showsWhereTheChannelDisagrees() throws Exception {
    String body = get("/listings?sku=MUG-FIESTA").body();
    Listing ebay = books.ledger.requireItem(Sku.of("MUG-FIESTA")).listings().values().stream()
        .filter(l -> l.details().channel().code().equals("ebay")).findFirst().orElseThrow();

    assertThat(ebay.discrepancies()).extracting(d -> d.field()).containsExactly("price", "listedQuantity");
    assertThat(body).contains("<tr class=\"disagree\"><td>price</td><td>16.00 USD</td><td>15.00 USD</td>")
        .contains("<tr class=\"disagree\"><td>listedQuantity</td><td>4</td><td>3</td>")
        .contains(ebay.discrepancies().get(0).evidence().toString());
  }

  @Test
  void inboxPage_listsTheParkedEntriesWithTheirReasons() throws Exception {
    String table = section(get("/inbox").body(), "inbox-parked");
    assertThat(rows(table)).hasSize(2);
    assertThat(table).contains("no listing for shopify variant 44012345 (SKU SCARF-HERMES)")
        .contains("orders/create").contains("5a8e1c2d-0001");
  }

  @Test
  void chartsPage_figuresMatchTheOrders() throws Exception {
    String body = get("/charts").body();
    Map<LocalDate, BigDecimal> sales = new TreeMap<>();
    for (Order o : books.ledger.orders()) {
      if (o.status() != OrderStatus.CANCELLED) {
        LocalDate monday = o.placedAt().atZone(ZoneOffset.UTC).toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        sales.merge(monday, o.salePrice().amount(), BigDecimal::add);
      }
    }
    assertThat(sales).hasSize(4);
    for (Map.Entry<LocalDate, BigDecimal> w : sales.entrySet()) {
      assertThat(body).containsPattern("<tr data-week=\"" + w.getKey() + "\"><td>" + w.getKey()
          + "</td><td class=\"num\">\\d+</td><td class=\"num\">" + w.getValue().toPlainString() + " USD</td>");
      // the same figure is the label over its bar
      assertThat(body).contains("\">" + w.getValue().toPlainString() + "</text>");
    }
    // this week: the etsy mug (18.00 - 1.40 fees - 3.00 cost) and the camera (145.00 - 19.10 - 40.00)
    assertThat(body).contains("<tr data-week=\"2026-12-07\"><td>2026-12-07</td><td class=\"num\">2</td>"
        + "<td class=\"num\">163.00 USD</td><td class=\"num\">99.50 USD</td></tr>");
    assertThat(body).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-weekly-usd\"");
    // Electronics: the camera sold today, nothing left unsold
    assertThat(body).contains("<tr data-group=\"Electronics\"><td>Electronics</td><td class=\"num\">1</td>"
        + "<td class=\"num\">0</td><td class=\"num\">100%</td></tr>");
  }

  @Test
  void post_withoutToken_isRefused403AndChangesNothing() throws Exception {
    get("/item?sku=LMP-BRASS");
    HttpResponse<String> r = post("/item/status", "sku=LMP-BRASS&to=READY_TO_LIST");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("security token is missing");
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
  }

  @Test
  void post_withAnotherSessionsToken_isRefused403() throws Exception {
    String othersToken = token(HttpClient.newBuilder().cookieHandler(new CookieManager()).build()
        .send(request("/item?sku=LMP-BRASS").build(), HttpResponse.BodyHandlers.ofString()).body());
    get("/item?sku=LMP-BRASS");

    HttpResponse<String> r = post("/item/status", "sku=LMP-BRASS&to=READY_TO_LIST&csrf=" + othersToken);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
  }

  @Test
  void post_withoutSessionCookie_isRefused403EvenWithAToken() throws Exception {
    String token = token(get("/item?sku=LMP-BRASS").body());
    HttpClient bare = HttpClient.newHttpClient();
    HttpResponse<String> r = bare.send(request("/item/status")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("sku=LMP-BRASS&to=READY_TO_LIST&csrf=" + token)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
  }

  @Test
  void post_withToken_changesTheStatusAsThePerson() throws Exception {
    String token = token(get("/item?sku=LMP-BRASS").body());

    HttpResponse<String> r = post("/item/status", "sku=LMP-BRASS&to=READY_TO_LIST&csrf=" + token);

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/item?sku=LMP-BRASS");
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.READY_TO_LIST);
    HistoryEntry last = books.ledger.history(Sku.of("LMP-BRASS")).get(books.ledger.history(Sku.of("LMP-BRASS")).size() - 1);
    assertThat(last.event().kind()).isEqualTo("ItemStatusChanged");
    assertThat(last.event().actor().toString()).isEqualTo("person:maya");
    assertThat(get("/item?sku=LMP-BRASS").body()).contains("<dt>Status</dt><dd>READY_TO_LIST</dd>");
  }

  @Test
  void post_whenTheLedgerRefuses_shows409WithTheCodeAndChangesNothing() throws Exception {
    String token = token(get("/item?sku=LMP-BRASS").body());

    HttpResponse<String> r = post("/item/status", "sku=LMP-BRASS&to=SOLD&csrf=" + token);

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("ILLEGAL_ITEM_STATUS_TRANSITION").contains("NEEDS_PHOTOS").contains("SOLD");
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
  }

  @Test
  void endListing_withToken_endsIt() throws Exception {
    Listing listing = books.ledger.requireItem(TestBooks.HOSTILE).listings().values().iterator().next();
    String token = token(get("/listings?sku=HOSTILE-1").body());

    HttpResponse<String> r = post("/listing/end", "listing=" + listing.id().value() + "&csrf=" + token);

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(books.ledger.listing(listing.id()).orElseThrow().status()).isEqualTo(SyncStatus.ENDED);
    assertThat(get("/listings?sku=HOSTILE-1").body()).contains("<span class=\"badge\">ENDED</span>")
        .doesNotContain("Mark ended on");
  }

  @Test
  void post_fromAnotherOrigin_isRefusedEvenWithTheToken() throws Exception {
    String token = token(get("/item?sku=LMP-BRASS").body());

    HttpResponse<String> r = client.send(request("/item/status").header("Origin", "http://evil.example")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("sku=LMP-BRASS&to=READY_TO_LIST&csrf=" + token)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
  }

  @Test
  void request_withAnotherHost_isRefused() throws Exception {
    // a DNS name rebound to 127.0.0.1 arrives with its own Host header
    try (Socket s = new Socket("127.0.0.1", books.web.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: evil.example:" + books.web.port() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 421").doesNotContain("fig-on-hand");
    }
  }

  @Test
  void get_onAnActionAndUnknownPaths_areRefused() throws Exception {
    assertThat(get("/item/status").statusCode()).isEqualTo(405);
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    assertThat(get("/item?sku=NO-SUCH").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = get("/item?sku=%3Cb%3E");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("<b>");
  }

  // ---- helpers -------------------------------------------------------------------------------------------

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

  static String token(String html) {
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).as("a form with a csrf field").isTrue();
    return m.group(1);
  }

  private static String figure(HttpResponse<String> r, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(r.body());
    assertThat(m.find()).as("figure " + id).isTrue();
    return m.group(1);
  }

  /** The table with this id, from its opening tag to its end. */
  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("element " + id).isNotNegative();
    return html.substring(start, html.indexOf("</table>", start));
  }

  private static List<String> rows(String table) {
    String body = table.substring(table.indexOf("<tbody>"));
    return List.of(body.split("<tr")).subList(1, body.split("<tr").length);
  }
}
