package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.ledger.Balances.MAX_QUANTITY;
import static org.resellledger.csv.Fixtures.csv;
import static org.resellledger.csv.Fixtures.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.store.InMemoryLedgerStore;

/** An items file's quantity column at the edges of the ledger's maximum, and past what an int holds. */
class ItemQuantityCsvTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final CsvImporter importer = Fixtures.importer(store);

  private ImportReport setQuantity(String sku, String quantity) {
    return importer.apply(ImportRequest.of(ImportKind.ITEMS, csv("items.csv", "sku,quantity", sku + "," + quantity))
        .because("stock count"));
  }

  private Item item(String sku) {
    return importer.ledger().requireItem(Sku.of(sku));
  }

  @Test
  void anItemAtTheMaximum_setTo5_isPreviewedAndAppliedAs5() {
    intake(importer, "JKT-1", 1);
    importer.ledger().execute(new AdjustQuantity(Sku.of("JKT-1"), MAX_QUANTITY - 1, Origin.manual("ana").because("x")));

    ImportReport report = setQuantity("JKT-1", "5");

    assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(report.rows().get(0).changes())
        .containsExactly(new FieldDiff("quantity", Optional.of("999999999"), Optional.of("5")));
    assertThat(item("JKT-1").quantity()).isEqualTo(5);
  }

  @Test
  void aQuantityUpToTheMaximum_isApplied_andNoMoreUnitsGoIn() {
    intake(importer, "JKT-1", 2);
    assertThat(setQuantity("JKT-1", String.valueOf(MAX_QUANTITY)).outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(item("JKT-1").quantity()).isEqualTo(MAX_QUANTITY);

    // one more than the maximum has ten digits: refused as a cell before the ledger is asked
    ImportReport tooMany = setQuantity("JKT-1", String.valueOf(MAX_QUANTITY + 1L));
    assertThat(tooMany.outcome()).isNotEqualTo(ImportOutcome.APPLIED);
    assertThat(tooMany.errors()).singleElement().satisfies(e -> assertThat(e.column()).contains("quantity"));
    // one more unit through the adjustments file: the ledger's maximum, named
    ImportReport oneMore = importer.apply(ImportRequest.of(ImportKind.ADJUSTMENTS,
        csv("adj.csv", "sku,delta,reason", "JKT-1,1,found one")));
    assertThat(oneMore.outcome()).isNotEqualTo(ImportOutcome.APPLIED);
    assertThat(oneMore.errors()).singleElement().satisfies(e -> {
      assertThat(e.column()).contains("delta");
      assertThat(e.message()).contains(String.valueOf(MAX_QUANTITY));
    });
    assertThat(item("JKT-1").quantity()).isEqualTo(MAX_QUANTITY);
  }

  @Test
  void aNewItemAtTheMaximum_isTakenIn() {
    ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, csv("items.csv",
        "sku,title,category,condition,cost_basis,currency,acquired_on,location,photo_status,quantity",
        "JKT-9,Jacket,Clothing,GOOD,10.00,USD,2026-11-01,GARAGE,COMPLETE," + MAX_QUANTITY)));

    assertThat(report.errors()).isEmpty();
    assertThat(item("JKT-9").quantity()).isEqualTo(MAX_QUANTITY);
  }

  @Test
  void anItemStoredAboveAnInt_setTo5_isAppliedAs5_notAs4294967301() {
    intake(importer, "JKT-1", 3);
    Item item = item("JKT-1");
    store.replaceProjections(Fixtures.WS, List.of(new Item(item.id(), item.details(), item.status(),
        Balances.of(Map.of(Bucket.AVAILABLE, 3_999_999_996L, Bucket.SUPPLIER, -3_999_999_996L)), item.listings(),
        item.conflicts(), item.lotUnits(), item.version())), List.of());

    ImportReport preview = importer.preview(ImportRequest.of(ImportKind.ITEMS, csv("items.csv", "sku,quantity",
        "JKT-1,5")).because("stock count"));
    assertThat(preview.rows().get(0).changes())
        .containsExactly(new FieldDiff("quantity", Optional.of("3999999996"), Optional.of("5")));
    ImportReport report = setQuantity("JKT-1", "5");

    assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(item("JKT-1").quantity()).isEqualTo(5);
    assertThat(item("JKT-1").balances().get(Bucket.ADJUSTMENT)).isEqualTo(3_999_999_991L);
  }
}
