package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resell proposals} end to end in this JVM, on real H2 books: a sale on one channel drafts a sync
 * proposal for the item's other listing; a person approves or rejects it.
 */
class ResellProposalsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;
  Cli cli;
  String ebay;
  String etsy;
  String saleEvent;

  @BeforeEach
  void aJacketListedTwice_soldOnEbay() throws Exception {
    cli = Cli.in(home);
    ok("init");
    ok("intake", "--sku", "JKT-001", "--title", "Levi's trucker jacket, M", "--category", "Clothing > Men > Jackets",
        "--condition", "very_good", "--cost", "24.00", "--acquired", "2026-11-22", "--location", "GARAGE/S2/B7",
        "--photos", "complete", "--quantity", "2");
    ebay = JSON.readTree(ok("list", "--json", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00",
        "--quantity", "2", "--external-id", "204512340001").out()).get("id").asText();
    etsy = JSON.readTree(ok("list", "--json", "--sku", "JKT-001", "--channel", "etsy", "--price", "92.00",
        "--quantity", "2").out()).get("id").asText();
    ok("sell", "--sku", "JKT-001", "--channel", "ebay", "--order", "24-11301-55555", "--price", "89.00");
    JsonNode history = JSON.readTree(ok("items", "show", "JKT-001", "--json").out()).get("history");
    for (JsonNode e : history) {
      if (e.get("kind").asText().equals("ChannelSaleRecorded")) {
        saleEvent = e.get("id").asText();
      }
    }
    assertThat(saleEvent).as(history.toString()).isNotNull();
  }

  Cli.Run ok(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isZero();
    return run;
  }

  /** The pending proposal for the etsy listing, as `proposals list --json` gives it. */
  JsonNode etsyProposal() throws Exception {
    List<JsonNode> found = new ArrayList<>();
    JSON.readTree(ok("proposals", "list", "--json").out()).get("proposals").forEach(p -> {
      if (p.get("target").get("id").asText().equals(etsy)) {
        found.add(p);
      }
    });
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void list_afterASaleOnOneChannel_showsTheQuantityProposalForTheOtherListing_citingTheSale() throws Exception {
    Cli.Run list = ok("proposals", "list");

    assertThat(list.out()).containsPattern("\\d+ PENDING proposals?")
        .containsPattern("SET_LISTING_QUANTITY listing:" + etsy + " on etsy \\{quantity=1\\}  caused by " + saleEvent
            + "  risks none  by system:sync  id \\S+  PENDING");
    JsonNode p = etsyProposal();
    assertThat(p.get("kind").asText()).isEqualTo("SET_LISTING_QUANTITY");
    assertThat(p.get("channel").asText()).isEqualTo("etsy");
    assertThat(p.get("params").get("quantity").asText()).isEqualTo("1");
    assertThat(p.get("causation").asText()).isEqualTo(saleEvent);
    assertThat(p.get("author").asText()).isEqualTo("system:sync");
    assertThat(p.get("state").asText()).isEqualTo("PENDING");
  }

  @Test
  void show_givesEverything_theEvidenceIncluded() throws Exception {
    String id = etsyProposal().get("id").asText();

    Cli.Run show = ok("proposals", "show", id);
    JsonNode json = JSON.readTree(ok("proposals", "show", id, "--json").out());

    assertThat(show.out()).contains(id + "  SET_LISTING_QUANTITY  PENDING").contains("listing:" + etsy + " on etsy")
        .contains("digest     " + json.get("digest").asText()).contains("event    " + saleEvent);
    assertThat(json.get("evidence").get("events").toString()).contains(saleEvent);
    assertThat(json.get("evidence").get("figures").size()).isPositive();
  }

  @Test
  void approve_asAPerson_movesItToApproved_andTwiceIsRefusedNamingTheCode() throws Exception {
    String id = etsyProposal().get("id").asText();

    Cli.Run approved = ok("proposals", "approve", id, "--as", "maya");

    assertThat(approved.out()).startsWith("Approved " + id + ": SET_LISTING_QUANTITY listing:" + etsy)
        .contains("-> APPROVED");
    JsonNode shown = JSON.readTree(ok("proposals", "show", id, "--json").out());
    assertThat(shown.get("state").asText()).isEqualTo("APPROVED");
    assertThat(shown.get("approval").get("by").asText()).isEqualTo("person:maya");
    assertThat(shown.get("approval").get("digest").asText()).isEqualTo(shown.get("digest").asText());
    assertThat(ok("proposals", "list").out()).doesNotContain(id);

    Cli.Run again = cli.run("proposals", "approve", id, "--as", "maya", "--json");

    assertThat(again.exit()).as(again.toString()).isEqualTo(1);
    assertThat(again.err()).contains("refused: ").containsPattern("\\[[A-Z_]+\\]");
    JsonNode refused = JSON.readTree(again.out()).get("refused");
    assertThat(refused.get("code").asText()).isEqualTo("APPROVAL_REPLAYED");
    assertThat(refused.get("field").asText()).isEqualTo("proposal");
    assertThat(refused.get("value").asText()).isEqualTo(id);
    assertThat(again.err()).contains("refused: proposal '" + id + "'").contains("[APPROVAL_REPLAYED]");
  }

  @Test
  void approve_withTheDigestShown_isApproved_butAnotherDigestIsRefused() throws Exception {
    JsonNode p = etsyProposal();
    String id = p.get("id").asText();

    Cli.Run stale = cli.run("proposals", "approve", id, "--as", "maya", "--digest", "0".repeat(64));

    assertThat(stale.exit()).as(stale.toString()).isEqualTo(1);
    assertThat(stale.err()).contains("refused: digest '" + "0".repeat(64) + "'").contains("[PROPOSAL_CHANGED]");
    assertThat(etsyProposal().get("state").asText()).isEqualTo("PENDING");

    Cli.Run approved = ok("proposals", "approve", id, "--as", "maya", "--digest", p.get("digest").asText(), "--json");
    assertThat(JSON.readTree(approved.out()).get("state").asText()).isEqualTo("APPROVED");
  }

  @Test
  void reject_withAReason_movesItToRejected() throws Exception {
    String id = etsyProposal().get("id").asText();

    Cli.Run rejected = ok("proposals", "reject", id, "--as", "maya", "--reason", "etsy is on holiday mode");

    assertThat(rejected.out()).startsWith("Rejected " + id).contains("-> REJECTED");
    JsonNode shown = JSON.readTree(ok("proposals", "show", id, "--json").out());
    assertThat(shown.get("state").asText()).isEqualTo("REJECTED");
    assertThat(ok("proposals", "show", id).out()).contains("etsy is on holiday mode");
  }

  @Test
  void aDecision_withoutAPerson_isAUsageError_andWithoutAReason_too() throws Exception {
    String id = etsyProposal().get("id").asText();

    Cli.Run noPerson = cli.run("proposals", "approve", id);
    Cli.Run noReason = cli.run("proposals", "reject", id, "--as", "maya");

    assertThat(noPerson.exit()).isEqualTo(2);
    assertThat(noPerson.err()).contains("--as");
    assertThat(noReason.exit()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");
  }

  @Test
  void anUnknownId_exits1_namingIt() throws Exception {
    Cli.Run show = cli.run("proposals", "show", "nope-1");
    Cli.Run approve = cli.run("proposals", "approve", "nope-1", "--as", "maya", "--json");

    assertThat(show.exit()).isEqualTo(1);
    assertThat(show.err()).contains("refused: proposal 'nope-1': no proposal with this id [UNKNOWN_PROPOSAL]");
    assertThat(approve.exit()).isEqualTo(1);
    assertThat(JSON.readTree(approve.out()).get("refused").get("code").asText()).isEqualTo("UNKNOWN_PROPOSAL");
  }
}
