package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.Commit;

/**
 * The simulator finds a bug planted in a store, reports it with its seed, shrinks it to a handful of readable
 * steps, and the seed alone replays it. The master seeds are pinned so the build is deterministic; over 40
 * other seeds the first bug shrank to 4 steps 37 times and 5 steps 3 times, the second to 2-4 steps.
 */
class ShrinkingTest {

  /**
   * Loses the item projection of a cancellation when the item has a LIVE listing: the events are written,
   * the stored item keeps its committed units. Needs an intake, a live listing, a sale and its cancellation.
   */
  static final class StaleAfterCancellingListedItem extends ForwardingStore {
    @Override
    public void commit(Commit c) {
      boolean cancels = c.events().stream().anyMatch(e -> e.payload() instanceof OrderItemFact.SaleCancelled);
      boolean live = c.items().stream()
          .anyMatch(i -> i.listings().values().stream().anyMatch(l -> l.status() == SyncStatus.LIVE));
      if (cancels && live) {
        super.commit(new Commit(c.workspace(), c.expectedVersions(), c.events(), List.of(), c.orders(),
            c.streams(), c.receipt()));
      } else {
        super.commit(c);
      }
    }
  }

  /** Drops the second event of a double sale's item stream: the item's stream then has a version gap. */
  static final class DropsConflictFollowUp extends ForwardingStore {
    @Override
    public void commit(Commit c) {
      boolean doubleSale = c.events().stream().anyMatch(e -> e.payload() instanceof OrderItemFact.ChannelSaleRecorded s
          && s.shortfall() > 0);
      super.commit(doubleSale
          ? new Commit(c.workspace(), c.expectedVersions(), c.events().subList(0, c.events().size() - 1), c.items(),
              c.orders(), c.streams(), c.receipt())
          : c);
    }
  }

  @Test
  void aPlantedProjectionBug_isFound_andShrunkToAFewSteps() {
    SimulationFailure failure = catchThrowableOfType(SimulationFailure.class,
        () -> LedgerSimulator.against(StaleAfterCancellingListedItem::new).ignoringSystemProperties()
            .sequences(2_000).steps(40).seed(2026).run());

    assertThat(failure).as("the planted bug is found").isNotNull();
    System.out.println(failure.getMessage());
    assertThat(failure.invariant()).isIn(Invariant.REPLAY, Invariant.MODEL);
    assertThat(failure.shrunkSteps()).hasSizeLessThanOrEqualTo(5);
    assertThat(failure.shrunkSteps()).anyMatch(s -> s.startsWith("cancel "));
    // the bug needs a LIVE listing: listed LIVE, or listed and then moved LIVE (which one depends on the seed's
    // sequence; the proposal lane's moves changed it)
    assertThat(failure.shrunkSteps()).anyMatch(s -> s.startsWith("list ") && s.contains("LIVE")
        || s.startsWith("listing ") && s.contains(" -> LIVE"));
    assertThat(failure.originalSteps()).isGreaterThanOrEqualTo(failure.shrunkSteps().size());
    assertThat(failure.getMessage()).contains("seed " + org.resellledger.testkit.gen.Seeds.format(failure.seed()))
        .contains(" 1. ");
  }

  @Test
  void theSeedAlone_replaysTheSameFailure() {
    SimulationFailure first = catchThrowableOfType(SimulationFailure.class,
        () -> LedgerSimulator.against(DropsConflictFollowUp::new).ignoringSystemProperties()
            .sequences(2_000).steps(40).seed(2026).run());
    assertThat(first).isNotNull();

    SimulationFailure again = catchThrowableOfType(SimulationFailure.class,
        () -> LedgerSimulator.against(DropsConflictFollowUp::new).steps(40).replay(first.seed()));

    assertThat(again).isNotNull();
    assertThat(again.seed()).isEqualTo(first.seed());
    assertThat(again.invariant()).isEqualTo(first.invariant());
    assertThat(again.shrunkSteps()).isEqualTo(first.shrunkSteps());
    assertThat(again.shrunkSteps()).hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void aCorrectStore_passes_andTheSeedDeterminesTheSteps() {
    SimulationReport report = LedgerSimulator.against(ForwardingStore::new).ignoringSystemProperties()
        .sequences(50).steps(20).seed(42).run();

    assertThat(report.sequences()).isEqualTo(50);
    assertThat(LedgerSimulator.describe(42, 20)).isEqualTo(LedgerSimulator.describe(42, 20));
    assertThat(LedgerSimulator.describe(42, 30).subList(0, 20)).isEqualTo(LedgerSimulator.describe(42, 20));
    assertThat(LedgerSimulator.describe(43, 20)).isNotEqualTo(LedgerSimulator.describe(42, 20));
  }
}
