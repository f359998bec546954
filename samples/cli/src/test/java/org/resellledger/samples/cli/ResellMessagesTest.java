package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import org.resellledger.core.order.OrderId;

/**
 * {@code resell messages} and the dashboard's new figures end to end in this JVM, on real H2 books: buyer
 * messages waiting, oldest first; a drafted reply is a proposal approved with {@code proposals approve}; a
 * close says why; the dashboard counts messages waiting and proposals waiting, each naming its events.
 */
class ResellMessagesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;
  Cli cli;
  String order;
  String ebay;

  @BeforeEach
  void aJacketSoldOnEbay_andTwoBuyerMessages() throws Exception {
    cli = Cli.in(home);
    ok("init");
    ok("intake", "--sku", "JKT-001", "--title", "Levi's trucker jacket, M", "--category", "Clothing > Men > Jackets",
        "--condition", "very_good", "--cost", "24.00", "--acquired", "2026-11-22", "--location", "GARAGE/S2/B7",
        "--photos", "complete", "--quantity", "2");
    ebay = JSON.readTree(ok("list", "--json", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00",
        "--quantity", "2").out()).get("id").asText();
    ok("list", "--sku", "JKT-001", "--channel", "etsy", "--price", "92.00", "--quantity", "2");
    order = JSON.readTree(ok("sell", "--json", "--sku", "JKT-001", "--channel", "ebay", "--order", "24-11301-55555",
        "--price", "89.00").out()).get("order").asText();
    try (Books books = Books.open(home.resolve("resell-data"), new Context(System.out, System.err, Map.of(), home,
        false))) {
      Instant now = Instant.now();
      // the later one is recorded first: the list is by receipt, not by recording
      books.ledger.execute(new RecordBuyerMessage(Channel.of("ebay"), "m-2", Optional.of(OrderId.of(order)),
          Optional.empty(), "buyer<b>2</b>", "Can you combine shipping?", now.minusSeconds(60),
          Origin.manual("maya")));
      books.ledger.execute(new RecordBuyerMessage(Channel.of("ebay"), "m-1", Optional.of(OrderId.of(order)),
          Optional.empty(), "buyer1", "When will it ship?", now.minusSeconds(600), Origin.manual("maya")));
    }
  }

  Cli.Run ok(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isZero();
    return run;
  }

  JsonNode json(String... args) throws Exception {
    return JSON.readTree(ok(args).out());
  }

  @Test
  void messages_listsThoseWaiting_oldestFirst() throws Exception {
    Cli.Run text = ok("messages");
    JsonNode list = json("messages", "--json");

    assertThat(list.get("messages")).hasSize(2);
    assertThat(list.get("messages").get(0).get("providerMessageId").asText()).isEqualTo("m-1");
    assertThat(list.get("messages").get(1).get("providerMessageId").asText()).isEqualTo("m-2");
    assertThat(list.get("messages").get(0).get("order").asText()).isEqualTo(order);
    assertThat(text.out()).startsWith("2 messages waiting");
    assertThat(text.out().indexOf("When will it ship?")).isLessThan(text.out().indexOf("Can you combine shipping?"));
    assertThat(text.out()).contains("buyer1  order " + order + "  AWAITING_REPLY  \"When will it ship?\"");
    String id = list.get("messages").get(0).get("id").asText();
    assertThat(ok("messages", "show", id).out()).startsWith(id + "  AWAITING_REPLY")
        .contains("from       buyer1 on ebay (message m-1)").contains("  | When will it ship?");
  }

  @Test
  void reply_draftsAProposal_approvedWithProposalsApprove_andClose_saysWhy() throws Exception {
    JsonNode list = json("messages", "--json");
    String first = list.get("messages").get(0).get("id").asText();
    String second = list.get("messages").get(1).get("id").asText();

    Cli.Run reply = ok("messages", "reply", first, "--text", "It ships tomorrow.", "--as", "maya");
    JsonNode drafted = json("messages", "show", first, "--json");
    String proposal = drafted.get("reply").asText();
    assertThat(drafted.get("state").asText()).isEqualTo("REPLY_DRAFTED");
    assertThat(reply.out()).startsWith("Drafted the reply to " + first + " -> REPLY_DRAFTED, proposal " + proposal)
        .contains("resell proposals approve " + proposal);
    JsonNode p = json("proposals", "show", proposal, "--json");
    assertThat(p.get("kind").asText()).isEqualTo("SEND_BUYER_REPLY");
    assertThat(p.get("state").asText()).isEqualTo("PENDING");
    assertThat(p.get("params").toString()).contains("It ships tomorrow.");

    Cli.Run self = cli.run("proposals", "approve", proposal, "--as", "maya");
    assertThat(self.exit()).isEqualTo(1);
    assertThat(self.err()).contains("[SELF_APPROVAL]");
    ok("proposals", "approve", proposal, "--as", "sam");
    assertThat(json("messages", "show", first, "--json").get("state").asText()).isEqualTo("REPLY_APPROVED");

    Cli.Run closed = ok("messages", "close", second, "--reason", "answered on the phone", "--as", "maya");
    assertThat(closed.out()).isEqualTo("Closed " + second + " -> CLOSED_WITHOUT_REPLY: answered on the phone\n");
    assertThat(json("messages", "--json").get("messages")).isEmpty();
  }

  @Test
  void refusals_nameFieldValueReasonAndCode_exit1_andChangeNothing() throws Exception {
    String first = json("messages", "--json").get("messages").get(0).get("id").asText();

    Cli.Run unknown = cli.run("messages", "reply", "01a24e4f-d52b-7000-9917-6b092d3f237b", "--text", "hi", "--as",
        "maya", "--json");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(JSON.readTree(unknown.out()).get("refused").get("field").asText()).isEqualTo("message");
    assertThat(unknown.err()).contains("refused: message '01a24e4f-d52b-7000-9917-6b092d3f237b'")
        .contains("[UNKNOWN_MESSAGE]");

    Cli.Run empty = cli.run("messages", "reply", first, "--text", " ", "--as", "maya", "--json");
    assertThat(empty.exit()).isEqualTo(1);
    JsonNode r = JSON.readTree(empty.out()).get("refused");
    assertThat(r.get("field").asText()).isNotBlank();
    assertThat(empty.err()).startsWith("refused: ").contains("[" + r.get("code").asText() + "]");

    ok("messages", "close", first, "--reason", "no reply needed", "--as", "maya");
    Cli.Run again = cli.run("messages", "close", first, "--reason", "again", "--as", "maya", "--json");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(JSON.readTree(again.out()).get("refused").get("code").asText()).isNotBlank();
    JsonNode m = json("messages", "show", first, "--json");
    assertThat(m.get("state").asText()).isEqualTo("CLOSED_WITHOUT_REPLY");
    assertThat(m.get("note").asText()).isEqualTo("no reply needed");

    Cli.Run noOne = cli.run("messages", "close", first, "--reason", "x");
    assertThat(noOne.exit()).isEqualTo(2);
    assertThat(noOne.err()).contains("--as");
  }

  @Test
  void dashboard_countsMessagesWaiting_andProposalsWaiting_eachWithItsEvents() throws Exception {
    try (Books books = Books.open(home.resolve("resell-data"), new Context(System.out, System.err, Map.of(), home,
        false))) {
      // 5.00 for a unit that cost 12.00: below cost basis, a risky proposal
      books.ledger.execute(new DraftProposal(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(
          ListingId.of(ebay)), Map.of("price", "5.00", "currency", "USD"), Evidence.of("clear it out",
          java.util.List.of(), Map.of("days.listed", "90")), Origin.manual("ana")));
    }
    JsonNode waiting = json("messages", "--json").get("messages");
    JsonNode board = json("dashboard", "--json");
    Cli.Run text = ok("dashboard");

    assertThat(board.get("needsReply").get("value").asText()).isEqualTo("2");
    assertThat(board.get("needsReply").get("parts").get(0).get("event").asText())
        .isEqualTo(waiting.get(0).get("received").asText());
    assertThat(board.get("needsReply").get("parts").get(1).get("event").asText())
        .isEqualTo(waiting.get(1).get("received").asText());
    int pending = JSON.readTree(ok("proposals", "list", "--json").out()).get("proposals").size();
    assertThat(pending).isPositive();
    assertThat(board.get("needsApproval").get("value").asText()).isEqualTo(Integer.toString(pending));
    assertThat(board.get("approvals")).hasSize(pending);
    assertThat(board.get("approvals").get(0).get("kind").asText()).isEqualTo("SET_LISTING_QUANTITY");
    assertThat(board.get("riskyApprovals").get("value").asText()).isEqualTo("1");
    JsonNode risky = board.get("approvals").get(pending - 1);
    assertThat(risky.get("kind").asText()).isEqualTo("CHANGE_LISTING_PRICE");
    assertThat(risky.get("risky").asBoolean()).isTrue();
    assertThat(risky.get("risks").toString()).contains("PRICE_BELOW_COST_BASIS");
    assertThat(board.get("riskyApprovals").get("parts").get(0).get("event").asText())
        .isEqualTo(risky.get("event").asText());
    assertThat(board.get("blockedWrites").get("value").asText()).isEqualTo("0");
    assertThat(board.get("blocked")).isEmpty();
    assertThat(text.out()).contains("needs reply 2  (events " + waiting.get(0).get("received").asText() + ","
            + waiting.get(1).get("received").asText() + ")")
        .contains("needs approval " + pending + "  (events " + board.get("approvals").get(0).get("event").asText())
        .contains("risky 1  (events " + risky.get("event").asText() + ")")
        .contains(risky.get("proposal").asText() + "  CHANGE_LISTING_PRICE listing:" + ebay + "  RISKY [PRICE_BELOW_COST_BASIS").contains("blocked writes 0  (events -)");
  }
}
