package org.resellledger.core;

import java.util.function.Consumer;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;

/**
 * Folds events that arrive stream by stream ({@link org.resellledger.core.store.LedgerStore#forEachEventByStream})
 * and hands each stream's state on as soon as its last event has been read: what the drift report and the
 * rebuild share. Holds one stream's state at a time.
 */
final class StreamFolds implements Consumer<LedgerEvent> {
  /** A stream whose every event has been folded. */
  interface Finished {
    void accept(StreamId stream, Object state, long version);
  }

  private final Finished finished;
  private StreamId current;
  private Object state;
  private long version;

  StreamFolds(Finished finished) {
    this.finished = finished;
  }

  @Override
  public void accept(LedgerEvent e) {
    if (!e.stream().equals(current)) {
      finish();
      current = e.stream();
      state = null;
    }
    state = Projector.applyAny(state, e);
    version = e.version();
  }

  /** Hands on the last stream; call once the events have all been read. */
  void finish() {
    if (current != null) {
      StreamId stream = current;
      current = null;
      finished.accept(stream, state, version);
    }
  }
}
