package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.resellledger.core.item.Sku;

/**
 * The import history's tables as {@code JdbcImportHistory} made them by hand before it had Flyway
 * migrations (its DDL copied verbatim from that version), with one recorded import in them; and the checks
 * that opening them with today's code keeps that import and records the migration.
 */
final class HandMadeHistoryTables {
  private HandMadeHistoryTables() {}

  static final ImportId OLD = ImportId.of("imp-before-flyway");

  // ---- JdbcImportHistory.DDL before the tables were migrations ------------------------------------------
static final String[] DDL = {
    """
    CREATE TABLE IF NOT EXISTS csv_import (
      workspace VARCHAR(64) NOT NULL,
      import_id VARCHAR(120) NOT NULL,
      actor_kind VARCHAR(16) NOT NULL,
      actor_name VARCHAR(120) NOT NULL,
      imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
      file_name VARCHAR(1000) NOT NULL,
      sha256 CHAR(64) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      mode VARCHAR(16) NOT NULL,
      outcome VARCHAR(32) NOT NULL,
      reason VARCHAR(1000),
      rows_read BIGINT NOT NULL,
      to_create BIGINT NOT NULL,
      to_update BIGINT NOT NULL,
      unchanged BIGINT NOT NULL,
      error_rows BIGINT NOT NULL,
      warnings BIGINT NOT NULL,
      applied BIGINT NOT NULL,
      failed BIGINT NOT NULL,
      already_applied BIGINT NOT NULL,
      PRIMARY KEY (workspace, import_id)
    )""",
    """
    CREATE TABLE IF NOT EXISTS csv_import_row (
      workspace VARCHAR(64) NOT NULL,
      import_id VARCHAR(120) NOT NULL,
      row_no BIGINT NOT NULL,
      sku VARCHAR(64),
      action VARCHAR(16) NOT NULL,
      status VARCHAR(16) NOT NULL,
      message VARCHAR(2000),
      PRIMARY KEY (workspace, import_id, row_no)
    )""",
    """
    CREATE TABLE IF NOT EXISTS csv_import_claim (
      workspace VARCHAR(64) NOT NULL,
      sha256 CHAR(64) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      import_id VARCHAR(120) NOT NULL,
      claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
      PRIMARY KEY (workspace, sha256, kind)
    )""",
    "CREATE INDEX IF NOT EXISTS csv_import_file ON csv_import (workspace, sha256, kind)",
    "CREATE INDEX IF NOT EXISTS csv_import_time ON csv_import (workspace, imported_at)",
    "CREATE INDEX IF NOT EXISTS csv_import_row_sku ON csv_import_row (workspace, sku)"};

  /** Creates the tables exactly as that version did, and records one import with two rows in them. */
  static void createWithOneImport(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
      s.execute("INSERT INTO csv_import (workspace, import_id, actor_kind, actor_name, imported_at, file_name, "
          + "sha256, kind, mode, outcome, reason, rows_read, to_create, to_update, unchanged, error_rows, warnings, "
          + "applied, failed, already_applied) VALUES ('" + ImportHistoryContract.WS.value() + "', '" + OLD.value()
          + "', 'PERSON', 'ana', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00.123+00:00', 'spring.csv', '"
          + ImportHistoryContract.SHA + "', 'ITEMS', 'ALL_OR_NOTHING', 'APPLIED', 'spring count', "
          + "2, 2, 0, 0, 0, 0, 2, 0, 0)");
      s.execute("INSERT INTO csv_import_row (workspace, import_id, row_no, sku, action, status, message) VALUES "
          + "('" + ImportHistoryContract.WS.value() + "', '" + OLD.value() + "', 2, 'A-1', 'CREATE', 'APPLIED', NULL), "
          + "('" + ImportHistoryContract.WS.value() + "', '" + OLD.value() + "', 3, 'B-1', 'CREATE', 'APPLIED', NULL)");
    }
  }

  /** Today's code over those tables: the import is still there, whole, and V1 and V2 are recorded as applied. */
  static void assertAdopted(DataSource ds, ImportHistory history) throws SQLException {
    ImportRecord old = history.find(ImportHistoryContract.WS, OLD).orElseThrow();
    assertThat(old.at()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123Z"));
    assertThat(old.fileName()).isEqualTo("spring.csv");
    assertThat(old.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(old.reason()).contains("spring count");
    assertThat(old.content()).as("recorded before content keys: its bytes").isEqualTo(old.sha256());
    assertThat(history.rows(ImportHistoryContract.WS, OLD)).extracting(RowRecord::row).containsExactly(2L, 3L);
    assertThat(history.bySku(ImportHistoryContract.WS, Sku.of("B-1"))).isNotEmpty();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + CsvMigrations.HISTORY_TABLE
            + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      List<String> versions = new java.util.ArrayList<>();
      while (rs.next()) {
        assertThat(rs.getBoolean(2)).isTrue();
        versions.add(rs.getString(1));
      }
      assertThat(versions).containsExactly("0", "1", "2"); // the baseline, V1 over the adopted tables, V2
    }
  }
}
