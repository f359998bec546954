package org.resellledger.core.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;

/**
 * Where a ledger keeps its events and projections. The port that storage adapters implement; the
 * contract suite in ledger-testkit says exactly what an implementation must do. Holds no business rules.
 *
 * <ul>
 *   <li>{@link #commit} is atomic: events, projections and receipt are all written, or nothing is.
 *   <li>Events are append-only; there is no way to change or remove one.
 *   <li>A commit fails with {@link ConcurrencyException} when any expected stream version is stale, or
 *       when a unique key is taken: (workspace, SKU), (workspace, channel, external order id), (workspace,
 *       channel, listing external id), or a {@link UniqueKey} of a stream of another kind; and with
 *       {@link DuplicateReceiptException} when its receipt's provider event id is already recorded.
 *   <li>Streams of any kind go through the same {@link #commit}: items and orders as {@link Commit#items}
 *       and {@link Commit#orders}, every other registered kind ({@link StreamTypes}) as
 *       {@link Commit#streams}, read back with {@link #state} and {@link #streamWithKey}. No method is
 *       added per kind.
 *   <li>Every read is scoped to one workspace and never sees another's records.
 * </ul>
 */
public interface LedgerStore {

  Optional<Item> item(WorkspaceId workspace, ItemId id);

  Optional<ItemId> itemId(WorkspaceId workspace, Sku sku);

  /**
   * The item with that SKU. The ledger reads an item this way before every command on it, so a store
   * should answer in one read; the default takes two.
   */
  default Optional<Item> itemBySku(WorkspaceId workspace, Sku sku) {
    return itemId(workspace, sku).flatMap(id -> item(workspace, id));
  }

  /**
   * The items with these SKUs, keyed by SKU in the order asked; SKUs without an item are left out. Batches
   * and imports read their items this way, so a store should answer in one read (or a few for a long
   * list); the default reads them one by one.
   */
  default Map<Sku, Item> itemsBySku(WorkspaceId workspace, Collection<Sku> skus) {
    Map<Sku, Item> found = new LinkedHashMap<>();
    for (Sku sku : skus) {
      if (!found.containsKey(sku)) {
        itemBySku(workspace, sku).ifPresent(item -> found.put(sku, item));
      }
    }
    return found;
  }

  /**
   * The items with these ids, keyed by id in the order asked; ids without an item are left out. The reports
   * read items in batches this way, so a store should answer in one read (or a few for a long list); the
   * default reads them one by one with {@link #item}.
   */
  default Map<ItemId, Item> itemsById(WorkspaceId workspace, Collection<ItemId> ids) {
    Map<ItemId, Item> found = new LinkedHashMap<>();
    for (ItemId id : ids) {
      if (!found.containsKey(id)) {
        item(workspace, id).ifPresent(item -> found.put(id, item));
      }
    }
    return found;
  }

  /** The item a listing belongs to. */
  Optional<ItemId> itemIdOfListing(WorkspaceId workspace, ListingId listing);

  /** The listing with that external id on that channel, if any. */
  Optional<ListingId> listingByExternalId(WorkspaceId workspace, Channel channel, String externalId);

  Optional<Order> order(WorkspaceId workspace, OrderId id);

  /**
   * The orders with these ids, keyed by id in the order asked; ids without an order are left out. The drift
   * report and the reports read orders in batches this way, so a store should answer in one read (or a few
   * for a long list); the default reads them one by one with {@link #order}.
   */
  default Map<OrderId, Order> ordersById(WorkspaceId workspace, Collection<OrderId> ids) {
    Map<OrderId, Order> found = new LinkedHashMap<>();
    for (OrderId id : ids) {
      if (!found.containsKey(id)) {
        order(workspace, id).ifPresent(order -> found.put(id, order));
      }
    }
    return found;
  }

  Optional<OrderId> orderByExternalId(WorkspaceId workspace, Channel channel, String externalOrderId);

  /** Every item of the workspace, archived ones included, by SKU. */
  List<Item> items(WorkspaceId workspace);

  /** Every order of the workspace, by placement time then id. */
  List<Order> orders(WorkspaceId workspace);

  /** One stream's events in version order. */
  List<LedgerEvent> stream(WorkspaceId workspace, StreamId stream);

  /**
   * The events of several streams, each in version order, keyed by stream in the order asked; streams
   * without events are left out. The queues read a page's evidence this way, so a store should answer in
   * one read (or a few for a long list); the default reads the streams one by one.
   */
  default Map<StreamId, List<LedgerEvent>> streamsOf(WorkspaceId workspace, Collection<StreamId> streams) {
    Map<StreamId, List<LedgerEvent>> out = new LinkedHashMap<>();
    for (StreamId s : streams) {
      if (!out.containsKey(s)) {
        List<LedgerEvent> events = stream(workspace, s);
        if (!events.isEmpty()) {
          out.put(s, events);
        }
      }
    }
    return out;
  }

  /** Events by id, in the order asked; unknown ids are left out. */
  List<LedgerEvent> events(WorkspaceId workspace, Collection<EventId> ids);

  /** Every event of the workspace, in the order they were committed. */
  List<LedgerEvent> events(WorkspaceId workspace);

  /**
   * Hands every event of the workspace to {@code sink}, in the order they were committed, and returns how
   * many: what replay and rebuild read. A store that can stream them (a database cursor) should, so that
   * they are never all in memory at once; the default reads {@link #events(WorkspaceId)} whole.
   */
  default long forEachEvent(WorkspaceId workspace, java.util.function.Consumer<LedgerEvent> sink) {
    List<LedgerEvent> all = events(workspace);
    all.forEach(sink);
    return all.size();
  }

  /**
   * Hands every event of the workspace to {@code sink} stream by stream: all of one stream's events
   * together, in version order, then the next stream's (streams in any order). Returns how many. What the
   * drift report reads, one stream in memory at a time; a store that can stream them (a cursor over its
   * stream-version key) should. The default reads {@link #events(WorkspaceId)} whole and sorts them.
   */
  default long forEachEventByStream(WorkspaceId workspace, java.util.function.Consumer<LedgerEvent> sink) {
    List<LedgerEvent> all = new java.util.ArrayList<>(events(workspace));
    all.sort(java.util.Comparator.comparing((LedgerEvent e) -> e.stream().kind().name())
        .thenComparing(e -> e.stream().id()).thenComparingLong(LedgerEvent::version));
    all.forEach(sink);
    return all.size();
  }

  /** Hands every stored item to {@code sink}; the default reads {@link #items} whole, a store may page. */
  default void forEachItem(WorkspaceId workspace, java.util.function.Consumer<Item> sink) {
    items(workspace).forEach(sink);
  }

  /** Hands every stored order to {@code sink}; the default reads {@link #orders} whole, a store may page. */
  default void forEachOrder(WorkspaceId workspace, java.util.function.Consumer<Order> sink) {
    orders(workspace).forEach(sink);
  }

  /**
   * A page of the items {@code query} accepts, by SKU, after the SKU {@code after} (none: from the first).
   * Reads for queues and reports that must not load a whole workspace; a store should answer with one
   * query on an index. The default reads {@link #items} whole and filters: the reference.
   */
  default Page<Item> itemPage(WorkspaceId workspace, ItemQuery query, Optional<String> after, int limit) {
    Page.limit(limit);
    List<Item> rows = items(workspace).stream()
        .filter(i -> after.map(a -> i.sku().value().compareTo(a) > 0).orElse(true))
        .filter(query::matches).limit(limit).toList();
    return Page.of(rows, limit, ItemQuery::cursor);
  }

  /**
   * A page of the orders {@code query} accepts, by placement time then id, after the cursor {@code after}
   * ({@link OrderQuery#cursor}). The default reads {@link #orders} whole and filters: the reference.
   */
  default Page<Order> orderPage(WorkspaceId workspace, OrderQuery query, Optional<String> after, int limit) {
    Page.limit(limit);
    List<Order> rows = orders(workspace).stream()
        .filter(o -> after.map(a -> OrderQuery.after(o, a)).orElse(true))
        .filter(query::matches).limit(limit).toList();
    return Page.of(rows, limit, OrderQuery::cursor);
  }

  /**
   * A page of the events {@code query} accepts, in commit order, after the position {@code after} that an
   * earlier page of this store gave. The default reads the stream, or {@link #events(WorkspaceId)}, whole
   * and filters: the reference; its positions count events read.
   */
  default Page<LedgerEvent> eventPage(WorkspaceId workspace, EventQuery query, Optional<String> after, int limit) {
    Page.limit(limit);
    List<LedgerEvent> all = query.stream().map(s -> stream(workspace, s)).orElseGet(() -> events(workspace));
    int start = after.map(Integer::parseInt).orElse(0);
    List<LedgerEvent> rows = new java.util.ArrayList<>();
    int position = start;
    while (position < all.size() && rows.size() < limit) {
      LedgerEvent e = all.get(position++);
      if (query.matches(e)) {
        rows.add(e);
      }
    }
    String next = String.valueOf(position);
    return new Page<>(rows, rows.size() < limit ? Optional.empty() : Optional.of(next));
  }

  Optional<Receipt> receipt(WorkspaceId workspace, ProviderRef provider);

  /**
   * Hands every receipt of the workspace to {@code sink}, ordered by provider then provider event id, and
   * returns how many: what a backup writes so that a restored workspace still recognises a redelivery. A
   * store that keeps receipts implements it; the default cannot and says so.
   */
  default long forEachReceipt(WorkspaceId workspace, java.util.function.Consumer<Receipt> sink) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list its receipts");
  }

  /**
   * Writes a backup's events and receipts into an empty workspace, exactly as they were (same ids, streams,
   * versions, times), all of them or nothing:
   *
   * <ul>
   *   <li>refused with {@link WorkspaceNotEmptyException} when the workspace holds any event or receipt;
   *   <li>{@code producer} hands the events to the sink in commit order (they are stored in that order) and
   *       the receipts; each event must be of {@code workspace} and its stream's next version
   *       ({@link RestoreOrder}), else {@link IllegalArgumentException}; an event id or a receipt given twice
   *       is a {@link ConcurrencyException} or {@link DuplicateReceiptException};
   *   <li>if {@code producer} or a check throws, nothing is written and the exception comes out as thrown.
   * </ul>
   *
   * Projections are not written: rebuild them after ({@code Ledger.rebuildProjections()}). A store that can
   * write as it goes (the jOOQ store: batches inside one transaction) should, so that a restore never holds
   * a whole backup in memory. The default cannot restore and says so.
   */
  default void restore(WorkspaceId workspace, java.util.function.Consumer<RestoreSink> producer) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot restore a backup");
  }

  /**
   * The stored state of a stream of a registered kind other than items and orders, with its version and
   * keys. The default folds the stream's events with its {@link StreamType}: right for any store, one read
   * of the whole stream; a store that keeps the states answers from them.
   */
  default Optional<StreamState> state(WorkspaceId workspace, StreamId stream) {
    List<LedgerEvent> events = stream(workspace, stream);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    StreamType<?> type = StreamTypes.require(stream.kind());
    Object state = null;
    for (LedgerEvent e : events) {
      state = type.foldUnchecked(state, e);
    }
    return Optional.of(new StreamState(stream, events.size(), state, type.keysUnchecked(state)));
  }

  /**
   * The streams of {@code kind} holding a key named {@code keyName} whose value starts with {@code prefix},
   * at most {@code limit} (1-10,000), ordered by key value as {@link String#compareTo} orders it: an index
   * a concept keeps in its states' keys (the proposals of a listing, the outbox writes due). A store that
   * keeps {@link Commit#streams} keys answers; the default cannot and says so.
   */
  default java.util.List<KeyedStream> streamsWithKeyPrefix(WorkspaceId workspace, StreamId.Kind kind, String keyName,
      String prefix, int limit) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no unique keys of other stream kinds");
  }

  /**
   * As {@link #streamsWithKeyPrefix}, only the keys whose value is after {@code after} (in
   * {@link String#compareTo} order): one page of a keyset walk over an index of keys, the next page after
   * the last value of this one. The default reads the prefix's first 10,000 keys and drops those up to
   * {@code after}; a store that keeps the keys answers from its index.
   */
  default java.util.List<KeyedStream> streamsWithKeyAfter(WorkspaceId workspace, StreamId.Kind kind, String keyName,
      String prefix, Optional<String> after, int limit) {
    KeyedStream.checkQuery(keyName, prefix, limit);
    java.util.Objects.requireNonNull(after, "after");
    return streamsWithKeyPrefix(workspace, kind, keyName, prefix, 10_000).stream()
        .filter(k -> after.isEmpty() || k.key().value().compareTo(after.get()) > 0).limit(limit).toList();
  }

  /**
   * The stream of a registered kind whose state holds this key, if any. A store that keeps the keys of
   * {@link Commit#streams} answers; the default cannot and says so.
   */
  default Optional<StreamId> streamWithKey(WorkspaceId workspace, StreamId.Kind kind, UniqueKey key) {
    throw new UnsupportedOperationException(getClass().getName() + " does not keep the unique keys of " + kind
        + " streams");
  }

  void commit(Commit commit);

  /**
   * Runs one attempt at a command holding these streams: the ledger's retry after a lost optimistic race.
   * A store that implements it guarantees that attempt progress against any number of other writers:
   *
   * <ul>
   *   <li>before {@code attempt} runs, it takes an exclusive lock on every one of these streams that exists
   *       (a row lock on its head, e.g. {@code SELECT ... FOR UPDATE}), in the order its commits lock them;
   *   <li>the reads and the one {@link #commit} that {@code attempt} makes on the calling thread run in the
   *       same transaction, so nobody moves these streams between the attempt's reads and its commit, and
   *       its version checks on them pass;
   *   <li>the transaction commits when {@code attempt} returns; if it throws, nothing is written and the
   *       exception comes out as it was thrown (a failure to lock is a {@link ConcurrencyException}).
   * </ul>
   *
   * Streams the attempt creates, or reads without naming here, stay optimistic. The ledger calls this only
   * after a commit lost a race, naming the streams that commit expected, so the uncontended path takes no
   * lock and reads nothing more. The default runs {@code attempt} as it is, without a lock: a store that
   * keeps it still works, with bounded optimistic retries only.
   */
  default <T> T locked(WorkspaceId workspace, Collection<StreamId> streams, Supplier<T> attempt) {
    return attempt.get();
  }

  /**
   * Replaces every stored projection of the workspace with the given ones (computed by replaying the
   * events), in one transaction. Events are not touched.
   */
  void replaceProjections(WorkspaceId workspace, List<Item> items, List<Order> orders);

  /**
   * {@link #replaceProjections(WorkspaceId, List, List)} with the states of streams of other kinds too.
   * The default takes items and orders only, and refuses other states it could not keep.
   */
  default void replaceProjections(WorkspaceId workspace, List<Item> items, List<Order> orders,
      List<StreamState> streams) {
    if (!streams.isEmpty()) {
      throw new UnsupportedOperationException(getClass().getName() + " keeps no states of other stream kinds");
    }
    replaceProjections(workspace, items, orders);
  }

  /**
   * Replaces every stored projection of the workspace, in one transaction, with what {@code producer} hands
   * to the sink it is given (a rebuild folding the events stream by stream): what {@code Ledger.rebuildProjections}
   * calls. A store that can write as it goes (the jOOQ store: batches inside its transaction) should, so that
   * a rebuild never holds a whole workspace; the default collects everything and calls
   * {@link #replaceProjections(WorkspaceId, List, List, List)}. If {@code producer} throws, nothing is replaced.
   */
  default void replaceProjections(WorkspaceId workspace, java.util.function.Consumer<ProjectionSink> producer) {
    List<Item> items = new java.util.ArrayList<>();
    List<Order> orders = new java.util.ArrayList<>();
    List<StreamState> streams = new java.util.ArrayList<>();
    producer.accept(new ProjectionSink() {
      @Override
      public void item(Item item) {
        items.add(item);
      }

      @Override
      public void order(Order order) {
        orders.add(order);
      }

      @Override
      public void stream(StreamState state) {
        streams.add(state);
      }
    });
    items.sort(java.util.Comparator.comparing(Item::sku));
    orders.sort(java.util.Comparator.comparing(Order::placedAt).thenComparing(o -> o.id().value()));
    replaceProjections(workspace, items, orders, streams);
  }
}
