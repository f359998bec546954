package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resell count} end to end in this JVM, on real H2 books: a count of the garage finds one jacket
 * too many and no scarf; the close prints the variance and drafts the adjustments a person approves.
 */
class ResellCountTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;
  Cli cli;

  @BeforeEach
  void twoItemsInTheGarage() {
    cli = Cli.in(home);
    ok("init");
    intake("JKT-001", "GARAGE/S2/B7", "2");
    intake("SCF-001", "GARAGE/S1", "1");
  }

  private void intake(String sku, String location, String quantity) {
    ok("intake", "--sku", sku, "--title", "Item " + sku, "--category", "Clothing > Men", "--condition", "very_good",
        "--cost", "24.00", "--acquired", "2026-11-22", "--location", location, "--photos", "complete",
        "--quantity", quantity);
  }

  Cli.Run ok(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isZero();
    return run;
  }

  private String start() throws Exception {
    return JSON.readTree(ok("count", "start", "GARAGE", "--json").out()).get("id").asText();
  }

  @Test
  void startAddClose_printsTheVariance_andTheProposalsDrafted_whichAPersonApproves() throws Exception {
    String session = start();
    ok("count", "add", session, "JKT-001", "3");

    Cli.Run close = ok("count", "close", session);

    assertThat(close.out()).contains("Closed count " + session + " of GARAGE: 2 line(s), 1 adjustment proposal(s)")
        .containsPattern("JKT-001\\s+OVER\\s+expected\\s+2\\s+counted\\s+3\\s+variance\\s+\\+1\\s+value 12.00 USD"
            + "\\s+proposal \\S+")
        .containsPattern("SCF-001\\s+NOT_COUNTED\\s+expected\\s+1");
    Cli.Run again = cli.run("count", "close", session);
    assertThat(again.exit()).as(again.toString()).isNotZero();
    assertThat(again.out() + again.err()).contains("COUNT_CLOSED");
    String today = java.time.LocalDate.now().toString();
    assertThat(ok("weekly", "--from", java.time.LocalDate.now().minusDays(7).toString(), "--to", today).out())
        .containsPattern("last count units +3 ");
  }

  @Test
  void close_json_givesTheReport_andTheProposalIsApprovedByAPerson() throws Exception {
    String session = start();
    ok("count", "add", session, "JKT-001", "1");
    JsonNode closed = JSON.readTree(ok("count", "close", session, "--json").out());
    JsonNode jacket = closed.get("report").get(0);
    assertThat(jacket.get("finding").asText()).isEqualTo("SHORT");
    assertThat(jacket.get("variance").asInt()).isEqualTo(-1);
    String proposal = jacket.get("proposal").asText();

    ok("proposals", "approve", proposal, "--as", "maya");

    assertThat(ok("proposals", "show", proposal).out()).contains("ADJUST_FROM_COUNT").contains("APPROVED");
  }

  @Test
  void aSheetWithAnError_recordsNothing_andNamesRowAndColumn() throws Exception {
    String session = start();
    Path sheet = home.resolve("sheet.csv");
    Files.writeString(sheet, "sku,counted,location\nJKT-001,2,GARAGE/S2\nSCF-001,x,GARAGE\n");

    Cli.Run run = cli.run("count", "sheet", session, sheet.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("row 3, column counted, value 'x'").contains("[INVALID_VALUE]");
    Files.writeString(sheet, "sku,counted\nJKT-001,2\nSCF-001,1\n");
    assertThat(ok("count", "sheet", session, sheet.toString()).out()).contains("Recorded 2 line(s)");
    assertThat(ok("count", "close", session).out()).contains("0 adjustment proposal(s)");
  }
}
