package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * The ledger's retry after a lost race runs inside {@code LedgerStore.locked}, holding the streams the
 * losing commit expected; the first attempt never does (the uncontended path is unchanged).
 */
class LockedRetryTest {
  private final InMemoryLedgerStore inner = new InMemoryLedgerStore();
  private final Fixture seeded = new Fixture(inner, WorkspaceId.of("shop"));

  /** Records every call of {@code locked}, and whether each commit ran inside one; can lose races. */
  private final class Recording extends ForwardingStore {
    final List<List<StreamId>> locks = new ArrayList<>();
    final List<Boolean> commitsInsideLock = new ArrayList<>();
    int racesToLose;
    private boolean inside;

    Recording() {
      super(inner);
    }

    @Override
    public <T> T locked(WorkspaceId workspace, Collection<StreamId> streams, Supplier<T> attempt) {
      locks.add(List.copyOf(streams));
      inside = true;
      try {
        return attempt.get();
      } finally {
        inside = false;
      }
    }

    @Override
    public void commit(Commit commit) {
      commitsInsideLock.add(inside);
      if (racesToLose > 0) {
        racesToLose--;
        // another writer moves the item first; this commit is now stale
        seeded.run(new AdjustQuantity(Sku.of("A-1"), 1, Fixture.ANA.because("other writer")));
      }
      super.commit(commit);
    }
  }

  @Test
  void uncontendedSale_takesNoLock() {
    seeded.intake("A-1", 2);
    Recording store = new Recording();

    Ledger.open(store, WorkspaceId.of("shop")).execute(
        Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, Origin.webhook("ebay", "n-1", Fixture.NOW)));

    assertThat(store.locks).isEmpty();
    assertThat(store.commitsInsideLock).containsExactly(false);
  }

  @Test
  void afterALostRace_theRetryHoldsTheItemsStream_andCommitsInsideTheLock() {
    seeded.intake("A-1", 2);
    StreamId item = StreamId.of(seeded.item("A-1").id());
    Recording store = new Recording();
    store.racesToLose = 1;

    Ledger.open(store, WorkspaceId.of("shop")).execute(
        Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, Origin.webhook("ebay", "n-1", Fixture.NOW)));

    assertThat(store.locks).containsExactly(List.of(item));
    assertThat(store.commitsInsideLock).containsExactly(false, true);
    assertThat(seeded.units("A-1", Bucket.COMMITTED)).isEqualTo(1);
    assertThat(seeded.item("A-1").available()).isEqualTo(2);
  }

  @Test
  void aBatchThatLosesARace_isRetriedHoldingItsStreams() {
    seeded.intake("A-1", 2);
    StreamId item = StreamId.of(seeded.item("A-1").id());
    Recording store = new Recording();
    store.racesToLose = 2;

    Ledger.open(store, WorkspaceId.of("shop")).executeAll(List.of(
        new AdjustQuantity(Sku.of("A-1"), 1, Fixture.ANA.because("found one")),
        new AdjustQuantity(Sku.of("A-1"), 1, Fixture.ANA.because("found another"))));

    assertThat(store.locks).containsExactly(List.of(item), List.of(item));
    assertThat(store.commitsInsideLock).containsExactly(false, true, true);
    assertThat(seeded.item("A-1").available()).isEqualTo(2 + 2 + 2);
  }
}
