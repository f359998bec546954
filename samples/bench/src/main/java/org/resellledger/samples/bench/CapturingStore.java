package org.resellledger.samples.bench;

import java.util.ArrayList;
import java.util.List;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.contract.ForwardingLedgerStore;

/**
 * The in-memory reference store that also keeps every commit it accepted: the exact rows the ledger
 * writes, which the plain-JDBC baseline then writes itself.
 */
final class CapturingStore extends ForwardingLedgerStore {
  private final List<Commit> commits = new ArrayList<>();
  private boolean capturing;

  CapturingStore() {
    super(new InMemoryLedgerStore());
  }

  void capture(boolean on) {
    capturing = on;
  }

  List<Commit> commits() {
    return commits;
  }

  @Override
  public void commit(Commit commit) {
    super.commit(commit);
    if (capturing) {
      commits.add(commit);
    }
  }
}
