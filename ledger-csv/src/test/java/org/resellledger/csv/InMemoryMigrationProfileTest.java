package org.resellledger.csv;

import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;

class InMemoryMigrationProfileTest extends MigrationProfileContract {
  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
