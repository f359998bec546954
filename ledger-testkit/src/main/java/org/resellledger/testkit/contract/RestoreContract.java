package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.WorkspaceNotEmptyException;
import org.resellledger.testkit.gen.Samples;

/**
 * {@link LedgerStore#restore} and {@link LedgerStore#forEachReceipt} on the store under test: a varied
 * history ({@link BackupHistory}) restored into an empty workspace and its projections rebuilt equals the
 * original (events, items, orders, streams of other kinds, receipts; replay equals projections), a
 * redelivered provider event is still recognised, and every refusal (a workspace not empty, a broken
 * version sequence, an event of another workspace, an id given twice, a producer that throws) writes
 * nothing. A group of {@link LedgerStoreContract}.
 */
public abstract class RestoreContract {
  /** The store under test. */
  protected abstract LedgerStore store();

  /** An empty workspace of this test. */
  protected abstract WorkspaceId target();

  private record Backup(BackupHistory history, List<LedgerEvent> events, List<Receipt> receipts) {}

  private Backup backup() {
    BackupHistory h = BackupHistory.record(store(), 0x5EED_BAC0L, 60);
    return new Backup(h, store().events(h.workspace()), BackupHistory.receipts(store(), h.workspace()));
  }

  private void restore(WorkspaceId ws, List<LedgerEvent> events, List<Receipt> receipts) {
    store().restore(ws, sink -> {
      events.forEach(e -> sink.event(BackupHistory.in(ws, e)));
      receipts.forEach(sink::receipt);
    });
  }

  private void assertEmpty(WorkspaceId ws) {
    assertThat(store().events(ws)).isEmpty();
    assertThat(BackupHistory.receipts(store(), ws)).isEmpty();
    assertThat(store().items(ws)).isEmpty();
  }

  @Test
  void aRestoredWorkspace_equalsTheOriginal_andRecognisesARedelivery() {
    Backup b = backup();
    WorkspaceId src = b.history().workspace();
    WorkspaceId dst = target();

    restore(dst, b.events(), b.receipts());
    Ledger.Rebuilt rebuilt = Ledger.open(store(), dst).rebuildProjections();

    assertThat(rebuilt.events()).isEqualTo(b.events().size());
    assertThat(store().events(dst)).isEqualTo(b.events().stream().map(e -> BackupHistory.in(dst, e)).toList());
    assertThat(store().items(dst)).isEqualTo(store().items(src));
    assertThat(store().orders(dst)).isEqualTo(store().orders(src));
    List<StreamId> others = BackupHistory.otherStreams(store(), src);
    for (StreamId s : others) {
      assertThat(store().state(dst, s)).as(s.toString()).isEqualTo(store().state(src, s));
    }
    assertThat(BackupHistory.receipts(store(), dst)).isEqualTo(b.receipts()).hasSizeGreaterThanOrEqualTo(2);
    Ledger restored = Ledger.open(store(), dst, Samples.config("after-"));
    assertThat(restored.replayMatchesProjections()).isTrue();
    assertThat(restored.applied(BackupHistory.MARK)).isTrue();

    int before = store().events(dst).size();
    CommandResult again = restored.execute(b.history().redelivery());
    assertThat(again.duplicate()).isTrue();
    assertThat(again.events()).isEqualTo(b.history().firstOutcome().events().stream()
        .map(e -> BackupHistory.in(dst, e)).toList());
    assertThat(store().events(dst)).hasSize(before);
  }

  @Test
  void aWorkspaceWithEvents_orOnlyAReceipt_isRefused_byName_andNothingIsWritten() {
    Backup b = backup();
    WorkspaceId src = b.history().workspace();

    assertThatThrownBy(() -> restore(src, b.events(), b.receipts()))
        .isInstanceOfSatisfying(WorkspaceNotEmptyException.class, e -> assertThat(e.workspace()).isEqualTo(src))
        .hasMessageContaining(src.value());
    assertThat(store().events(src)).isEqualTo(b.events());
    assertThat(BackupHistory.receipts(store(), src)).isEqualTo(b.receipts());

    WorkspaceId marked = target();
    Ledger.open(store(), marked).executeAllOnce(BackupHistory.MARK, List.of());
    assertThatThrownBy(() -> restore(marked, b.events(), List.of()))
        .isInstanceOf(WorkspaceNotEmptyException.class);
    assertThat(store().events(marked)).isEmpty();
  }

  @Test
  void aBrokenVersionSequence_isRefused_andNothingIsWritten() {
    Backup b = backup();
    WorkspaceId dst = target();
    // the last event of the longest stream left out of its place: a gap, found after earlier batches
    LedgerEvent last = b.events().get(b.events().size() - 1);
    List<LedgerEvent> gap = b.events().stream()
        .filter(e -> !(e.stream().equals(last.stream()) && e.version() == last.version() - 1)).toList();
    assertThat(last.version()).isGreaterThan(1);

    assertThatThrownBy(() -> restore(dst, gap, b.receipts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(last.id().value()).hasMessageContaining("expected " + (last.version() - 1));
    assertEmpty(dst);

    List<LedgerEvent> repeated = new java.util.ArrayList<>(b.events());
    repeated.add(b.events().get(0));
    assertThatThrownBy(() -> restore(dst, repeated, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertEmpty(dst);
  }

  @Test
  void anEventOfAnotherWorkspace_orAnIdOrReceiptGivenTwice_isRefused_andNothingIsWritten() {
    Backup b = backup();
    WorkspaceId dst = target();

    assertThatThrownBy(() -> store().restore(dst, sink -> b.events().forEach(sink::event)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(b.history().workspace().value());
    assertEmpty(dst);

    LedgerEvent first = b.events().get(0);
    LedgerEvent sameId = new LedgerEvent(dst, first.id(), new StreamId(StreamId.Kind.ITEM, "another-stream"), 1,
        first.item(), first.listing(), first.order(), first.movement(), first.source(), first.actor(),
        first.occurredAt(), first.recordedAt(), first.provider(), first.reason(), first.causation(), first.payload());
    assertThatThrownBy(() -> store().restore(dst, sink -> {
      b.events().forEach(e -> sink.event(BackupHistory.in(dst, e)));
      sink.event(sameId);
    })).isInstanceOf(ConcurrencyException.class);
    assertEmpty(dst);

    assertThatThrownBy(() -> restore(dst, b.events(), List.of(b.receipts().get(0), b.receipts().get(0))))
        .isInstanceOf(ConcurrencyException.class);
    assertEmpty(dst);
  }

  @Test
  void aProducerThatThrows_afterWritingBatches_leavesNothing_andARestoreAfterSucceeds() {
    Backup b = backup();
    WorkspaceId dst = target();
    IllegalStateException broken = new IllegalStateException("the file ended early");

    assertThatThrownBy(() -> store().restore(dst, sink -> {
      b.events().forEach(e -> sink.event(BackupHistory.in(dst, e)));
      b.receipts().forEach(sink::receipt);
      throw broken;
    })).isSameAs(broken);
    assertEmpty(dst);

    restore(dst, b.events(), b.receipts());
    assertThat(store().events(dst)).hasSize(b.events().size());
  }
}
