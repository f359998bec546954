package org.resellledger.core;

import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.ProjectionSink;
import org.resellledger.core.store.StoredValues;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamTypes;

/**
 * The rebuild behind {@link Ledger#rebuildProjections}: the events are read stream by stream
 * ({@link LedgerStore#forEachEventByStream}), each stream is folded and handed to the store's
 * {@link ProjectionSink} as soon as its last event is read, so memory holds one stream's state (plus what the
 * store batches), never every event or every projection.
 */
final class Rebuild {
  private final LedgerStore store;
  private final WorkspaceId ws;
  private long events;
  private int items;
  private int orders;

  Rebuild(LedgerStore store, WorkspaceId ws) {
    this.store = store;
    this.ws = ws;
  }

  Ledger.Rebuilt run() {
    store.replaceProjections(ws, sink -> {
      StreamFolds folds = new StreamFolds((stream, state, version) -> hand(sink, stream, state, version));
      events = StoredValues.read(() -> store.forEachEventByStream(ws, folds));
      folds.finish();
    });
    return new Ledger.Rebuilt(events, items, orders);
  }

  private void hand(ProjectionSink sink, StreamId stream, Object state, long version) {
    if (stream.kind() == StreamId.Kind.ITEM) {
      sink.item((Item) state);
      items++;
    } else if (stream.kind() == StreamId.Kind.ORDER) {
      sink.order((Order) state);
      orders++;
    } else {
      sink.stream(new StreamState(stream, version, state, StreamTypes.require(stream.kind()).keysUnchecked(state)));
    }
  }
}
