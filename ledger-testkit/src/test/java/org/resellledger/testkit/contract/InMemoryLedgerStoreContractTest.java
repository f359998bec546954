package org.resellledger.testkit.contract;

import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;

/** The reference store passes the contract that every store must pass. */
class InMemoryLedgerStoreContractTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
