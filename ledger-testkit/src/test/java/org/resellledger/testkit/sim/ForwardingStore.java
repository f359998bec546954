package org.resellledger.testkit.sim;

import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.contract.ForwardingLedgerStore;

/** An in-memory store that a test can subclass to plant one bug. */
class ForwardingStore extends ForwardingLedgerStore {
  ForwardingStore() {
    super(new InMemoryLedgerStore());
  }
}
