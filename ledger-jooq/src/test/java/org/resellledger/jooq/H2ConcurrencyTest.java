package org.resellledger.jooq;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.support.H2Databases;

/**
 * The races on embedded H2. H2 does not promise serializable writes, so these show the store's checks and
 * constraints at work, not the database's isolation; the PostgreSQL run is the proof.
 */
class H2ConcurrencyTest extends ConcurrencyScenarios {
  private final Path directory = H2Databases.newDirectory();
  private JooqLedgerStore first;
  private JooqLedgerStore second;

  @Override
  protected LedgerStore store() {
    if (first == null) {
      first = JooqLedgerStore.embeddedH2(directory);
    }
    return first;
  }

  @Override
  protected LedgerStore secondStore() {
    if (second == null) {
      second = JooqLedgerStore.embeddedH2(directory);
    }
    return second;
  }

  @AfterEach
  void close() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }
}
