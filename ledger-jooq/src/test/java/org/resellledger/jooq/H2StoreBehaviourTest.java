package org.resellledger.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.jooq.support.H2Databases;
import org.resellledger.jooq.support.SmallStory;

/** The store-specific behaviour on embedded H2, plus what only the embedded store has: its file. */
class H2StoreBehaviourTest extends StoreBehaviourScenarios {
  private final Path directory = H2Databases.newDirectory();
  private JooqLedgerStore store = JooqLedgerStore.embeddedH2(directory);

  @Override
  protected JooqLedgerStore store() {
    return store;
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void closedAndReopened_theEmbeddedDatabaseHasEverything() {
    SmallStory.run(Ledger.open(store, ws, LedgerConfig.defaults().withIds(IdGenerator.sequential("p"))), 2);
    var events = store.events(ws);
    var items = store.items(ws);
    var orders = store.orders(ws);
    store.close();

    store = JooqLedgerStore.embeddedH2(directory);

    assertThat(store.events(ws)).isEqualTo(events);
    assertThat(store.items(ws)).isEqualTo(items);
    assertThat(store.orders(ws)).isEqualTo(orders);
    assertThat(directory.resolve(JooqLedgerStore.EMBEDDED_DATABASE_NAME + ".mv.db")).exists();
  }

  @Test
  void aClosedStore_failsWithAStorageError_notAConcurrencyError() {
    store.close();

    assertThatThrownBy(() -> store.items(ws)).isInstanceOf(LedgerStorageException.class)
        .hasMessageContaining("reading items failed");
    store = JooqLedgerStore.embeddedH2(directory);
  }
}
