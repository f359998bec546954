package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resell orders} end to end in this JVM, on real H2 books: list and show, set the ship-by date, ship
 * with carrier, tracking and cost, add tracking later, record a payout; each refusal names field, value, why
 * and code, exits 1 and changes nothing.
 */
class ResellOrdersTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;
  Cli cli;
  String order;

  @BeforeEach
  void aJacketSoldOnEbay() throws Exception {
    cli = Cli.in(home);
    ok("init");
    ok("intake", "--sku", "JKT-001", "--title", "Levi's trucker jacket, M", "--category", "Clothing > Men > Jackets",
        "--condition", "very_good", "--cost", "24.00", "--acquired", "2026-11-22", "--location", "GARAGE/S2/B7",
        "--photos", "complete", "--quantity", "2");
    ok("list", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00", "--quantity", "2");
    order = JSON.readTree(ok("sell", "--json", "--sku", "JKT-001", "--channel", "ebay", "--order", "24-11301-55555",
        "--price", "89.00", "--fees", "11.75").out()).get("order").asText();
  }

  Cli.Run ok(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isZero();
    return run;
  }

  JsonNode json(String... args) throws Exception {
    return JSON.readTree(ok(args).out());
  }

  Cli.Run refused(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    return run;
  }

  @Test
  void list_andShow_giveTheOrder_byItsIdOrTheChannelsId() throws Exception {
    Cli.Run list = ok("orders");
    JsonNode listed = json("orders", "list", "--json");
    Cli.Run show = ok("orders", "show", "24-11301-55555");
    JsonNode shown = json("orders", "show", order, "--json");

    assertThat(list.out()).startsWith("1 order(s)").containsPattern("  " + order + "  ebay +24-11301-55555 +PAID +"
        + "89\\.00 USD  ship by -  tracking -");
    assertThat(listed.get("orders")).hasSize(1);
    assertThat(listed.get("orders").get(0).get("id").asText()).isEqualTo(order);
    assertThat(show.out()).startsWith(order + "  ebay #24-11301-55555  PAID")
        .contains("sale price 89.00 USD, fees 11.75 USD").contains("  JKT-001  1 x 89.00 USD")
        .containsPattern("OrderPlaced +MANUAL +person:maya");
    assertThat(shown.get("lines").get(0).get("sku").asText()).isEqualTo("JKT-001");
    assertThat(shown.get("history").get(0).get("kind").asText()).isEqualTo("OrderPlaced");

    assertThat(ok("orders", "show", "ebay:24-11301-55555").out()).isEqualTo(show.out());

    Cli.Run unknown = refused("orders", "show", "NO-SUCH-ORDER", "--json");
    assertThat(unknown.err()).contains("refused: order 'NO-SUCH-ORDER'").contains("[UNKNOWN_ORDER]");
    assertThat(JSON.readTree(unknown.out()).get("refused").get("field").asText()).isEqualTo("order");
  }

  @Test
  void shipBy_aDay_isTheEndOfThatDay_andShowsOnTheOrderAndTheDashboard() throws Exception {
    Cli.Run set = ok("orders", "ship-by", "24-11301-55555", "2026-12-09");
    JsonNode after = json("orders", "show", order, "--json");

    assertThat(set.out()).startsWith("Ship by set: " + order + "  ebay ").contains("ship by 2026-12-10T00:00:00Z");
    assertThat(after.get("shipBy").asText()).isEqualTo("2026-12-10T00:00:00Z");
    assertThat(json("dashboard", "--json").get("toShip").get(0).get("shipBy").asText())
        .isEqualTo("2026-12-10T00:00:00Z");
    assertThat(json("orders", "ship-by", order, "2026-12-09T17:00:00Z", "--json").get("shipBy").asText())
        .isEqualTo("2026-12-09T17:00:00Z");

    Cli.Run bad = cli.run("orders", "ship-by", order, "next tuesday");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("DATE 'next tuesday'");
  }

  @Test
  void ship_thenTrack_thenPayout_changeTheOrder_andTheWeeklyFigures() throws Exception {
    Cli.Run shipped = ok("orders", "ship", order, "--carrier", "USPS", "--tracking", "9400100000000000000001",
        "--cost", "5.40");
    assertThat(shipped.out()).startsWith("Shipped: " + order + "  ebay ").contains("SHIPPED")
        .contains("tracking USPS 9400100000000000000001");
    JsonNode o = json("orders", "show", order, "--json");
    assertThat(o.get("status").asText()).isEqualTo("SHIPPED");
    assertThat(o.get("shippingCost").asText()).isEqualTo("5.40 USD");
    assertThat(o.get("carrier").asText()).isEqualTo("USPS");

    JsonNode tracked = json("orders", "track", order, "--carrier", "UPS", "--tracking", "1Z999AA10123456784",
        "--json");
    assertThat(tracked.get("carrier").asText()).isEqualTo("UPS");
    assertThat(tracked.get("tracking").asText()).isEqualTo("1Z999AA10123456784");

    Cli.Run paid = ok("orders", "payout", "24-11301-55555", "--id", "P-1", "--amount", "40.00", "--fees", "5.20");
    assertThat(paid.out()).startsWith("Payout recorded: " + order);
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    JsonNode week = json("weekly", "--from", today, "--to", today, "--json");
    assertThat(week.get("cashCollected").get("value").asText()).isEqualTo("40.00");
    assertThat(week.get("feesWithheld").get("value").asText()).isEqualTo("5.20");
    assertThat(week.get("shippingSpend").get("value").asText()).isEqualTo("5.40");
    assertThat(ok("orders", "show", order).out()).contains("PayoutReceived").contains("TrackingAdded").contains("OrderShipped");
  }

  @Test
  void refusals_nameFieldValueReasonAndCode_exit1_andChangeNothing() throws Exception {
    Cli.Run badCost = refused("orders", "ship", order, "--carrier", "USPS", "--tracking", "X1", "--cost", "5.4.0",
        "--json");
    JsonNode r = JSON.readTree(badCost.out()).get("refused");
    assertThat(r.get("value").asText()).isEqualTo("5.4.0");
    assertThat(r.get("code").asText()).isEqualTo("INVALID_VALUE");
    assertThat(badCost.err()).startsWith("refused: ").contains("'5.4.0'").contains("[INVALID_VALUE]");

    Cli.Run negative = refused("orders", "payout", order, "--id", "P-1", "--amount", "-40.00", "--json");
    assertThat(JSON.readTree(negative.out()).get("refused").get("code").asText()).isNotBlank();
    assertThat(negative.err()).contains("-40.00");

    ok("orders", "ship", order, "--carrier", "USPS", "--tracking", "X1", "--cost", "5.40");
    Cli.Run late = refused("orders", "ship-by", order, "2026-12-09", "--json");
    JsonNode lr = JSON.readTree(late.out()).get("refused");
    assertThat(lr.get("field").asText()).isNotBlank();
    assertThat(late.err()).startsWith("refused: ").contains("[" + lr.get("code").asText() + "]");

    Cli.Run twice = refused("orders", "ship", order, "--carrier", "USPS", "--tracking", "X2", "--cost", "1.00");
    assertThat(twice.err()).startsWith("refused: ");
    JsonNode o = json("orders", "show", order, "--json");
    assertThat(o.get("shipBy").isNull()).isTrue();
    assertThat(o.get("tracking").asText()).isEqualTo("X1");
    assertThat(o.get("shippingCost").asText()).isEqualTo("5.40 USD");
  }
}
