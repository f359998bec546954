package org.resellledger.csv;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.LedgerStore;

/** Shared test helpers: a pinned clock and ids, CSV text to bytes, a ready item. */
final class Fixtures {
  private Fixtures() {}

  static final WorkspaceId WS = WorkspaceId.of("ws-1");
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  static LedgerConfig config() {
    return LedgerConfig.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withIds(IdGenerator.sequential("id-"));
  }

  static CsvImporter importer(LedgerStore store) {
    return CsvImporter.create(store, WS, config(), new InMemoryImportHistory());
  }

  static CsvSource csv(String name, String... lines) {
    return CsvSource.of(name, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  static CsvSource bytes(String name, byte[] bytes) {
    return CsvSource.of(name, bytes);
  }

  static ItemDetails details(String sku) {
    return ItemDetails.builder().sku(Sku.of(sku)).title("Levi's trucker jacket")
        .category(Category.parse("Clothing > Men > Jackets")).condition(Condition.VERY_GOOD)
        .costBasis(Money.of("12.00", "USD")).acquiredOn(LocalDate.of(2026, 11, 1))
        .location(StorageLocation.parse("GARAGE/S1/B2")).photoStatus(PhotoStatus.COMPLETE).build();
  }

  static void intake(CsvImporter importer, String sku, int quantity) {
    importer.ledger().execute(new IntakeItem(details(sku), quantity, ItemStatus.READY_TO_LIST, Origin.manual("ana")));
  }

  static String exportItems(CsvImporter importer) {
    StringWriter out = new StringWriter();
    CsvExporter.of(importer.ledger()).items(out);
    return out.toString();
  }

  static String exportListings(CsvImporter importer) {
    StringWriter out = new StringWriter();
    CsvExporter.of(importer.ledger()).listings(out);
    return out.toString();
  }

  static CsvSource text(String name, String csv) {
    return CsvSource.of(name, csv.getBytes(StandardCharsets.UTF_8));
  }
}
