package org.resellledger.jooq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The plan of the store's {@code itemsBySku} statement looks every SKU up in the (workspace, SKU) index
 * instead of scanning the workspace's items (on H2 an IN list next to {@code workspace_id = ?} did that, so
 * a bulk read cost grew with the table). Checked with EXPLAIN on 100,000 items in each of two workspaces (on
 * a small table PostgreSQL rightly prefers hashing the whole workspace).
 */
abstract class ItemsBySkuPlanScenarios {
  static final int ITEMS = 100_000;

  /** A migrated, empty database. */
  abstract DataSource dataSource();

  /** A FROM item yielding {@code x} = 1..{@code n}. */
  abstract String series(int n);

  /** Runs before EXPLAIN (statistics, plan mode); nothing by default. */
  void prepare(Statement s) throws SQLException {}

  /** Asserts that {@code plan} finds each SKU through the (workspace, SKU) index. */
  abstract void assertIndexedPerSku(String plan);

  @Test
  void theBulkReadLooksEverySkuUpInTheWorkspaceSkuIndex() throws SQLException {
    Database db = Database.on(dataSource());
    Statements sql = new Statements(db.renderer());
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String ws : List.of("mine", "theirs")) {
        s.execute("INSERT INTO ledger_items (workspace_id, item_id, sku, status, version, lot_units, details,"
            + " balances, conflicts) SELECT '" + ws + "', 'item-' || x, 'SKU-' || x, 'ACTIVE', 1, 0, '{}', '{}',"
            + " '[]' FROM " + series(ITEMS));
      }
      prepare(s);
      String[] skus = IntStream.rangeClosed(1, 300).mapToObj(i -> "SKU-" + (i * 61)).toArray(String[]::new);

      assertIndexedPerSku(explain(c, sql.itemsBySku, skus, "mine"));
      // (what it returns is checked by the store tests: these rows hold no real item details)
    }
  }

  private static String explain(Connection c, Statements.Stmt stmt, Object... values) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + stmt.sql())) {
      stmt.bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    return String.join("\n", lines);
  }
}
