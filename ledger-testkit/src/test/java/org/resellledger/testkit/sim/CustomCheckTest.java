package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.store.InMemoryLedgerStore;

/** Users add invariants of their own; a broken one is reported and shrunk like the built-in ones. */
class CustomCheckTest {

  @Test
  void aCheckThatHolds_passes() {
    SimulationReport report = LedgerSimulator.against(InMemoryLedgerStore::new).ignoringSystemProperties()
        .sequences(200).steps(25)
        .check("quantity is the sum of on-hand buckets", ledger -> ledger.items().stream()
            .filter(i -> i.quantity() != i.available() + i.balances().get(Bucket.COMMITTED)
                + i.balances().get(Bucket.HELD) + i.balances().get(Bucket.INSPECTION)
                + i.balances().get(Bucket.DAMAGED))
            .findFirst().map(Item::toString))
        .run();

    assertThat(report.sequences()).isEqualTo(200);
  }

  @Test
  void aCheckThatBreaks_isShrunkToTheStepThatBreaksIt() {
    SimulationFailure failure = catchThrowableOfType(SimulationFailure.class,
        () -> LedgerSimulator.against(InMemoryLedgerStore::new).ignoringSystemProperties()
            .sequences(500).steps(25)
            .check("nothing is ever put on hold", ledger -> ledger.items().stream()
                .filter(i -> i.balances().get(Bucket.HELD) > 0).findFirst().map(i -> i.sku() + " holds units"))
            .run());

    assertThat(failure).isNotNull();
    assertThat(failure.invariant()).isEqualTo(Invariant.CUSTOM);
    assertThat(failure.problem()).startsWith("nothing is ever put on hold: ");
    assertThat(failure.shrunkSteps()).hasSizeLessThanOrEqualTo(2)
        .last().satisfies(s -> assertThat(s).containsAnyOf("hold ", "HELD"));
    assertThat(Optional.of(failure.seed())).isPresent();
  }
}
