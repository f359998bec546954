package org.resellledger.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;

/**
 * One attempt at one command (or one batch), for streams of any kind: remembers the version of every
 * stream it read, collects the new events, and folds each into its stream's state through the
 * {@link Registry}. Nothing is written until the ledger commits it. How a concept finds its streams (an
 * item by SKU, an order by id) is the concept's own, e.g. {@code item.internal.Items}.
 */
public final class Tx {
  private final LedgerStore store;
  private final WorkspaceId ws;
  private final LedgerConfig config;
  private final Registry registry;
  private Origin origin;
  private final Instant now;
  private final boolean trustKeys;
  private final Map<StreamId, Long> expected = new LinkedHashMap<>();
  /** The state of every stream read or written here, in the order first seen. */
  private final Map<StreamId, Object> states = new LinkedHashMap<>();
  /**
   * Since the last {@link #mark}: each stream's state before its first change, {@link #ABSENT} when it had
   * none; null when no mark is set. Undoing replays it, so a mark costs what the command changes, not what
   * the transaction holds.
   */
  private Map<StreamId, Object> undoLog;
  private static final Object ABSENT = new Object();
  private final List<LedgerEvent> events = new ArrayList<>();
  /** Concepts' own per-transaction indexes and read-ahead caches, by key. */
  private final Map<Object, Object> locals = new HashMap<>();

  /**
   * @param trustKeys whether checks that a unique key is free (SKU, channel order id, channel listing id)
   *     may skip the store read and leave the refusal to the commit, whose unique keys refuse a taken one.
   *     The ledger runs a first attempt trusting them and, after any refusal or lost race, runs again with
   *     every read, so the answer is the same either way; only the cost of the common case differs.
   */
  public Tx(LedgerStore store, WorkspaceId ws, LedgerConfig config, Registry registry, Origin origin,
      Instant now, boolean trustKeys) {
    this.store = store;
    this.ws = ws;
    this.config = config;
    this.registry = registry;
    this.origin = origin;
    this.now = now;
    this.trustKeys = trustKeys;
  }

  /** A careful transaction with the standard registry and default rules, for tests of the kernel. */
  public static Tx of(LedgerStore store, WorkspaceId ws, IdGenerator ids, Origin origin, Instant now) {
    return new Tx(store, ws, LedgerConfig.defaults().withIds(ids), Registry.standard(), origin, now, false);
  }

  public LedgerStore store() {
    return store;
  }

  public WorkspaceId workspace() {
    return ws;
  }

  public LedgerConfig config() {
    return config;
  }

  public Origin origin() {
    return origin;
  }

  /** Whether key checks may leave a taken key to the commit's unique keys (see the constructor). */
  public boolean trustKeys() {
    return trustKeys;
  }

  /** Starts the next command of a batch: later events carry its origin; state read so far is kept. */
  void next(Origin nextOrigin) {
    this.origin = nextOrigin;
  }

  /**
   * Runs {@code work} with later events carrying {@code nested} as their origin, then the origin before:
   * a command run inside another ({@link Registry#dispatch}, a proposal applying its change).
   */
  public void within(Origin nested, Runnable work) {
    Origin before = origin;
    origin = nested;
    try {
      work.run();
    } finally {
      origin = before;
    }
  }

  public String newId() {
    return config.ids().next();
  }

  /** A concept's per-transaction value under {@code key}, made by {@code init} on first use. */
  @SuppressWarnings("unchecked")
  public <T> T local(Object key, Supplier<T> init) {
    return (T) locals.computeIfAbsent(key, k -> init.get());
  }

  // ---- streams -----------------------------------------------------------------------------------------

  /** The state of a stream as this transaction has it (read or changed here), or null. */
  @SuppressWarnings("unchecked")
  public <S> S held(StreamId stream) {
    return (S) states.get(stream);
  }

  /** Every state held of one kind, in the order first seen. */
  public <S> List<S> held(StreamId.Kind kind, Class<S> type) {
    List<S> found = new ArrayList<>();
    states.forEach((stream, state) -> {
      if (stream.kind().equals(kind)) {
        found.add(type.cast(state));
      }
    });
    return found;
  }

  /** A stream read from the store joins the transaction: its version is what the commit expects. */
  public <S> S join(StreamId stream, S state, long version) {
    expected.putIfAbsent(stream, version);
    put(stream, state);
    return state;
  }

  /**
   * Appends one event to a stream at {@code version} (1 starts a new stream) and folds it into the
   * stream's state; returns the state after.
   */
  public <S> S append(StreamId stream, long version, Optional<ItemId> item, Optional<ListingId> listing,
      Optional<OrderId> order, Optional<Movement> movement, EventPayload payload, Optional<String> causation) {
    if (version == 1) {
      expected.put(stream, 0L);
    }
    LedgerEvent e = new LedgerEvent(ws, EventId.of(newId()), stream, version, item, listing, order, movement,
        origin.source(), origin.actor(), origin.occurredAt().orElse(now), now, origin.provider(), origin.reason(),
        causation, payload);
    events.add(e);
    S next = registry.fold(held(stream), e);
    put(stream, next);
    return next;
  }

  private void put(StreamId stream, Object state) {
    Object before = states.put(stream, state);
    if (undoLog != null) {
      undoLog.putIfAbsent(stream, before == null ? ABSENT : before);
    }
  }

  /** The event appended last. */
  public LedgerEvent lastEvent() {
    return events.get(events.size() - 1);
  }

  public int eventCount() {
    return events.size();
  }

  public List<LedgerEvent> eventsSince(int index) {
    return List.copyOf(events.subList(index, events.size()));
  }

  public List<LedgerEvent> events() {
    return List.copyOf(events);
  }

  // ---- preview marks, and the commit --------------------------------------------------------------------

  /** What this transaction holds now, to go back to if the next command is refused (see {@link #undo}). */
  public Mark mark() {
    undoLog = new HashMap<>();
    return new Mark(events.size(), undoLog);
  }

  /**
   * Forgets everything done since {@code mark}: a refused command of a preview leaves no trace. Concepts'
   * indexes ({@link #local}) are not rolled back: what they point to is checked against {@link #held}.
   */
  public void undo(Mark mark) {
    if (mark.before != undoLog) {
      throw new IllegalStateException("only the last mark can be undone");
    }
    events.subList(mark.events, events.size()).clear();
    mark.before.forEach((stream, before) -> {
      if (before == ABSENT) {
        states.remove(stream);
      } else {
        states.put(stream, before);
      }
    });
    mark.before.clear();
  }

  /** A point to go back to: the number of events, and the state before of every stream changed since. */
  public record Mark(int events, Map<StreamId, Object> before) {}

  /** The streams this transaction read from the store (not the ones it starts): what a locked retry holds. */
  public List<StreamId> existingStreams() {
    List<StreamId> found = new ArrayList<>();
    expected.forEach((stream, version) -> {
      if (version > 0) {
        found.add(stream);
      }
    });
    return found;
  }

  /** Everything collected, as one commit: the events, and the new state of every stream they touch. */
  public Commit toCommit(Optional<Receipt> receipt) {
    Map<StreamId, Object> touched = new LinkedHashMap<>();
    for (LedgerEvent e : events) {
      touched.putIfAbsent(e.stream(), states.get(e.stream()));
    }
    return registry.commit(ws, expected, events, touched, receipt);
  }
}
