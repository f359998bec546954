package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.testkit.gen.Samples;

/**
 * The embedded database compresses its pages (H2's COMPRESS=TRUE, checked on the open database); a file
 * written by an earlier version,
 * without compression, opens and reads back whole, takes new commits, and still opens the old way after.
 */
class EmbeddedCompressionTest {
  private static final WorkspaceId WS = WorkspaceId.of("compress");

  @Test
  void aFileWrittenWithoutCompression_readsBack_andTakesNewCommits(@TempDir Path dir) {
    String oldUrl = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(JooqLedgerStore.EMBEDDED_DATABASE_NAME)
        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    List<Item> before;
    JdbcConnectionPool old = JdbcConnectionPool.create(oldUrl, "sa", "");
    try {
      JooqLedgerStore store = JooqLedgerStore.forDataSource(old);
      intake(store, "OLD-", 200);
      before = store.items(WS);
    } finally {
      old.dispose();
    }

    try (JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir)) {
      assertThat(compress(oldUrl)).as("the open database, as the embedded store opened it").isEqualTo("TRUE");
      assertThat(store.items(WS)).isEqualTo(before);
      intake(store, "NEW-", 200);
      assertThat(Ledger.open(store, WS).replayMatchesProjections()).isTrue();
    }

    JdbcConnectionPool again = JdbcConnectionPool.create(oldUrl, "sa", "");
    try {
      JooqLedgerStore store = JooqLedgerStore.forDataSource(again);
      assertThat(store.items(WS)).hasSize(400).containsAll(before);
      assertThat(Ledger.open(store, WS).replayMatchesProjections()).isTrue();
    } finally {
      again.dispose();
    }
  }

  /** H2's COMPRESS setting of the database at {@code url}, read through a second connection to it. */
  private static String compress(String url) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.ResultSet rs = c.createStatement().executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'COMPRESS'")) {
      return rs.next() ? rs.getString(1) : "(none)";
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void intake(JooqLedgerStore store, String prefix, int n) {
    Ledger ledger = Ledger.open(store, WS);
    for (int i = 0; i < n; i++) {
      ledger.execute(new IntakeItem(Samples.details(prefix + i), 1, ItemStatus.READY_TO_LIST, Samples.manual("a")));
    }
    assertThat(ledger.item(Sku.of(prefix + (n - 1)))).isPresent();
  }
}
