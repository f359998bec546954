package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcImportHistoryH2Test extends ImportHistoryContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  static JdbcDataSource freshH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:csv-history-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Override
  protected ImportHistory newHistory() {
    return JdbcImportHistory.create(freshH2());
  }

  @Test
  void creatingTwiceOverOneDatabase_keepsWhatWasRecorded() {
    JdbcDataSource ds = freshH2();
    JdbcImportHistory.create(ds).record(record(WS, "imp-1", java.time.Instant.parse("2026-11-20T10:00:00Z"), SHA,
        ImportOutcome.APPLIED), rows("A-1", "B-1"));
    assertThat(JdbcImportHistory.create(ds).find(WS, ImportId.of("imp-1"))).isPresent();
  }

  @Test
  void importerOverJdbcHistory_recordsTheImport_andRefusesTheSameFileTwice() {
    CsvImporter importer = CsvImporter.create(new org.resellledger.core.store.InMemoryLedgerStore(), Fixtures.WS,
        Fixtures.config(), JdbcImportHistory.create(freshH2()));
    CsvSource file = Fixtures.csv("items.csv", CsvImportContract.ITEM_HEADER, CsvImportContract.JACKET);

    ImportReport first = importer.apply(ImportRequest.of(ImportKind.ITEMS, file));
    ImportReport second = importer.apply(ImportRequest.of(ImportKind.ITEMS, file));

    assertThat(first.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(second.outcome()).isEqualTo(ImportOutcome.ALREADY_APPLIED);
    assertThat(second.earlierImport()).isEqualTo(first.id());
    assertThat(importer.history().recent(Fixtures.WS, 5)).extracting(ImportRecord::outcome)
        .containsExactlyInAnyOrder(ImportOutcome.APPLIED, ImportOutcome.ALREADY_APPLIED);
    var events = importer.ledger().history(org.resellledger.core.item.Sku.of("JKT-1"));
    assertThat(importer.importOf(events.get(0).event()).map(ImportRecord::id)).isEqualTo(first.id());
  }
}
