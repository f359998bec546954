package org.resellledger.samples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} driven by Debian's
 * {@code chromedriver} through Selenium): pages load with their stylesheet under the CSP, figures match the
 * Ledger API, the forms change the ledger, markup titles are shown as text and never run; screenshots go to
 * {@code target/dashboard-*.png}.
 *
 * <p>The browser and driver are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or
 * {@code LEDGER_CHROMIUM} and {@code LEDGER_CHROMEDRIVER}), given to Selenium explicitly, so Selenium Manager
 * never looks for or downloads one. Without them the class is skipped, saying so, unless
 * {@code LEDGER_REQUIRE_BROWSER=true} (CI), which makes their absence a failure.
 */
class ChromiumDashboardTest {
  static final Path CHROMIUM = Path.of(env("LEDGER_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(env("LEDGER_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target");

  private static ChromeDriverService service;
  private static ChromeDriver browser;
  /** Why the tests are skipped (no browser here), or null when they run. */
  private static String skipped;
  private TestBooks books;

  @BeforeAll
  static void startBrowser() throws IOException {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add("browser " + CHROMIUM);
    }
    if (!Files.isExecutable(DRIVER)) {
      missing.add("driver " + DRIVER);
    }
    if (!missing.isEmpty()) {
      String message = "Chromium browser test: " + String.join(" and ", missing) + " not found (Debian: apt-get"
          + " install chromium chromium-driver; or set LEDGER_CHROMIUM / LEDGER_CHROMEDRIVER)";
      if ("true".equalsIgnoreCase(System.getenv("LEDGER_REQUIRE_BROWSER"))) {
        Assertions.fail(message + "; LEDGER_REQUIRE_BROWSER=true makes this a failure");
      }
      // each test is then reported skipped with this message (an abort here would count no test at all)
      skipped = message + ": skipped (LEDGER_REQUIRE_BROWSER=true makes it a failure)";
      System.err.println(skipped);
      return;
    }
    // the driver's path is given both ways Selenium reads it, so Selenium Manager is never asked for one
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,1000", "--lang=en-US");
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  @BeforeEach
  void startBooks() throws IOException {
    Assumptions.assumeTrue(skipped == null, () -> skipped);
    books = new TestBooks();
  }

  @AfterEach
  void stopBooks() {
    if (books != null) {
      books.close();
    }
  }

  @Test
  void overview_inChromium_showsTheLedgersFigures() throws IOException {
    open("/");
    List<Item> items = books.ledger.items();

    assertThat(browser.getTitle()).isEqualTo("Overview · resell ledger");
    assertThat(text("fig-on-hand")).isEqualTo(String.valueOf(items.stream().mapToLong(Item::quantity).sum()));
    assertThat(text("fig-available")).isEqualTo(String.valueOf(items.stream().mapToLong(Item::available).sum()));
    assertThat(text("fig-cost-on-hand")).isEqualTo(books.costOnHand().toPlainString() + " USD");
    assertThat(text("fig-sold-today")).isEqualTo("163.00 USD");
    // the stylesheet loaded under the CSP: the header is dark, the figures large
    assertThat(browser.findElement(By.tagName("header")).getCssValue("background-color"))
        .isEqualTo("rgba(31, 41, 51, 1)");
    assertThat(browser.findElement(By.id("fig-on-hand")).getCssValue("font-size")).isEqualTo("22px");
    screenshot("dashboard-overview.png");
  }

  @Test
  void hostileTitles_inChromium_areShownAsTextAndNeverRun() throws IOException {
    open("/item?sku=HOSTILE-1");

    assertThat(text("item-title")).isEqualTo(TestBooks.HOSTILE_TITLE);
    assertThat(browser.findElements(By.tagName("script"))).isEmpty();
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

    open("/listings?sku=HOSTILE-1");
    assertThat(browser.findElement(By.cssSelector("section.listing td")).getText()).isEqualTo(TestBooks.HOSTILE_LISTING);
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();

    open("/items");
    assertThat(browser.findElement(By.cssSelector("tr[data-sku='HOSTILE-1'] td:nth-child(2)")).getText())
        .isEqualTo(TestBooks.HOSTILE_TITLE);
    assertThat(browser.findElements(By.tagName("b"))).isEmpty();

    open("/inbox");
    assertThat(browser.findElement(By.id("inbox-parked")).getText()).contains(TestBooks.HOSTILE_BODY)
        .contains("no listing for etsy product <b>99</b>");
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void statusForm_inChromium_movesTheItemThroughTheLedger() throws IOException {
    open("/item?sku=LMP-BRASS");
    new Select(browser.findElement(By.id("status-to"))).selectByValue("READY_TO_LIST");
    browser.findElement(By.cssSelector("#status-form button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("dl.details"), "READY_TO_LIST"));
    assertThat(browser.getCurrentUrl()).endsWith("/item?sku=LMP-BRASS");
    assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.READY_TO_LIST);
    List<WebElement> rows = browser.findElements(By.cssSelector("#history tbody tr"));
    assertThat(rows).hasSize(books.ledger.history(Sku.of("LMP-BRASS")).size());
    assertThat(rows.get(rows.size() - 1).getText()).contains("ItemStatusChanged").contains("person:maya");
    screenshot("dashboard-item.png");
  }

  @Test
  void endListingButton_inChromium_endsTheListing() {
    Listing listing = books.ledger.requireItem(TestBooks.HOSTILE).listings().values().iterator().next();
    open("/listings?sku=HOSTILE-1");
    browser.findElement(By.cssSelector("#listing-" + listing.id().value() + " button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#listing-" + listing.id().value() + " h2"), "ENDED"));
    assertThat(books.ledger.listing(listing.id()).orElseThrow().status()).isEqualTo(SyncStatus.ENDED);
  }

  @Test
  void approveButton_inChromium_approvesTheProposalAsShown() throws IOException {
    ListingId ebay = books.saleOnOneOfTwoChannels();
    Proposal proposal = books.proposals().pending(ProposalsPage.LIMIT).stream()
        .filter(p -> p.target().equals(ProposalTarget.listing(ebay))).findFirst().orElseThrow();
    open("/proposals");
    WebElement row = browser.findElement(By.id("proposal-" + proposal.id().value()));
    assertThat(row.getText()).contains(TestBooks.HOSTILE_PROPOSAL).contains("ChannelSaleRecorded");
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
    screenshot("dashboard-proposals.png");
    row.findElement(By.cssSelector("button.approve")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.id("decided"), "APPROVED"));
    assertThat(browser.findElements(By.id("proposal-" + proposal.id().value()))).isEmpty();
    assertThat(books.proposals().require(proposal.id()).state()).isEqualTo(ProposalState.APPROVED);
    assertThat(books.proposals().require(proposal.id()).approval().orElseThrow().digest()).isEqualTo(proposal.digest());
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void queuesAndWeek_inChromium_showTheApisEntriesAndFigures() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1400));
    try {
      books.hostileSyncError();
      open("/queues");
      var top = books.queues().top(QueuesPage.LIMIT);
      List<WebElement> rows = browser.findElements(By.cssSelector("#queues tbody tr"));

      assertThat(browser.getTitle()).isEqualTo("Queues · resell ledger");
      assertThat(rows).hasSize(top.size());
      assertThat(rows.get(0).getAttribute("data-kind")).isEqualTo("DOUBLE_SALE");
      assertThat(rows.get(0).findElement(By.cssSelector("td.action")).getText())
          .isEqualTo(top.get(0).suggestedAction());
      assertThat(browser.findElement(By.cssSelector("tr[data-kind='SYNC_ERROR'][data-subject='HOSTILE-1'] .title"))
          .getText()).isEqualTo(TestBooks.HOSTILE_TITLE);
      assertThat(browser.findElements(By.tagName("script"))).isEmpty();
      assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
      screenshot("dashboard-queues.png");

      open("/week");
      var review = books.reports().weekly(java.time.Instant.parse("2026-12-07T00:00:00Z"),
          java.time.Instant.parse("2026-12-14T00:00:00Z"), java.util.Currency.getInstance("USD"), WeekPage.STALE);
      WebElement sales = browser.findElement(By.id("fig-sales"));
      assertThat(sales.findElement(By.cssSelector("summary .value")).getText())
          .isEqualTo(review.sales().value().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
      // folded: the parts are hidden until the summary is clicked, with no script
      assertThat(sales.findElement(By.cssSelector("table.parts")).isDisplayed()).isFalse();
      sales.findElement(By.tagName("summary")).click();
      List<WebElement> parts = sales.findElements(By.cssSelector("table.parts tbody tr"));
      assertThat(parts).hasSize(review.sales().parts().size());
      assertThat(parts.get(0).isDisplayed()).isTrue();
      assertThat(parts.get(0).getText()).startsWith(review.sales().parts().get(0).event().value());
      assertThat(browser.findElement(By.cssSelector("#fig-margin summary .value")).getText())
          .isEqualTo(review.margin().value().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
      screenshot("dashboard-week.png");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void charts_inChromium_drawTheWeeksOfTheOrders() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1500));
    try {
      open("/charts");
      List<Order> sales = books.ledger.orders().stream().filter(o -> o.status() != OrderStatus.CANCELLED).toList();
      BigDecimal thisWeek = sales.stream()
          .filter(o -> !o.placedAt().isBefore(java.time.Instant.parse("2026-12-07T00:00:00Z")))
          .map(o -> o.salePrice().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
      List<WebElement> cells = browser.findElements(By.cssSelector("#weeks-usd tr[data-week='2026-12-07'] td"));

      assertThat(cells).extracting(WebElement::getText)
          .containsExactly("2026-12-07", "2", thisWeek.toPlainString() + " USD", "99.50 USD");
      assertThat(browser.findElements(By.cssSelector("#chart-weekly-usd rect.bar-sales"))).hasSize(4);
      assertThat(browser.findElements(By.cssSelector("#chart-weekly-usd text.value")).stream().map(WebElement::getText))
          .contains(thisWeek.toPlainString());
      WebElement electronics = browser.findElement(By.cssSelector("#sell-through-category tr[data-group='Electronics']"));
      assertThat(electronics.getText()).isEqualTo("Electronics 1 0 100%");
      // a bar is drawn: the SVG has a size in the page
      assertThat(browser.findElement(By.id("chart-weekly-usd")).getSize().getHeight()).isGreaterThan(200);
      screenshot("dashboard-charts.png");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void formFromAnotherOrigin_inChromium_isRefusedAndChangesNothing() throws IOException {
    // a page of another origin (another port of this machine) whose form posts to the dashboard: the browser
    // sends the session cookie (same site) but the page cannot know the token, and its Origin is not ours
    com.sun.net.httpserver.HttpServer attacker = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    String form = "<!DOCTYPE html><html><body><form method=\"post\" action=\"http://127.0.0.1:" + books.web.port()
        + "/item/status\"><input name=\"sku\" value=\"LMP-BRASS\"><input name=\"to\" value=\"READY_TO_LIST\">"
        + "<input name=\"csrf\" value=\"guessed\"><button id=\"go\" type=\"submit\">win a prize</button></form>"
        + "</body></html>";
    attacker.createContext("/", exchange -> {
      byte[] body = form.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    attacker.start();
    try {
      open("/item?sku=LMP-BRASS");
      browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
      browser.findElement(By.id("go")).click();

      new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Refused"));
      assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("nothing was changed");
      assertThat(books.ledger.requireItem(Sku.of("LMP-BRASS")).status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
    } finally {
      attacker.stop(0);
    }
  }

  private void open(String path) {
    browser.get("http://127.0.0.1:" + books.web.port() + path);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void screenshot(String name) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String env(String name, String otherwise) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(otherwise);
  }
}
