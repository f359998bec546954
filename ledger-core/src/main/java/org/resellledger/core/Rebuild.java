package org.resellledger.core;

import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
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
  private ProjectionSink sink;
  private StreamId current;
  private Object state;
  private long version;
  private long events;
  private int items;
  private int orders;

  Rebuild(LedgerStore store, WorkspaceId ws) {
    this.store = store;
    this.ws = ws;
  }

  Ledger.Rebuilt run() {
    store.replaceProjections(ws, to -> {
      sink = to;
      events = StoredValues.read(() -> store.forEachEventByStream(ws, this::accept));
      finishStream();
    });
    return new Ledger.Rebuilt(events, items, orders);
  }

  private void accept(LedgerEvent e) {
    if (!e.stream().equals(current)) {
      finishStream();
      current = e.stream();
      state = null;
    }
    state = Projector.applyAny(state, e);
    version = e.version();
  }

  private void finishStream() {
    if (current == null) {
      return;
    }
    if (current.kind() == StreamId.Kind.ITEM) {
      sink.item((Item) state);
      items++;
    } else if (current.kind() == StreamId.Kind.ORDER) {
      sink.order((Order) state);
      orders++;
    } else {
      sink.stream(new StreamState(current, version, state, StreamTypes.require(current.kind()).keysUnchecked(state)));
    }
    current = null;
  }
}
