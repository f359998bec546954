package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * The ledger's invariants hold over many random command sequences on the in-memory store. Run more with
 * {@code -Dledger.sim.sequences=100000}; replay a failure with the {@code -Dledger.seed=...} it prints.
 */
class LedgerProperties {
  @Test
  void everyInvariantHolds_overTenThousandRandomSequences() {
    SimulationReport report = LedgerSimulator.against(InMemoryLedgerStore::new)
        .sequences(10_000)
        .steps(25)
        .run();

    System.out.println(report.summary());
    assertThat(report.steps()).as("every sequence ran all its steps").isEqualTo(report.sequences()
        * Long.getLong(LedgerSimulator.STEPS_PROPERTY, 25));
    // the sequences really mix channels, faults and refusals, rather than passing by doing nothing
    assertThat(report.commandsByKind()).containsKeys("Sale", "LocalSale", "Ship", "Cancel", "ReturnArrives",
        "Inspect", "Split", "Merge", "Batch", "Hold", "Release", "Adjust", "Damage", "Lose", "Archive", "ListingStatusTo");
    assertThat(report.commandsByChannel()).containsKeys("ebay", "etsy", "shopify", "local");
    assertThat(report.duplicates()).isPositive();
    assertThat(report.rejectionsByCode()).containsKeys(RejectionCode.IDEMPOTENCY_CONFLICT,
        RejectionCode.INSUFFICIENT_UNITS, RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, RejectionCode.UNKNOWN_ITEM);
  }
}
