package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.core.item.Sku;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * A 100,000-row items file previews and applies with the heap capped at 256 MB (this class runs in its own
 * surefire execution with -Xmx256m): the importer streams the file twice and keeps one small result per row.
 * The in-memory store itself holds every new item, so the cap covers store and import together.
 */
class LargeFileImportTest {
  static final int ROWS = 100_000;

  /** Writes an items file of {@code rows} new items, row by row, never holding it in memory. */
  static Path writeItems(Path dir, int rows) throws IOException {
    Path file = dir.resolve("items-" + rows + ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", CsvExporter.itemHeaders()));
      w.write("\r\n");
      for (int i = 0; i < rows; i++) {
        w.write("SKU-" + i + ",\"Vintage jacket, size " + (i % 7) + "\",Clothing > Men > Jackets,VERY_GOOD,USD,"
            + (i % 500) + ".50,2026-01-15,GARAGE/S" + (i % 9) + "/B" + (i % 31) + ",COMPLETE,1,,,,Levi's,,,,,,,"
            + "\r\n");
      }
    }
    return file;
  }

  @Test
  void hundredThousandRows_previewAndApply_underA256MbHeap(@TempDir Path dir) throws IOException {
    Path file = writeItems(dir, ROWS);
    CsvImporter importer = Fixtures.importer(new InMemoryLedgerStore());
    ImportRequest request = ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)).mode(ApplyMode.ALL_VALID_IN_UNITS);

    long t0 = System.nanoTime();
    ImportReport preview = importer.preview(request);
    long t1 = System.nanoTime();
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.summary().toCreate()).isEqualTo(ROWS);
    assertThat(importer.ledger().items()).isEmpty();

    ImportReport applied = importer.apply(request);
    long t2 = System.nanoTime();
    assertThat(applied.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(applied.summary().applied()).isEqualTo(ROWS);
    assertThat(importer.ledger().requireItem(Sku.of("SKU-99999")).details().title()).isEqualTo("Vintage jacket, size " + (99_999 % 7));

    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf("100k-row items import: preview %.1f s, apply %.1f s, max heap %d MB, live after gc %d MB "
            + "(store with 100k items and the report)%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    assertThat(applied.rows()).hasSize(ROWS);
  }
}
