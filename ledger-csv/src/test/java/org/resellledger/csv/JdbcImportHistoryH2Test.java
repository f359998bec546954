package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void tablesMadeByHandBeforeFlyway_areAdopted_withTheirRows_andTheMigrationIsRecorded() throws Exception {
    JdbcDataSource ds = freshH2();
    HandMadeHistoryTables.createWithOneImport(ds);

    HandMadeHistoryTables.assertAdopted(ds, JdbcImportHistory.create(ds));
    HandMadeHistoryTables.assertAdopted(ds, JdbcImportHistory.create(ds)); // and opening again changes nothing
  }

  @Test
  void aSchemaWithOtherTables_stillGetsTheHistoryTables() throws Exception {
    JdbcDataSource ds = freshH2();
    try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE host_table (id INT PRIMARY KEY)"); // the host's, or the store's
    }
    JdbcImportHistory h = JdbcImportHistory.create(ds);
    h.record(record(WS, "imp-1", java.time.Instant.parse("2026-11-20T10:00:00Z"), SHA, ImportOutcome.APPLIED),
        rows("A-1", "B-1"));
    assertThat(h.find(WS, ImportId.of("imp-1"))).isPresent();
  }

  /** A library logs nothing at INFO: Flyway's messages of a normal open go to DEBUG (JUL's FINE). */
  @Test
  void opening_logsNothingAtInfo_flywayGoesToDebug() {
    java.util.logging.Logger flyway = java.util.logging.Logger.getLogger("org.flywaydb");
    java.util.logging.Level level = flyway.getLevel();
    List<java.util.logging.LogRecord> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        seen.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(java.util.logging.Level.ALL);
    flyway.setLevel(java.util.logging.Level.ALL);
    flyway.addHandler(capture);
    try {
      JdbcImportHistory.create(freshH2());
      JdbcImportHistory.create(freshH2()); // a second open in the same JVM too
    } finally {
      flyway.removeHandler(capture);
      flyway.setLevel(level);
    }
    assertThat(seen).filteredOn(r -> r.getLevel().intValue() >= java.util.logging.Level.INFO.intValue())
        .extracting(java.util.logging.LogRecord::getMessage).isEmpty();
    assertThat(seen).extracting(java.util.logging.LogRecord::getMessage)
        .anySatisfy(m -> assertThat(m).contains("Successfully applied 2 migrations"));
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
