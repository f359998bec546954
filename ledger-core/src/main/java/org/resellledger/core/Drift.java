package org.resellledger.core;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.StreamTypes;

/**
 * The drift check behind {@link Ledger#drift}: the events are read stream by stream
 * ({@link LedgerStore#forEachEventByStream}) and each stream is folded and compared with its stored
 * projection before the next is read, so memory holds one stream's state, a batch of items and a batch of
 * orders each waiting for one read ({@link LedgerStore#itemsBySku}, {@link LedgerStore#ordersById}), and the ids of the streams seen (to find stored projections no event made), never every event or
 * every projection.
 */
final class Drift {
  private static final int BATCH = 500;

  private final LedgerStore store;
  private final WorkspaceId ws;
  private final int limit;
  private final List<DriftReport.Difference> found = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<Sku, Item> pendingItems = new java.util.LinkedHashMap<>();
  private final Map<OrderId, Order> pendingOrders = new java.util.LinkedHashMap<>();
  private boolean truncated;
  private long streams;

  Drift(LedgerStore store, WorkspaceId ws, int limit) {
    this.store = store;
    this.ws = ws;
    this.limit = limit;
  }

  DriftReport run() {
    StreamFolds folds = new StreamFolds(this::check);
    long events = org.resellledger.core.store.StoredValues.read(() -> store.forEachEventByStream(ws, folds));
    folds.finish();
    flushItems();
    flushOrders();
    store.forEachItem(ws, item -> {
      if (!seen.contains(StreamId.of(item.id()).toString())) {
        add(StreamId.of(item.id()), item.sku().value(), "projection", "stored", "no events");
      }
    });
    store.forEachOrder(ws, order -> {
      if (!seen.contains(StreamId.of(order.id()).toString())) {
        add(StreamId.of(order.id()), name(order), "projection", "stored", "no events");
      }
    });
    return new DriftReport(events, streams, found, truncated);
  }

  private void check(StreamId current, Object state, long version) {
    streams++;
    seen.add(current.toString());
    if (current.kind() == StreamId.Kind.ITEM) {
      Item item = (Item) state;
      pendingItems.put(item.sku(), item);
      if (pendingItems.size() >= BATCH) {
        flushItems();
      }
    } else if (current.kind() == StreamId.Kind.ORDER) {
      pendingOrders.put(OrderId.of(current.id()), (Order) state);
      if (pendingOrders.size() >= BATCH) {
        flushOrders();
      }
    } else if (StreamTypes.find(current.kind()).isPresent()) {
      StreamState replayed = StreamState.of(type(current), current.id(), version, state);
      Optional<StreamState> stored = store.state(ws, current);
      if (!stored.equals(Optional.of(replayed))) {
        add(current, current.id(), "state", stored.map(s -> String.valueOf(s.state())).orElse("none"),
            String.valueOf(state));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <S> org.resellledger.core.store.StreamType<S> type(StreamId stream) {
    return (org.resellledger.core.store.StreamType<S>) StreamTypes.require(stream.kind());
  }

  private void flushItems() {
    if (pendingItems.isEmpty()) {
      return;
    }
    Map<Sku, Item> stored = store.itemsBySku(ws, pendingItems.keySet());
    for (Item replayed : pendingItems.values()) {
      Item s = stored.get(replayed.sku());
      compare(StreamId.of(replayed.id()), replayed.sku().value(), s != null && s.id().equals(replayed.id()) ? s : null,
          replayed);
    }
    pendingItems.clear();
  }

  private void flushOrders() {
    if (pendingOrders.isEmpty()) {
      return;
    }
    Map<OrderId, Order> stored = store.ordersById(ws, pendingOrders.keySet());
    pendingOrders.forEach((id, replayed) -> compare(StreamId.of(id), name(replayed), stored.get(id), replayed));
    pendingOrders.clear();
  }

  /** Field by field (a record's components; an item's balances bucket by bucket). */
  private void compare(StreamId stream, String name, Record stored, Record replayed) {
    if (stored == null) {
      add(stream, name, "projection", "none", "replayed from events");
      return;
    }
    if (stored.equals(replayed)) {
      return;
    }
    for (RecordComponent c : replayed.getClass().getRecordComponents()) {
      Object a = value(c, stored);
      Object b = value(c, replayed);
      if (Objects.equals(a, b)) {
        continue;
      }
      if (a instanceof org.resellledger.core.ledger.Balances sa && b instanceof org.resellledger.core.ledger.Balances sb) {
        for (Bucket bucket : Bucket.values()) {
          if (sa.get(bucket) != sb.get(bucket)) {
            add(stream, name, "balance " + bucket, String.valueOf(sa.get(bucket)), String.valueOf(sb.get(bucket)));
          }
        }
      } else {
        add(stream, name, c.getName(), String.valueOf(a), String.valueOf(b));
      }
    }
  }

  private static Object value(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }

  private static String name(Order order) {
    return order.externalOrderId().map(x -> order.channel() + " " + x).orElse(order.id().value());
  }

  private void add(StreamId stream, String name, String field, String stored, String replayed) {
    if (found.size() >= limit) {
      truncated = true;
      return;
    }
    found.add(new DriftReport.Difference(stream, name, field, stored, replayed));
  }
}
