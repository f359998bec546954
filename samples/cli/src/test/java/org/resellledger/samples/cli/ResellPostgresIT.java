package org.resellledger.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `resell init --jdbc-url` on PostgreSQL (a fresh schema): the books' tables there, the password from the
 * environment only. Reads LEDGER_PG_URL, LEDGER_PG_USER, LEDGER_PG_PASSWORD; skipped when PostgreSQL is
 * unreachable, unless LEDGER_REQUIRE_POSTGRES=true.
 */
class ResellPostgresIT {
  static final String URL = env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = env("LEDGER_PG_USER", "postgres");
  static final String PASSWORD = env("LEDGER_PG_PASSWORD", "");

  @TempDir
  Path home;
  String schema;

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @BeforeEach
  void createSchema() {
    schema = "resell_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("LEDGER_REQUIRE_POSTGRES"))) {
        throw new IllegalStateException("PostgreSQL is required (LEDGER_REQUIRE_POSTGRES=true) but unreachable", e);
      }
      assumeTrue(false, "PostgreSQL unreachable at " + URL + ": " + e.getMessage());
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void books_onPostgres_takeAShopifyExport_andTheSettingsHoldNoPassword() throws Exception {
    Cli cli = new Cli(home, Map.of("USER", "maya", "RESELL_DB_PASSWORD", PASSWORD), false);
    String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;

    Cli.Run init = cli.run("init", "--jdbc-url", url, "--user", USER);
    assertThat(init.exit()).as(init.toString()).isZero();
    assertThat(init.out()).contains("database: " + url);
    Cli.Run applied = cli.run("import", Cli.examples().resolve("shopify-products.csv").toString(), "--apply",
        "-d", "acquired_on=2026-11-01", "-d", "location=GARAGE/S1", "-d", "condition=VERY_GOOD", "-d", "currency=USD");
    assertThat(applied.exit()).as(applied.toString()).isZero();

    assertThat(cli.run("items").out()).containsPattern("JKT-L-BLU\\s+LISTED\\s+2\\s+2").contains("3 item(s)");
    String settings = java.nio.file.Files.readString(home.resolve("resell-data").resolve(Books.FILE));
    assertThat(settings).contains("jdbc.user=" + USER).doesNotContain("password");
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".csv_import")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1); // the import history is in the books' database
    }
  }
}
