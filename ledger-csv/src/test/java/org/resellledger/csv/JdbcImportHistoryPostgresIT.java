package org.resellledger.csv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The history contract on PostgreSQL, in a fresh schema per class. Skipped when PostgreSQL is unreachable,
 * unless LEDGER_REQUIRE_POSTGRES=true.
 */
class JdbcImportHistoryPostgresIT extends ImportHistoryContract {
  private static String schema;

  static PGSimpleDataSource dataSource(String currentSchema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    ds.setUser(env("LEDGER_PG_USER", "postgres"));
    ds.setPassword(env("LEDGER_PG_PASSWORD", ""));
    if (currentSchema != null) {
      ds.setCurrentSchema(currentSchema);
    }
    return ds;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @BeforeAll
  static void reachPostgres() {
    schema = "csv_hist_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      unreachable(e);
    }
  }

  /**
   * PostgreSQL could not be reached: fails when CI requires it ({@code LEDGER_REQUIRE_POSTGRES=true}), else
   * skips the class, saying so.
   */
  static void unreachable(SQLException e) {
    if ("true".equals(System.getenv("LEDGER_REQUIRE_POSTGRES"))) {
      throw new IllegalStateException("PostgreSQL is required (LEDGER_REQUIRE_POSTGRES=true) but unreachable", e);
    }
    System.err.println("SKIPPED PostgreSQL tests: PostgreSQL unreachable: " + e.getMessage());
    assumeTrue(false, "PostgreSQL unreachable, skipping: " + e.getMessage());
  }

  @Override
  protected ImportHistory newHistory() {
    try (Connection c = dataSource(schema).getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS csv_import_row");
      s.execute("DROP TABLE IF EXISTS csv_import");
      s.execute("DROP TABLE IF EXISTS csv_import_claim");
      s.execute("DROP TABLE IF EXISTS " + CsvMigrations.HISTORY_TABLE); // else V1 counts as applied
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return JdbcImportHistory.create(dataSource(schema));
  }

  @org.junit.jupiter.api.Test
  void tablesMadeByHandBeforeFlyway_areAdopted_withTheirRows_andTheMigrationIsRecorded() throws Exception {
    String own = schema + "_up";
    try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + own);
    }
    try {
      HandMadeHistoryTables.createWithOneImport(dataSource(own));

      HandMadeHistoryTables.assertAdopted(dataSource(own), JdbcImportHistory.create(dataSource(own)));
      HandMadeHistoryTables.assertAdopted(dataSource(own), JdbcImportHistory.create(dataSource(own)));
    } finally {
      try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + own + " CASCADE");
      }
    }
  }
}
