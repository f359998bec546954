package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.LedgerStore;

/**
 * The migration profiles (a Shopify products export, an eBay active listings report) on any store: items and
 * their listings as the export has them, the native lanes' validation with the export's rows and columns in
 * every error, the import's defaults and which rows used them, and the same history as native files.
 */
abstract class MigrationProfileContract {
  protected abstract LedgerStore newStore();

  LedgerStore store;
  CsvImporter importer;

  @BeforeEach
  void open() {
    store = newStore();
    importer = Fixtures.importer(store);
  }

  @AfterEach
  void close() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  static CsvSource fixture(String name) {
    try (InputStream in = MigrationProfileContract.class.getResourceAsStream("profiles/" + name)) {
      return CsvSource.of(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportRequest withDefaults(ImportRequest request) {
    return request.withDefault("condition", "VERY_GOOD").withDefault("currency", "USD")
        .withDefault("acquired_on", "2026-11-01").withDefault("location", "GARAGE/S1");
  }

  Item item(String sku) {
    return importer.ledger().requireItem(Sku.of(sku));
  }

  static Listing only(Item item) {
    assertThat(item.listings()).hasSize(1);
    return item.listings().values().iterator().next();
  }

  static List<String> errors(ImportReport report, long row) {
    return report.row(row).orElseThrow().errors().stream()
        .map(e -> e.column().orElse("-") + " " + e.code()).toList();
  }

  @Nested
  class Shopify {
    static final String HEADER = "Handle,Title,Vendor,Type,Option1 Name,Option1 Value,Variant SKU,"
        + "Variant Inventory Qty,Variant Price,Image Src,Cost per item,Status";

    ImportRequest request(CsvSource source) {
      return withDefaults(ImportRequest.of(ImportKind.SHOPIFY_PRODUCTS, source));
    }

    @Test
    void export_whenPreviewed_showsEachVariantAsAnItemWithItsListing_andTheDefaultsEachRowUsed() {
      ImportReport preview = importer.preview(request(fixture("shopify-products.csv")));

      assertThat(preview.fileErrors()).isEmpty();
      assertThat(preview.warnings()).isEmpty();
      assertThat(preview.rows()).extracting(RowResult::row, RowResult::action, RowResult::key).containsExactly(
          org.assertj.core.groups.Tuple.tuple(2L, RowAction.CREATE, "JKT-M-BLU"),
          org.assertj.core.groups.Tuple.tuple(3L, RowAction.CREATE, "JKT-L-BLU"),
          org.assertj.core.groups.Tuple.tuple(4L, RowAction.UNCHANGED, "levis-trucker-jacket (image)"),
          org.assertj.core.groups.Tuple.tuple(5L, RowAction.CREATE, "LMP-001"));
      assertThat(preview.row(2).orElseThrow().defaults()).containsExactly("acquired_on=2026-11-01",
          "condition=VERY_GOOD", "currency=USD", "location=GARAGE/S1");
      assertThat(preview.row(4).orElseThrow().defaults()).isEmpty();
      assertThat(preview.render()).contains("defaults: acquired_on=2026-11-01, condition=VERY_GOOD, currency=USD, "
          + "location=GARAGE/S1");
      assertThat(importer.ledger().item(Sku.of("JKT-M-BLU"))).isEmpty();
      assertThat(importer.history().recent(Fixtures.WS, 10)).isEmpty();
    }

    @Test
    void export_whenApplied_takesInEveryVariantAndListsItOnShopify() {
      ImportReport done = importer.apply(request(fixture("shopify-products.csv")));

      assertThat(done.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(done.summary().applied()).isEqualTo(4);
      Item m = item("JKT-M-BLU");
      assertThat(m.details().title()).isEqualTo("Levi's Type III trucker jacket - M / Blue");
      assertThat(m.details().brand()).contains("Levi's");
      assertThat(m.details().category().path())
          .containsExactly("Apparel & Accessories", "Clothing", "Outerwear", "Coats & Jackets");
      assertThat(m.details().specifics()).containsExactly(Map.entry("Size", "M"), Map.entry("Color", "Blue"),
          Map.entry("weight_g", "900"));
      assertThat(m.details().condition()).isEqualTo(Condition.VERY_GOOD);
      assertThat(m.details().costBasis()).isEqualTo(Money.of("24.00", "USD"));
      assertThat(m.details().estimatedValue()).contains(Money.of("120.00", "USD"));
      assertThat(m.details().photoStatus()).isEqualTo(PhotoStatus.COMPLETE);
      assertThat(m.details().notes()).contains("Shopify tags: denim, vintage");
      assertThat(m.quantity()).isEqualTo(1);
      Listing onShopify = only(m);
      assertThat(onShopify.details().channel()).isEqualTo(Channel.SHOPIFY);
      assertThat(onShopify.details().price()).isEqualTo(Money.of("89.00", "USD"));
      assertThat(onShopify.details().description()).contains("<p>Classic 1990s denim, <strong>made in USA</strong>.</p>");
      assertThat(onShopify.status()).isEqualTo(SyncStatus.LIVE);

      Item l = item("JKT-L-BLU"); // a continuation row: the product's fields from the first row
      assertThat(l.details().title()).isEqualTo("Levi's Type III trucker jacket - L / Blue");
      assertThat(l.details().costBasis()).isEqualTo(Money.of("52.00", "USD")); // 26.00 x 2 units
      assertThat(l.quantity()).isEqualTo(2);
      assertThat(only(l).details().listedQuantity()).isEqualTo(2);

      Item lamp = item("LMP-001"); // Default Title: no option in the title; draft: a DRAFT listing
      assertThat(lamp.details().title()).isEqualTo("Brass table lamp");
      assertThat(lamp.details().specifics()).containsExactly(Map.entry("weight_g", "2300"));
      assertThat(only(lamp).status()).isEqualTo(SyncStatus.DRAFT);

      ImportRecord recorded = importer.history().find(Fixtures.WS, done.id().orElseThrow()).orElseThrow();
      assertThat(recorded.kind()).isEqualTo(ImportKind.SHOPIFY_PRODUCTS);
      assertThat(importer.history().bySku(Fixtures.WS, Sku.of("JKT-L-BLU"))).extracting(ImportRecord::id)
          .containsExactly(done.id().orElseThrow());
      assertThat(importer.ledger().history(Sku.of("JKT-M-BLU")).stream().map(h -> importer.importOf(h.event())))
          .allMatch(r -> r.map(ImportRecord::id).equals(done.id()));

      ImportReport again = importer.apply(request(fixture("shopify-products.csv")));
      assertThat(again.outcome()).isEqualTo(ImportOutcome.ALREADY_APPLIED);
    }

    @Test
    void variantWithoutSku_isARowErrorInVariantSku_andNothingIsApplied() {
      CsvSource file = Fixtures.csv("no-sku.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Color,Red,SCF-RED,1,25.00,https://x.test/s.jpg,5.00,active",
          "wool-scarf,,,,,Green,,1,25.00,,5.00,");

      ImportReport report = importer.apply(request(file));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(errors(report, 3)).containsExactly("Variant SKU REQUIRED");
      assertThat(report.row(3).orElseThrow().key()).isEqualTo("wool-scarf");
      assertThat(importer.ledger().item(Sku.of("SCF-RED"))).isEmpty();
    }

    @Test
    void rowWithoutPrice_isARowErrorInVariantPrice() {
      CsvSource file = Fixtures.csv("no-price.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Title,Default Title,SCF-1,1,,https://x.test/s.jpg,5.00,active");

      ImportReport report = importer.preview(request(file));

      assertThat(errors(report, 2)).containsExactly("Variant Price REQUIRED");
    }

    @Test
    void withoutDefaults_eachFieldIntakeNeedsIsARowErrorNamingIt() {
      CsvSource file = Fixtures.csv("plain.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Title,Default Title,SCF-1,1,25.00,https://x.test/s.jpg,5.00,active");

      ImportReport report = importer.preview(ImportRequest.of(ImportKind.SHOPIFY_PRODUCTS, file));

      assertThat(errors(report, 2)).containsExactlyInAnyOrder("currency REQUIRED", "condition REQUIRED",
          "acquired_on REQUIRED", "location REQUIRED");
    }

    @Test
    void badDefault_isARowErrorInTheDefaultsField_withItsValue() {
      CsvSource file = Fixtures.csv("plain.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Title,Default Title,SCF-1,1,25.00,https://x.test/s.jpg,5.00,active");

      ImportReport report = importer.preview(request(file).withDefault("acquired_on", "2026-02-30"));

      RowError error = report.row(2).orElseThrow().errors().get(0);
      assertThat(error.column()).contains("acquired_on (default)");
      assertThat(error.value()).contains("2026-02-30");
      assertThat(error.code()).isEqualTo(ImportErrorCode.INVALID_VALUE);
    }

    @Test
    void badCells_areNamedByTheExportsColumns() {
      CsvSource file = Fixtures.csv("bad.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Title,Default Title,bad sku!,1,25.00,,5.00,active",
          "silk-tie,Silk tie,Hermes,Ties,Title,Default Title,TIE-1,-1,12.5.0,,abc,active");

      ImportReport report = importer.preview(request(file));

      assertThat(errors(report, 2)).containsExactly("Variant SKU INVALID_VALUE");
      assertThat(errors(report, 3)).contains("Variant Inventory Qty NEGATIVE_QUANTITY", "Variant Price INVALID_VALUE",
          "Cost per item INVALID_VALUE");
    }

    @Test
    void continuationRowWithoutItsProduct_isARowErrorInTitle() {
      CsvSource file = Fixtures.csv("orphan.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Title,Default Title,SCF-1,1,25.00,,5.00,active",
          "silk-tie,,,,,,TIE-1,1,30.00,,,");

      ImportReport report = importer.preview(request(file));

      assertThat(errors(report, 3)).containsExactly("Title REQUIRED");
      assertThat(report.row(3).orElseThrow().errors().get(0).message()).contains("silk-tie");
    }

    @Test
    void knownItem_keepsWhatItHas_usesNoDefault_andAQuantityChangeNeedsAReason() {
      Fixtures.intake(importer, "SCF-1", 1);
      CsvSource file = Fixtures.csv("known.csv", HEADER,
          "wool-scarf,Wool scarf,Pendleton,Scarves,Title,Default Title,SCF-1,3,25.00,https://x.test/s.jpg,5.00,active");

      ImportReport refused = importer.preview(request(file));
      assertThat(errors(refused, 2)).containsExactly("Variant Inventory Qty REASON_REQUIRED");
      assertThat(refused.row(2).orElseThrow().defaults()).isEmpty();

      ImportReport done = importer.apply(request(file).because("moved in from Shopify"));
      assertThat(done.outcome()).isEqualTo(ImportOutcome.APPLIED);
      Item scarf = item("SCF-1");
      assertThat(scarf.quantity()).isEqualTo(3);
      assertThat(scarf.details().title()).isEqualTo("Wool scarf");
      assertThat(scarf.details().condition()).isEqualTo(Condition.VERY_GOOD); // kept, not the default's
      assertThat(scarf.details().acquiredOn()).isEqualTo(Fixtures.details("SCF-1").acquiredOn());
      assertThat(only(scarf).details().channel()).isEqualTo(Channel.SHOPIFY);
    }

    @Test
    void exportWithoutVariantSkuColumn_isRefusedNamingIt() {
      CsvSource file = Fixtures.csv("old.csv", "Handle,Title,Variant Price", "a,A,1.00");

      ImportReport report = importer.preview(request(file));

      assertThat(report.fileErrors()).extracting(e -> e.column().orElseThrow() + " " + e.code())
          .containsExactly("Variant SKU MISSING_COLUMN");
    }
  }

  @Nested
  class Ebay {
    ImportRequest request(CsvSource source) {
      return ImportRequest.of(ImportKind.EBAY_LISTINGS, source).withDefault("cost_basis", "0.00")
          .withDefault("acquired_on", "2026-10-01").withDefault("location", "SHED/B1");
    }

    @Test
    void report_whenApplied_takesInEachListingWithItsEbayItemNumber() {
      ImportReport done = importer.apply(request(fixture("ebay-active-listings.csv"))
          .withDefault("condition", "GOOD"));

      assertThat(done.outcome()).as(done.render()).isEqualTo(ImportOutcome.APPLIED);
      Item bowl = item("PYR-401");
      assertThat(bowl.details().condition()).isEqualTo(Condition.EXCELLENT); // Pre-owned - Excellent
      assertThat(bowl.details().category().path()).containsExactly("Mixing Bowls");
      Listing onEbay = only(bowl);
      assertThat(onEbay.details().channel()).isEqualTo(Channel.EBAY);
      assertThat(onEbay.details().externalId()).contains("204512345678");
      assertThat(onEbay.details().price()).isEqualTo(Money.of("34.99", "USD"));
      assertThat(onEbay.status()).isEqualTo(SyncStatus.LIVE);
      assertThat(item("GB-DMG-01").details().condition()).isEqualTo(Condition.FOR_PARTS);
      assertThat(item("GB-DMG-01").quantity()).isEqualTo(2);
      Item blanket = item("PND-BLK-1"); // "Pre-owned" has no grade: the default, said so
      assertThat(blanket.details().condition()).isEqualTo(Condition.GOOD);
      assertThat(only(blanket).details().price()).isEqualTo(Money.of("60.00", "USD")); // "$60.00"
      assertThat(done.row(4).orElseThrow().defaults())
          .contains("condition=GOOD (eBay's 'Pre-owned' has no grade)");
      assertThat(done.row(2).orElseThrow().defaults()).doesNotContain("condition=GOOD");
    }

    @Test
    void conditionWithoutGrade_andNoDefault_isARowErrorInCondition() {
      ImportReport report = importer.preview(request(fixture("ebay-active-listings.csv")));

      assertThat(errors(report, 4)).containsExactly("Condition UNKNOWN_VALUE");
      assertThat(report.row(4).orElseThrow().errors().get(0).value()).contains("Pre-owned");
      assertThat(errors(report, 2)).isEmpty();
    }

    @Test
    void badItemNumber_missingPrice_andMissingSku_areNamedByTheReportsColumns() {
      CsvSource file = Fixtures.csv("bad.csv",
          "Item number,Title,Custom label (SKU),Available quantity,Currency,Current price,Condition",
          "12345,Brass lamp,LMP-9,1,USD,40.00,Used - Good",
          "204512345699,Brass lamp,LMP-8,1,USD,,Good",
          "204512345698,Brass lamp,,1,USD,10.00,Good");

      ImportReport report = importer.preview(request(file).withDefault("category", "Lamps"));

      assertThat(errors(report, 2)).containsExactly("Item number EXTERNAL_ID_FORMAT");
      assertThat(errors(report, 3)).containsExactly("Current price REQUIRED");
      assertThat(errors(report, 4)).containsExactly("Custom label (SKU) REQUIRED");
      assertThat(report.row(4).orElseThrow().key()).isEqualTo("204512345698");
    }
  }

  @Nested
  class Defaults {
    @Test
    void defaultForAFieldTheProfileDoesNotTake_isRefusedNamingTheFieldAndTheAllowedOnes() {
      ImportRequest request = ImportRequest.of(ImportKind.SHOPIFY_PRODUCTS, Fixtures.csv("x.csv", "a"));
      assertThatThrownBy(() -> request.withDefault("colour", "red"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'colour'")
          .hasMessageContaining("acquired_on");
      assertThat(request.withDefault("Acquired On", "2026-11-01").defaults())
          .containsExactly(Map.entry("acquired_on", "2026-11-01"));
    }

    @Test
    void aRequestMadeWithItsConstructor_isCheckedTheSameWay() {
      CsvSource file = Fixtures.csv("x.csv", "a");
      assertThatThrownBy(() -> new ImportRequest(ImportKind.EBAY_LISTINGS, file, ApplyMode.ALL_OR_NOTHING,
          Optional.empty(), Optional.empty(), Map.of("colour", "red")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'colour'");
      assertThatThrownBy(() -> new ImportRequest(ImportKind.EBAY_LISTINGS, file, ApplyMode.ALL_OR_NOTHING,
          Optional.empty(), Optional.empty(), Map.of("location", " ")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void nativeFiles_takeNoDefaults() {
      ImportRequest request = ImportRequest.of(ImportKind.ITEMS, Fixtures.csv("x.csv", "a"));
      assertThatThrownBy(() -> request.withDefault("acquired_on", "2026-11-01"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("migration profiles");
      assertThat(Optional.of(ImportRequest.defaultFields(ImportKind.ITEMS))).contains(List.of());
    }
  }
}
