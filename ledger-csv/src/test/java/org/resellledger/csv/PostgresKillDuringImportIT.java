package org.resellledger.csv;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill test on PostgreSQL (a fresh schema). Skipped when unreachable, unless LEDGER_REQUIRE_POSTGRES=true. */
class PostgresKillDuringImportIT extends KillDuringImportScenario {
  @TempDir
  Path dir;
  private final String schema = "csv_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  String kind() {
    return "pg";
  }

  @Override
  String where() {
    return schema;
  }

  @BeforeEach
  void createSchema() {
    execute("CREATE SCHEMA " + schema);
  }

  @AfterEach
  void dropSchema() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection c = JdbcImportHistoryPostgresIT.dataSource(null).getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      JdbcImportHistoryPostgresIT.unreachable(e);
    }
  }

  @Test
  void killAtSeveralPoints() throws Exception {
    killAtSeveralPoints_leavesWholeUnits_andTheRerunAppliesTheRestOnce(dir);
  }
}
