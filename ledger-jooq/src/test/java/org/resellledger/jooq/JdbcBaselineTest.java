package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.jooq.support.H2Databases;
import org.resellledger.jooq.support.SmallStory;
import org.resellledger.testkit.contract.ForwardingLedgerStore;

/** The benchmark seam: the plain-JDBC baseline writes the rows the store would, on the store's own pool. */
class JdbcBaselineTest {
  private final WorkspaceId ws = WorkspaceId.of("baseline");

  @Test
  void commitsWrittenByPlainJdbcReadBackThroughTheStoreAsTheReferenceHasThem() throws SQLException {
    InMemoryLedgerStore reference = new InMemoryLedgerStore();
    List<Commit> commits = new ArrayList<>();
    ForwardingLedgerStore capturing = new ForwardingLedgerStore(reference) {
      @Override
      public void commit(Commit commit) {
        super.commit(commit);
        commits.add(commit);
      }
    };
    SmallStory.run(Ledger.open(capturing, ws, LedgerConfig.defaults().withIds(IdGenerator.sequential("b"))), 3);

    try (JdbcBaseline.Pool pool = JdbcBaseline.embeddedPool(H2Databases.newDirectory(), 2)) {
      JooqLedgerStore store = JooqLedgerStore.forDataSource(pool);
      JdbcBaseline baseline = JdbcBaseline.writer(pool, false);
      for (Commit c : commits) {
        baseline.write(c);
      }

      assertThat(store.events(ws)).isEqualTo(reference.events(ws));
      assertThat(store.items(ws)).isEqualTo(reference.items(ws));
      assertThat(store.orders(ws)).isEqualTo(reference.orders(ws));
      // the version check: the same update again finds the item moved, and nothing of that commit is written
      Commit update = commits.stream().filter(c -> !c.expectedVersions().isEmpty() && !c.items().isEmpty())
          .findFirst().orElseThrow();
      assertThatThrownBy(() -> baseline.write(update)).isInstanceOf(SQLException.class);
      assertThat(store.events(ws)).isEqualTo(reference.events(ws));
    }
  }

  @Test
  void theEmbeddedPoolIsTheStoresAndRefusesOnceClosed() throws SQLException {
    JdbcBaseline.Pool pool = JdbcBaseline.embeddedPool(H2Databases.newDirectory(), 1);
    try (Connection c = pool.getConnection()) {
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
    }
    pool.close();
    assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
  }
}
