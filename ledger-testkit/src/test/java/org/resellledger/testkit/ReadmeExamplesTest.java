package org.resellledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.contract.ForwardingLedgerStore;
import org.resellledger.testkit.contract.LedgerStoreContract;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.LedgerProperty;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.scenario.Scenario;
import org.resellledger.testkit.sim.LedgerSimulator;
import org.resellledger.testkit.sim.SimulationReport;

/** The README's examples, verbatim but for the user's store (here an in-memory one behind a wrapper). */
class ReadmeExamplesTest {

  /** Stands in for the reader's own store. */
  static final class MyLedgerStore extends ForwardingLedgerStore {
    MyLedgerStore(Object dataSource) {
      super(new InMemoryLedgerStore());
    }
  }

  private final Object dataSource = new Object();

  @Nested
  class TitleProperties {
    @LedgerProperty(tries = 200)
    void detailsSurviveTheStore(RandomGenerator random) {
      ItemDetails details = Gens.itemDetails().next(random);
      Ledger ledger = Ledger.open(new InMemoryLedgerStore(), WorkspaceId.of("ws"));

      ledger.execute(new IntakeItem(details, 1, ItemStatus.READY_TO_LIST, Origin.manual("ana")));

      assertThat(ledger.requireItem(details.sku()).details()).isEqualTo(details);
    }
  }

  @Test
  void myStoreKeepsEveryInvariant() {
    SimulationReport report = LedgerSimulator.against(() -> new MyLedgerStore(dataSource))
        .sequences(500)
        .steps(25)
        .run();
    System.out.println(report.summary());
  }

  @Nested
  class MyLedgerStoreContractTest extends LedgerStoreContract {
    @Override
    protected LedgerStore newStore() {
      return new MyLedgerStore(dataSource);
    }
  }

  @Test
  void scenario() {
    Scenario.given(Samples.intake("JKT-1", 2))
        .when(new HoldUnits(Sku.of("JKT-1"), 3, Samples.manual("ana", "check")))
        .thenRejected(RejectionCode.INSUFFICIENT_UNITS);   // and nothing changed
  }

  @Test
  void replayingASeed_runsExactlyOneSequence() {
    SimulationReport report = LedgerSimulator.against(InMemoryLedgerStore::new).steps(25).replay(0x21e7e04bcc2b5e03L);

    assertThat(report.sequences()).isEqualTo(1);
    assertThat(report.seed()).isEqualTo(0x21e7e04bcc2b5e03L);
    assertThat(LedgerSimulator.describe(0x21e7e04bcc2b5e03L, 25)).hasSize(25);
  }
}
