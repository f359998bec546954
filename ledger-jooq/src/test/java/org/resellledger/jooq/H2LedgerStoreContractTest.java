package org.resellledger.jooq;

import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.support.H2Databases;
import org.resellledger.testkit.contract.LedgerStoreContract;

/** The store contract on embedded H2; every test gets a database that did not exist, migrated for real. */
class H2LedgerStoreContractTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore() {
    return H2Databases.freshStore();
  }
}
