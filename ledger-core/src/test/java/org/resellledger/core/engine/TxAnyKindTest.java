package org.resellledger.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemFact.QuantityAdjusted;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamType;
import org.resellledger.core.store.StreamTypes;
import org.resellledger.core.store.UniqueKey;

/**
 * The kernel knows no stream kind: a kind registered here (a counter keyed by name; core's facts are
 * sealed, so its events carry {@link QuantityAdjusted}) is appended, folded, committed with its key, and
 * replayed, with no code for it in the engine or the store.
 */
class TxAnyKindTest {
  static final StreamId.Kind COUNTER = StreamId.Kind.of("COUNTER_TEST");
  static final WorkspaceId WS = WorkspaceId.of("shop");

  record Counter(String name, long total) {}

  static final class CounterStream implements StreamType<Counter> {
    @Override public StreamId.Kind kind() { return COUNTER; }
    @Override public Class<Counter> stateType() { return Counter.class; }
    @Override public Counter fold(Counter c, LedgerEvent e) {
      int delta = ((QuantityAdjusted) e.payload()).delta();
      return c == null ? new Counter(e.reason().orElseThrow(), delta) : new Counter(c.name(), c.total() + delta);
    }
    @Override public Set<UniqueKey> uniqueKeys(Counter c) { return Set.of(new UniqueKey("name", c.name())); }
  }

  @BeforeAll
  static void register() {
    StreamTypes.register(new CounterStream());
  }

  private static Tx tx(InMemoryLedgerStore store, String ids) {
    return Tx.of(store, WS, IdGenerator.sequential(ids), Origin.manual("ana").because("visits"),
        Instant.parse("2026-11-20T12:00:00Z"));
  }

  private static Counter add(Tx tx, StreamId stream, long version, int delta) {
    return tx.append(stream, version, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        new QuantityAdjusted(delta), Optional.empty());
  }

  @Test
  void aRegisteredKind_isFoldedCommittedWithItsKeys_andReplayed() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    StreamId visits = new StreamId(COUNTER, "c-1");
    Tx tx = tx(store, "a");
    add(tx, visits, 1, 2);
    assertThat(add(tx, visits, 2, 3)).isEqualTo(new Counter("visits", 5));

    Commit commit = tx.toCommit(Optional.empty());
    assertThat(commit.items()).isEmpty();
    assertThat(commit.streams()).containsExactly(
        new StreamState(visits, 2, new Counter("visits", 5), Set.of(new UniqueKey("name", "visits"))));
    store.commit(commit);

    assertThat(store.state(WS, visits)).contains(commit.streams().get(0));
    assertThat(store.streamWithKey(WS, COUNTER, new UniqueKey("name", "visits"))).contains(visits);
    Ledger ledger = Ledger.open(store, WS);
    assertThat(ledger.replay().streams()).containsExactlyElementsOf(commit.streams());
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void aSecondStream_withTheSameKey_isRefusedAtCommit() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Tx first = tx(store, "a");
    add(first, new StreamId(COUNTER, "c-1"), 1, 1);
    store.commit(first.toCommit(Optional.empty()));

    Tx second = tx(store, "b");
    add(second, new StreamId(COUNTER, "c-2"), 1, 1);
    assertThatThrownBy(() -> store.commit(second.toCommit(Optional.empty())))
        .isInstanceOf(ConcurrencyException.class).hasMessageContaining("name");
    assertThat(store.state(WS, new StreamId(COUNTER, "c-2"))).isEmpty();
  }

  @Test
  void aKindWithoutAType_hasNoFold() {
    StreamId unknown = new StreamId(StreamId.Kind.of("UNKNOWN_TEST"), "u-1");
    assertThatThrownBy(() -> add(tx(new InMemoryLedgerStore(), "a"), unknown, 1, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no fold for QuantityAdjusted");
  }
}
