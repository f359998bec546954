package org.resellledger.csv;


import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * The migration profiles on the PostgreSQL store (a fresh schema per test, migrated). Skipped when PostgreSQL
 * is unreachable, unless LEDGER_REQUIRE_POSTGRES=true.
 */
class PostgresMigrationProfileIT extends MigrationProfileContract {
  private static final List<String> SCHEMAS = new ArrayList<>();

  @BeforeAll
  static void reachPostgres() {
    try (Connection c = JdbcImportHistoryPostgresIT.dataSource(null).getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      JdbcImportHistoryPostgresIT.unreachable(e);
    }
  }

  @Override
  protected LedgerStore newStore() {
    String schema = "csv_prof_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE SCHEMA " + schema);
    SCHEMAS.add(schema);
    return JooqLedgerStore.forDataSource(JdbcImportHistoryPostgresIT.dataSource(schema));
  }

  @AfterAll
  static void dropSchemas() {
    for (String schema : SCHEMAS) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    SCHEMAS.clear();
  }

  private static void execute(String sql) {
    try (Connection c = JdbcImportHistoryPostgresIT.dataSource(null).getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
