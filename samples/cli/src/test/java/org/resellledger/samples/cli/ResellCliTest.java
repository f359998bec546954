package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `resell` command end to end in this JVM: real books in an H2 directory, output and exit codes asserted. */
class ResellCliTest {
  static final String[] SHOPIFY_DEFAULTS = {"-d", "acquired_on=2026-11-01", "-d", "location=GARAGE/S1",
      "-d", "condition=VERY_GOOD", "-d", "currency=USD"};
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;
  Cli cli;

  @BeforeEach
  void start() {
    cli = Cli.in(home);
  }

  Cli.Run ok(String... args) {
    Cli.Run run = cli.run(args);
    assertThat(run.exit()).as(run.toString()).isZero();
    return run;
  }

  static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  void intakeJacket() {
    ok("intake", "--sku", "JKT-001", "--title", "Levi's trucker jacket, M", "--category", "Clothing > Men > Jackets",
        "--condition", "very_good", "--cost", "24.00", "--acquired", "2026-11-22", "--location", "GARAGE/S2/B7",
        "--photos", "complete", "--quantity", "2");
  }

  @Nested
  class Books {
    @Test
    void init_thenIntake_thenItems_listsTheItemWithItsUnits() {
      Cli.Run init = ok("init");
      assertThat(init.out()).contains("Started the books of 'my-shop' in " + home.resolve("resell-data"))
          .contains("embedded H2");
      assertThat(home.resolve("resell-data/resell.properties")).exists();

      intakeJacket();
      Cli.Run items = ok("items");

      assertThat(items.out()).containsPattern("JKT-001\\s+READY_TO_LIST\\s+2\\s+2\\s+Levi's trucker jacket, M")
          .contains("1 item(s)");
    }

    @Test
    void init_again_withTheSameSettings_isFine_butAnotherWorkspaceIsRefused() {
      ok("init");
      assertThat(ok("init").out()).contains("already in");

      Cli.Run other = cli.run("init", "--workspace", "other-shop");

      assertThat(other.exit()).isEqualTo(1);
      assertThat(other.err()).contains("refused:").contains("workspace 'my-shop'");
    }

    @Test
    void aCommandBeforeInit_isRefusedSayingWhatToDo() {
      Cli.Run items = cli.run("items");

      assertThat(items.exit()).isEqualTo(1);
      assertThat(items.err()).contains("no books in " + home.resolve("resell-data")).contains("resell init");
    }

    @Test
    void noCommand_orAnUnknownOne_isAUsageError() {
      assertThat(cli.run().exit()).isEqualTo(2);
      Cli.Run unknown = cli.run("frobnicate");
      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.err()).contains("frobnicate");
    }
  }

  @Nested
  class Errors {
    @BeforeEach
    void init() {
      ok("init");
    }

    @Test
    void aValueTheLedgerRefuses_exits1_namingFieldValueAndCode() {
      Cli.Run bad = cli.run("intake", "--sku", "bad sku!", "--title", "x", "--category", "a", "--condition", "good",
          "--cost", "1", "--location", "A");

      assertThat(bad.exit()).isEqualTo(1);
      assertThat(bad.err()).contains("refused: sku 'BAD SKU!'").contains("[INVALID_VALUE]");
      assertThat(bad.out()).isEmpty();
    }

    @Test
    void aRefusal_withJson_isAlsoAJsonDocumentOnStandardOutput() throws Exception {
      Cli.Run bad = cli.run("intake", "--json", "--sku", "A1", "--title", "x", "--category", "a", "--condition",
          "good", "--cost", "-5", "--location", "A");

      assertThat(bad.exit()).isEqualTo(1);
      JsonNode refused = JSON.readTree(bad.out()).get("refused");
      assertThat(refused.get("field").asText()).isEqualTo("costBasis");
      assertThat(refused.get("code").asText()).isEqualTo("INVALID_VALUE");
      assertThat(refused.get("value").asText()).isEqualTo("-5.00 USD");
    }

    @Test
    void aWordNotInTheList_exits2_namingTheOptionAndTheValue() {
      Cli.Run bad = cli.run("intake", "--sku", "A1", "--title", "x", "--category", "a", "--condition", "goood",
          "--cost", "1", "--location", "A");

      assertThat(bad.exit()).isEqualTo(2);
      assertThat(bad.err()).contains("'--condition'").contains("'goood'").contains("VERY_GOOD")
          .contains("resell intake --help");
    }

    @Test
    void aSaleOnAChannelWithoutItsOrderId_isAUsageError() {
      intakeJacket();
      Cli.Run bad = cli.run("sell", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00");

      assertThat(bad.exit()).isEqualTo(2);
      assertThat(bad.err()).contains("--order");
    }

    @Test
    void aDefaultForAFieldNoProfileTakes_isAUsageErrorNamingTheFieldsThereAre() {
      Cli.Run bad = cli.run("import", Cli.examples().resolve("shopify-products.csv").toString(), "-d", "colour=red");

      assertThat(bad.exit()).isEqualTo(2);
      assertThat(bad.err()).contains("--default colour=red").contains("acquired_on");
    }
  }

  @Nested
  class Imports {
    final String shopify = Cli.examples().resolve("shopify-products.csv").toString();

    @BeforeEach
    void init() {
      ok("init");
    }

    @Test
    void shopifyExport_withoutDefaults_previewsTheMissingFieldsAsRowErrors_andExits1() {
      Cli.Run preview = cli.run("import", shopify);

      assertThat(preview.exit()).isEqualTo(1);
      assertThat(preview.out()).contains("Preview of shopify-products.csv (SHOPIFY_PRODUCTS, ALL_OR_NOTHING)")
          .contains("row 2    ERROR").contains("acquired_on: required for a new item; the export gives none: "
              + "give a default for 'acquired_on' for the whole import [REQUIRED]");
      assertThat(ok("items").out()).contains("0 item(s)");
    }

    @Test
    void shopifyExport_withDefaults_previewsSayingWhichDefaultsEachRowUses_thenApplies() {
      Cli.Run preview = ok(with(new String[] {"import", shopify}, SHOPIFY_DEFAULTS));
      assertThat(preview.out()).contains("3 to create").contains("row 2    CREATE")
          .contains("defaults: acquired_on=2026-11-01, condition=VERY_GOOD, currency=USD, location=GARAGE/S1")
          .contains("Nothing was changed: the same command with --apply applies it.");
      assertThat(ok("items").out()).contains("0 item(s)");

      Cli.Run applied = ok(with(new String[] {"import", shopify, "--apply"}, SHOPIFY_DEFAULTS));
      assertThat(applied.out()).contains("outcome APPLIED").contains("applied 4");

      assertThat(ok("items").out())
          .containsPattern("JKT-L-BLU\\s+LISTED\\s+2\\s+2\\s+Levi's Type III trucker jacket - L / Blue")
          .containsPattern("LMP-001\\s+READY_TO_LIST\\s+1\\s+1\\s+Brass table lamp").contains("3 item(s)");
      Cli.Run again = ok(with(new String[] {"import", shopify, "--apply"}, SHOPIFY_DEFAULTS));
      assertThat(again.out()).contains("outcome ALREADY_APPLIED");
    }

    @Test
    void apply_withJson_isOneDocumentWithEachRowsOutcomeAndDefaults() throws Exception {
      Cli.Run applied = ok(with(new String[] {"import", shopify, "--apply", "--json"}, SHOPIFY_DEFAULTS));

      JsonNode report = JSON.readTree(applied.out());
      assertThat(report.get("kind").asText()).isEqualTo("SHOPIFY_PRODUCTS");
      assertThat(report.get("outcome").asText()).isEqualTo("APPLIED");
      assertThat(report.get("summary").get("applied").asLong()).isEqualTo(4);
      JsonNode first = report.get("rows").get(0);
      assertThat(first.get("sku").asText()).isEqualTo("JKT-M-BLU");
      assertThat(first.get("defaults").get(0).asText()).isEqualTo("acquired_on=2026-11-01");
      assertThat(applied.err()).isEmpty(); // no progress bar off a terminal
    }

    @Test
    void ebayReport_isToldFromItsHeader_andEachListingKeepsItsItemNumber() {
      ok("import", Cli.examples().resolve("ebay-active-listings.csv").toString(), "--apply",
          "-d", "cost_basis=0.00", "-d", "acquired_on=2026-10-01", "-d", "location=SHED/B1", "-d", "condition=GOOD");

      Cli.Run show = ok("items", "show", "PYR-401");
      assertThat(show.out()).contains("PYR-401  Pyrex 401 Primary Blue mixing bowl").contains("condition  EXCELLENT")
          .containsPattern("ebay\\s+LIVE\\s+34.99 USD x1\\s+Pyrex 401 Primary Blue mixing bowl\\s+#204512345678");
    }

    @Test
    void export_thenImportTheFile_changesNothing() throws Exception {
      ok(with(new String[] {"import", shopify, "--apply"}, SHOPIFY_DEFAULTS));

      Cli.Run exported = ok("export", "items", "--out", "items.csv");
      assertThat(exported.out()).contains("Exported 3 row(s) of items to items.csv");
      assertThat(Files.readString(home.resolve("items.csv"))).startsWith("sku,title,category,condition")
          .contains("JKT-M-BLU,Levi's Type III trucker jacket - M / Blue");

      Cli.Run reimport = ok("import", "items.csv");
      assertThat(reimport.out()).contains("(ITEMS, ALL_OR_NOTHING)").contains("0 to create, 0 to update, 3 unchanged");
    }

    @Test
    void export_toStandardOutput_isTheCsvAlone() {
      intakeJacket();
      Cli.Run exported = ok("export", "listings");
      assertThat(exported.out()).startsWith("listing_id,sku,channel,external_id");
    }
  }

  @Nested
  class Selling {
    @BeforeEach
    void init() {
      ok("init");
      intakeJacket();
    }

    @Test
    void list_thenSell_movesAUnitToCommitted_andTheHistoryShowsEachEvent() {
      Cli.Run listed = ok("list", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00", "--quantity", "2",
          "--external-id", "204512345678");
      assertThat(listed.out()).containsPattern("Listed JKT-001 on ebay as \\S+: LIVE, 89.00 USD, 2 unit\\(s\\)");

      Cli.Run sold = ok("sell", "--sku", "JKT-001", "--channel", "ebay", "--order", "24-11301-55555", "--price",
          "89.00", "--fees", "11.75");
      assertThat(sold.out()).contains("Sold 1 x JKT-001 on ebay at 89.00 USD (order 24-11301-55555)")
          .contains("1 available, 1 committed to buyers");
      Cli.Run again = cli.run("sell", "--sku", "JKT-001", "--channel", "ebay", "--order", "24-11301-55555",
          "--price", "89.00", "--fees", "11.75");
      assertThat(again.exit()).isEqualTo(1); // typed in twice by hand: the ledger knows the order
      assertThat(again.err()).contains("refused: externalOrderId '24-11301-55555'").contains("DUPLICATE_EXTERNAL_ID");

      Cli.Run show = ok("items", "show", "JKT-001");
      assertThat(show.out()).contains("units      2 on hand, 1 available")
          .containsPattern("ItemAcquired\\s+2 SUPPLIER->AVAILABLE\\s+MANUAL\\s+person:maya")
          .containsPattern("ChannelSaleRecorded\\s+1 AVAILABLE->COMMITTED");
    }

    @Test
    void aLocalSale_needsNoOrderId() {
      Cli.Run sold = ok("sell", "--sku", "JKT-001", "--price", "80", "--quantity", "2");
      assertThat(sold.out()).contains("Sold 2 x JKT-001 on local").contains("0 available, 2 committed");
    }

    @Test
    void reconcile_sayingWhereTheChannelAndTheBooksDisagree() throws Exception {
      ok("list", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00", "--quantity", "2", "--external-id",
          "204512345678");
      Files.writeString(home.resolve("snap.csv"), "id,quantity,status,price\r\n204512345678,3,LIVE,89.00\r\n"
          + "204599999999,1,LIVE,5.00\r\n");

      Cli.Run differs = cli.run("reconcile", "snap.csv", "--channel", "ebay");

      assertThat(differs.exit()).as(differs.toString()).isEqualTo(1);
      assertThat(differs.out()).contains("2 ebay row(s)").contains("unknown    204599999999")
          .containsPattern("204512345678\\s+\\S+\\s+listedQuantity\\s+channel 3\\s+ledger 2")
          .containsPattern("204512345678\\s+\\S+\\s+available\\s+channel 3\\s+ledger 2");

      Files.writeString(home.resolve("snap.csv"), "id,quantity,status,price\r\n204512345678,2,LIVE,89.00\r\n");
      assertThat(ok("reconcile", "snap.csv", "--channel", "ebay").out()).contains("they agree");
    }
  }

  @Nested
  class Inbox {
    @BeforeEach
    void init() throws Exception {
      ok("init");
      intakeJacket();
      Files.writeString(home.resolve("sale.json"), "{\"order_id\": \"24-11301-66666\", \"listing_id\": "
          + "\"204512345999\", \"quantity\": 1, \"price\": \"89.00\", \"fees\": \"11.75\"}");
    }

    @Test
    void aSaleNoticeForAListingThatIsNotKnown_isParked_thenMatchedByHand_andAppliedOnce() throws Exception {
      Cli.Run parked = ok("inbox", "ingest", "sale.json", "--channel", "ebay", "--event-id", "ntf-9001");
      assertThat(parked.out()).contains("Received: ").contains("ebay sale ntf-9001  PARKED: no listing has ebay "
          + "listing id 204512345999");
      JsonNode listed = JSON.readTree(ok("inbox", "--json").out());
      assertThat(listed.get("entries")).hasSize(1);
      String entry = listed.get("entries").get(0).get("id").asText();
      String listing = JSON.readTree(ok("list", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00",
          "--json").out()).get("id").asText();

      Cli.Run matched = ok("inbox", "match", entry, "--listing", listing);

      assertThat(matched.out()).contains("Matched: " + entry).contains("APPLIED (");
      assertThat(ok("items", "show", "JKT-001").out()).containsPattern("ChannelSaleRecorded\\s+1 AVAILABLE->COMMITTED"
          + "\\s+WEBHOOK\\s+channel:ebay");
      assertThat(ok("inbox").out()).contains("0 PARKED entries");
      Cli.Run again = ok("inbox", "ingest", "sale.json", "--channel", "ebay", "--event-id", "ntf-9001");
      assertThat(again.out()).contains("Already in the inbox (delivery 2)");
      assertThat(ok("items").out()).containsPattern("JKT-001\\s+LISTED\\s+2\\s+1\\s");
      Cli.Run twice = cli.run("inbox", "match", entry, "--listing", listing);
      assertThat(twice.exit()).isEqualTo(1);
      assertThat(twice.err()).contains("NOT_MATCHABLE");
    }

    @Test
    void aShopifyOrderWebhook_isReadByTheShopifyIntegrationsMapper_andSellsTheImportedVariant() {
      ok(with(new String[] {"import", Cli.examples().resolve("shopify-products.csv").toString(), "--apply"},
          SHOPIFY_DEFAULTS));

      Cli.Run applied = ok("inbox", "ingest", Cli.examples().resolve("shopify-order.json").toString(), "--channel",
          "shopify", "--topic", "orders/create", "--event-id", "order-1001", "--account", "my-shop.myshopify.com");

      assertThat(applied.out()).contains("shopify orders/create order-1001  APPLIED");
      assertThat(ok("items").out()).containsPattern("JKT-L-BLU\\s+LISTED\\s+2\\s+1\\s");
      assertThat(ok("items", "show", "JKT-L-BLU").out())
          .containsPattern("ChannelSaleRecorded\\s+1 AVAILABLE->COMMITTED\\s+WEBHOOK\\s+channel:shopify");
    }

    @Test
    void aNoticeForAKnownListing_isAppliedWhenIngested() {
      ok("list", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00", "--external-id", "204512345999");

      Cli.Run applied = ok("inbox", "ingest", "sale.json", "--channel", "ebay", "--event-id", "ntf-9002");

      assertThat(applied.out()).contains("ebay sale ntf-9002  APPLIED");
      assertThat(ok("items").out()).containsPattern("JKT-001\\s+LISTED\\s+2\\s+1\\s");
    }
  }

  @Nested
  class BackupAndRestore {
    @BeforeEach
    void books() {
      ok("init");
      intakeJacket();
      ok("list", "--sku", "JKT-001", "--channel", "ebay", "--price", "89.00", "--quantity", "2",
          "--external-id", "204512345678");
      ok("sell", "--sku", "JKT-001", "--channel", "ebay", "--order", "24-11301-55555", "--price", "89.00",
          "--fees", "11.75");
    }

    @Test
    void exportBackup_restoreIntoNewBooks_givesTheSameItemsAndTheSameBackup() throws Exception {
      Cli.Run backedUp = ok("export", "--backup", "books.csv");
      assertThat(backedUp.out()).containsPattern("Backed up \\d+ row\\(s\\) \\(events and receipts\\) of 'my-shop' "
          + "to books.csv");
      ok("init", "--dir", "restored");

      Cli.Run restored = ok("restore", "books.csv", "--dir", "restored");

      assertThat(restored.out()).containsPattern("Restored \\d+ event\\(s\\) and \\d+ receipt\\(s\\) into 'my-shop': "
          + "1 item\\(s\\), 1 order\\(s\\)");
      assertThat(ok("items", "--dir", "restored").out()).isEqualTo(ok("items").out());
      ok("export", "--backup", "again.csv", "--dir", "restored");
      assertThat(Files.readString(home.resolve("again.csv"))).isEqualTo(Files.readString(home.resolve("books.csv")));
    }

    @Test
    void restore_intoBooksWithEvents_orFromACorruptFile_isRefused_andWritesNothing() throws Exception {
      ok("export", "--backup", "books.csv");
      Cli.Run notEmpty = cli.run("restore", "books.csv");
      assertThat(notEmpty.exit()).isEqualTo(1);
      assertThat(notEmpty.err()).contains("refused:").contains("workspace my-shop is not empty");

      String corrupt = Files.readString(home.resolve("books.csv")).replaceFirst("ItemAcquired,item:([^,]+),1,",
          "ItemAcquired,item:$1,2,");
      Files.writeString(home.resolve("corrupt.csv"), corrupt);
      ok("init", "--dir", "restored");
      Cli.Run bad = cli.run("restore", "corrupt.csv", "--dir", "restored");
      assertThat(bad.exit()).as(bad.toString()).isEqualTo(1);
      assertThat(bad.err()).contains("row 2, column version, value '2'").contains("[VERSION_SEQUENCE]");
      assertThat(ok("items", "--dir", "restored").out()).contains("0 item(s)");
    }
  }

  @Nested
  class ProgressBar {
    @Test
    void onATerminal_anImportDrawsItsBarOnStandardError() {
      Cli terminal = cli.onATerminal();
      assertThat(terminal.run("init").exit()).isZero();
      Cli.Run preview = terminal.run(with(new String[] {"import", Cli.examples().resolve("shopify-products.csv")
          .toString()}, SHOPIFY_DEFAULTS));

      assertThat(preview.exit()).isZero();
      assertThat(preview.err()).contains("\rreading shopify-products.csv [").contains("] 100% ");
      assertThat(preview.out()).doesNotContain("\r");
    }

    @Test
    void bar_showsTheShareDone() {
      assertThat(Progress.bar("exporting items", 3, 4)).isEqualTo("exporting items [" + "#".repeat(22)
          + ".".repeat(8) + "] 75% 3/4");
      assertThat(Progress.bar("exporting orders", 7, 0)).isEqualTo("exporting orders 7");
    }
  }
}
