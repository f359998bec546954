package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resellledger.core.store.InMemoryLedgerStore;

/** The plain-text preview a person reads (the module README shows this very output). */
class PreviewRenderTest {
  @Test
  void preview_rendersSummaryWarningsDiffsAndErrors() {
    CsvImporter importer = Fixtures.importer(new InMemoryLedgerStore());
    Fixtures.intake(importer, "JKT-001", 2);
    Fixtures.intake(importer, "JKT-002", 1);

    ImportReport preview = importer.preview(ImportRequest.of(ImportKind.ITEMS, Fixtures.csv("spring-count.csv",
        "SKU,Title,Condition,Category,Currency,Cost Basis,Acquired On,Location,Photo Status,Quantity,Brand,Colour",
        "JKT-001,Levi's type III trucker jacket,,,,,,,,3,Levi's,blue",
        "JKT-002,,,,,,,,,,,",
        "LMP-001,Brass desk lamp,GOOD,Home > Lighting,USD,8.00,2026-03-02,SHED/S2,PARTIAL,1,,",
        "LMP-002,Glass lamp,very goood,Home > Lighting,USD,8.001,2026-02-30,SHED,NONE,1,,"))
        .because("spring stock count"));
    String text = preview.render();
    System.out.println(text);

    assertThat(text).contains("outcome PREVIEW")
        .contains("4 rows: 1 to create, 1 to update, 1 unchanged, 1 with errors, 1 warnings")
        .contains("warning: row 1 column Colour: unknown column, its cells are ignored")
        .contains("title: Levi's trucker jacket -> Levi's type III trucker jacket")
        .contains("quantity: 2 -> 3")
        .contains("condition 'very goood': did you mean VERY_GOOD?")
        .contains("[INVALID_VALUE]");
    assertThat(preview.sha256()).hasSize(64);
  }
}
