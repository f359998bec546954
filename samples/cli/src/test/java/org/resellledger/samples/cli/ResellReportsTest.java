package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderId;

/**
 * {@code resell queues}, {@code dashboard} and {@code weekly} end to end in this JVM, on real H2 books: a
 * double sale heads the queues with its action, a paid order waits on the dashboard to ship, and the weekly
 * margin is the sale price less fees, shipping and cost basis.
 */
class ResellReportsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;
  Cli cli;

  @BeforeEach
  void books() {
    cli = Cli.in(home);
    ok("init");
  }

  Cli.Run ok(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isZero();
    return run;
  }

  void intake(String sku, String cost, int quantity) {
    ok("intake", "--sku", sku, "--title", "Item " + sku, "--category", "Clothing > Men > Jackets",
        "--condition", "very_good", "--cost", cost, "--acquired", "2026-11-22", "--location", "GARAGE/S2/B7",
        "--photos", "complete", "--quantity", Integer.toString(quantity));
  }

  String list(String sku, String channel, int quantity) throws Exception {
    return JSON.readTree(ok("list", "--json", "--sku", sku, "--channel", channel, "--price", "89.00",
        "--quantity", Integer.toString(quantity)).out()).get("id").asText();
  }

  String sell(String sku, String channel, String order, String fees) throws Exception {
    return JSON.readTree(ok("sell", "--json", "--sku", sku, "--channel", channel, "--order", order, "--price",
        "89.00", "--fees", fees).out()).get("order").asText();
  }

  /** The ids of an item's events of one kind, from `items show --json`. */
  String event(String sku, String kind, int nth) throws Exception {
    int seen = 0;
    for (JsonNode e : JSON.readTree(ok("items", "show", sku, "--json").out()).get("history")) {
      if (e.get("kind").asText().equals(kind) && seen++ == nth) {
        return e.get("id").asText();
      }
    }
    throw new AssertionError("no " + kind + " #" + nth + " for " + sku);
  }

  @Test
  void queues_aDoubleSaleOnTwoChannels_comesFirst_withItsSuggestedActionAndEvidence() throws Exception {
    intake("LMP-001", "10.00", 1);
    list("LMP-001", "ebay", 1);
    intake("JKT-001", "24.00", 1);
    list("JKT-001", "ebay", 1);
    list("JKT-001", "etsy", 1);
    sell("JKT-001", "ebay", "EB-1", "11.75");
    sell("JKT-001", "etsy", "ET-1", "6.00");
    String second = event("JKT-001", "ChannelSaleRecorded", 1);

    Cli.Run text = ok("queues");
    JsonNode json = JSON.readTree(ok("queues", "--json").out());
    JsonNode one = JSON.readTree(ok("queues", "--kind", "double_sale", "--json").out());

    String first = text.out().lines().skip(1).findFirst().orElseThrow();
    assertThat(first).as(text.out()).startsWith("  P1 DOUBLE_SALE  JKT-001  ").contains(second);
    JsonNode top = json.get("entries").get(0);
    assertThat(top.get("kind").asText()).isEqualTo("DOUBLE_SALE");
    assertThat(top.get("subject").asText()).isEqualTo("JKT-001");
    assertThat(top.get("suggestedAction").asText()).isNotBlank();
    assertThat(first).contains("-> " + top.get("suggestedAction").asText());
    assertThat(top.get("evidence").toString()).contains(second);
    assertThat(top.get("figures").size()).isPositive();
    assertThat(one.get("entries")).hasSize(1);
    assertThat(one.get("entries").get(0).get("subject").asText()).isEqualTo("JKT-001");
    assertThat(ok("queues", "--kind", "LATE_SHIPMENT").out()).startsWith("0 entries in LATE_SHIPMENT");
    Cli.Run wrong = cli.run("queues", "--kind", "nope");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("--kind").contains("nope");
  }

  @Test
  void dashboard_anOrderPaidAndNotShipped_isToShip() throws Exception {
    intake("JKT-001", "24.00", 1);
    list("JKT-001", "ebay", 1);
    String order = sell("JKT-001", "ebay", "EB-1", "11.75");
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    Cli.Run text = ok("dashboard");
    JsonNode json = JSON.readTree(ok("dashboard", "--day", today, "--zone", "UTC", "--currency", "USD", "--json")
        .out());

    assertThat(text.out()).startsWith("Dashboard of " + today + " (UTC), USD").contains("to ship (1)")
        .containsPattern("  " + order + "  ebay +PAID  ship by -");
    assertThat(text.out()).containsPattern("ebay +89.00 USD in 1 order\\(s\\)");
    assertThat(json.get("toShip")).hasSize(1);
    assertThat(json.get("toShip").get(0).get("order").asText()).isEqualTo(order);
    assertThat(json.get("toShip").get(0).get("status").asText()).isEqualTo("PAID");
    assertThat(json.get("soldByChannel").get("ebay").get("value").asText()).isEqualTo("89.00");

    try (Books books = Books.open(home.resolve("resell-data"), new Context(System.out, System.err,
        java.util.Map.of(), home, false))) {
      books.ledger.execute(new ShipOrder(OrderId.of(order), "USPS", "9400100000000000000000",
          Money.of("8.50", "USD"), Origin.manual("maya")));
    }
    assertThat(ok("dashboard").out()).contains("to ship (0)");
  }

  @Test
  void weekly_margin_isSalePriceLessFeesShippingAndCostBasis_inTextAndJson() throws Exception {
    intake("JKT-001", "24.00", 2);
    list("JKT-001", "ebay", 2);
    String order = sell("JKT-001", "ebay", "EB-1", "11.75");
    try (Books books = Books.open(home.resolve("resell-data"), new Context(System.out, System.err,
        java.util.Map.of(), home, false))) {
      books.ledger.execute(new ShipOrder(OrderId.of(order), "USPS", "9400100000000000000000",
          Money.of("8.50", "USD"), Origin.manual("maya")));
    }
    String sale = event("JKT-001", "ChannelSaleRecorded", 0);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // cost basis 24.00 for the lot of 2: the unit sold cost 12.00
    BigDecimal margin = new BigDecimal("89.00").subtract(new BigDecimal("11.75")).subtract(new BigDecimal("8.50"))
        .subtract(new BigDecimal("24.00").divide(BigDecimal.valueOf(2)));
    String[] range = {"--from", today.minusDays(6).toString(), "--to", today.toString()};

    Cli.Run text = ok(concat(new String[] {"weekly"}, range));
    JsonNode json = JSON.readTree(ok(concat(new String[] {"weekly", "--currency", "USD", "--stale-days", "30",
        "--json"}, range)).out());

    assertThat(margin).isEqualByComparingTo("56.75");
    assertThat(text.out()).containsPattern("margin +56\\.75 USD  \\(1 event part\\(s\\)\\)")
        .containsPattern("sales +89\\.00 USD").containsPattern("fees +11\\.75 USD")
        .containsPattern("shipping spend +8\\.50 USD").containsPattern("stock units +1 .*stored items: 1 \\(agree\\)")
        .contains("by category (1)")
        .containsPattern("  Clothing +sold 1, on hand 1, sell-through 50\\.00%, margin 56\\.75 USD")
        .contains("by source (1)").containsPattern("cash collected +0\\.00 USD")
        .containsPattern("stock cost +12\\.00 USD .*stored items: 12\\.00 USD");
    assertThat(new BigDecimal(json.get("margin").get("value").asText())).isEqualByComparingTo(margin);
    assertThat(json.get("margin").get("parts").get(0).get("event").asText()).isEqualTo(sale);
    assertThat(json.get("sales").get("value").asText()).isEqualTo("89.00");
    assertThat(json.get("shippingSpend").get("value").asText()).isEqualTo("8.50");
    assertThat(json.get("stock").get("agrees").asBoolean()).isTrue();
    JsonNode clothing = json.get("byCategory").get(0);
    assertThat(clothing.get("name").asText()).isEqualTo("Clothing");
    assertThat(clothing.get("sellThrough").asText()).isEqualTo("0.5000");
    assertThat(new BigDecimal(clothing.get("margin").get("value").asText())).isEqualByComparingTo(margin);

    Cli.Run backwards = cli.run("weekly", "--from", today.toString(), "--to", today.minusDays(1).toString());
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err()).contains("--to");
  }

  static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
