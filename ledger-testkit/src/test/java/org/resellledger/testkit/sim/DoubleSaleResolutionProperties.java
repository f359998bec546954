package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.resellledger.core.store.Commit;

/**
 * The simulator really resolves double sales without cancelling (a found unit, a like-for-like substitute),
 * and the ledger accepts them often enough for the invariants checked after every step to cover them. A
 * fixed seed: {@link LedgerProperties} explores new ones on every run.
 */
class DoubleSaleResolutionProperties {
  @Test
  void foundUnitsAndSubstitutes_areAccepted_andEveryInvariantHolds() {
    Map<String, Long> committed = new ConcurrentHashMap<>();
    SimulationReport report = LedgerSimulator.against(() -> new ForwardingStore() {
      @Override
      public void commit(Commit commit) {
        super.commit(commit);
        commit.events().forEach(e -> committed.merge(e.kind(), 1L, Long::sum));
      }
    }).seed(0x5EED_D0B1EL).ignoringSystemProperties().sequences(500).steps(30).run();

    assertThat(report.commandsByKind()).containsKeys("FoundUnit", "Substitute");
    assertThat(committed).containsKeys("FoundUnitsCommitted", "ShortfallCovered", "SaleSubstitutedBy",
        "SubstituteCommitted", "SaleLineSubstituted");
  }
}
