package org.resellledger.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.channel.ChannelLink;
import org.resellledger.core.channel.ChannelLinkStore;
import org.resellledger.core.channel.ChannelLinks;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.inbox.Delivered;
import org.resellledger.core.inbox.InboxEntry;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.inbox.Outcome;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;

/**
 * The reference {@link LedgerStore}, {@link InboxStore} and {@link ChannelLinkStore}: everything in memory, one lock, nothing survives the JVM. Its
 * behaviour is what every other store must match.
 */
public final class InMemoryLedgerStore implements LedgerStore, InboxStore, ChannelLinkStore {
  private final Map<WorkspaceId, Books> workspaces = new HashMap<>();
  private final InMemoryInbox inbox = new InMemoryInbox();
  private final Map<WorkspaceId, Map<ChannelRef, ChannelLink>> links = new HashMap<>();

  private static final class Books {
    final List<LedgerEvent> events = new ArrayList<>();
    final Map<EventId, LedgerEvent> byId = new HashMap<>();
    final Map<StreamId, List<LedgerEvent>> streams = new HashMap<>();
    final Map<ItemId, Item> items = new HashMap<>();
    final Map<Sku, ItemId> skus = new HashMap<>();
    final Map<ListingId, ItemId> listingItems = new HashMap<>();
    final Map<String, ListingId> listingExternalIds = new HashMap<>();
    final Map<OrderId, Order> orders = new LinkedHashMap<>();
    final Map<String, OrderId> orderExternalIds = new HashMap<>();
    final Map<ProviderRef, Receipt> receipts = new HashMap<>();
    final Map<StreamId, StreamState> states = new HashMap<>();
    final Map<Map.Entry<StreamId.Kind, UniqueKey>, StreamId> keys = new HashMap<>();

    long version(StreamId stream) {
      return streams.getOrDefault(stream, List.of()).size();
    }

    void append(LedgerEvent e) {
      events.add(e);
      byId.put(e.id(), e);
      streams.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e);
    }

    void putItem(Item item) {
      Item old = items.put(item.id(), item);
      if (old != null) {
        skus.remove(old.sku());
        for (Listing l : old.listings().values()) {
          l.details().externalId().ifPresent(x -> listingExternalIds.remove(key(l.details().channel(), x)));
        }
      }
      skus.put(item.sku(), item.id());
      for (Listing l : item.listings().values()) {
        listingItems.put(l.id(), item.id());
        l.details().externalId().ifPresent(x -> listingExternalIds.put(key(l.details().channel(), x), l.id()));
      }
    }

    void putState(StreamState state) {
      StreamState old = states.put(state.stream(), state);
      if (old != null) {
        old.keys().forEach(k -> keys.remove(Map.entry(old.stream().kind(), k)));
      }
      state.keys().forEach(k -> keys.put(Map.entry(state.stream().kind(), k), state.stream()));
    }

    void putOrder(Order order) {
      orders.put(order.id(), order);
      order.externalOrderId().ifPresent(x -> orderExternalIds.put(key(order.channel(), x), order.id()));
    }
  }

  private static String key(Channel channel, String externalId) {
    return channel.code() + "\u0000" + externalId;
  }

  private Books books(WorkspaceId ws) {
    return workspaces.computeIfAbsent(ws, w -> new Books());
  }

  /**
   * Runs the attempt holding this store's monitor, which every read and commit takes: no other writer
   * moves anything meanwhile, so a retry after a lost race always commits (coarse, and right for a
   * reference store in one process).
   */
  @Override
  public synchronized <T> T locked(WorkspaceId ws, Collection<StreamId> streams, java.util.function.Supplier<T> attempt) {
    return attempt.get();
  }

  @Override
  public synchronized Optional<Item> item(WorkspaceId ws, ItemId id) {
    return Optional.ofNullable(books(ws).items.get(id));
  }

  @Override
  public synchronized Optional<ItemId> itemId(WorkspaceId ws, Sku sku) {
    return Optional.ofNullable(books(ws).skus.get(sku));
  }

  @Override
  public synchronized Optional<Item> itemBySku(WorkspaceId ws, Sku sku) {
    return itemId(ws, sku).flatMap(id -> item(ws, id));
  }

  @Override
  public synchronized Map<Sku, Item> itemsBySku(WorkspaceId ws, Collection<Sku> skus) {
    return LedgerStore.super.itemsBySku(ws, skus);
  }

  @Override
  public synchronized Map<ItemId, Item> itemsById(WorkspaceId ws, Collection<ItemId> ids) {
    return LedgerStore.super.itemsById(ws, ids);
  }

  @Override
  public synchronized Map<OrderId, Order> ordersById(WorkspaceId ws, Collection<OrderId> ids) {
    return LedgerStore.super.ordersById(ws, ids);
  }

  @Override
  public synchronized Optional<ItemId> itemIdOfListing(WorkspaceId ws, ListingId listing) {
    return Optional.ofNullable(books(ws).listingItems.get(listing));
  }

  @Override
  public synchronized Optional<ListingId> listingByExternalId(WorkspaceId ws, Channel channel, String externalId) {
    return Optional.ofNullable(books(ws).listingExternalIds.get(key(channel, externalId)));
  }

  @Override
  public synchronized Optional<Order> order(WorkspaceId ws, OrderId id) {
    return Optional.ofNullable(books(ws).orders.get(id));
  }

  @Override
  public synchronized Optional<OrderId> orderByExternalId(WorkspaceId ws, Channel channel, String externalId) {
    return Optional.ofNullable(books(ws).orderExternalIds.get(key(channel, externalId)));
  }

  @Override
  public synchronized List<Item> items(WorkspaceId ws) {
    List<Item> all = new ArrayList<>(books(ws).items.values());
    all.sort(Comparator.comparing(Item::sku));
    return all;
  }

  @Override
  public synchronized List<Order> orders(WorkspaceId ws) {
    List<Order> all = new ArrayList<>(books(ws).orders.values());
    all.sort(Comparator.comparing(Order::placedAt).thenComparing(o -> o.id().value()));
    return all;
  }

  @Override
  public synchronized List<LedgerEvent> stream(WorkspaceId ws, StreamId stream) {
    return List.copyOf(books(ws).streams.getOrDefault(stream, List.of()));
  }

  @Override
  public synchronized List<LedgerEvent> events(WorkspaceId ws, Collection<EventId> ids) {
    Books b = books(ws);
    return ids.stream().map(b.byId::get).filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public synchronized List<LedgerEvent> events(WorkspaceId ws) {
    return List.copyOf(books(ws).events);
  }

  @Override
  public synchronized Optional<Receipt> receipt(WorkspaceId ws, ProviderRef provider) {
    return Optional.ofNullable(books(ws).receipts.get(provider));
  }

  @Override
  public synchronized long forEachReceipt(WorkspaceId ws, java.util.function.Consumer<Receipt> sink) {
    List<Receipt> all = new ArrayList<>(books(ws).receipts.values());
    all.sort(Comparator.comparing((Receipt r) -> r.provider().provider())
        .thenComparing(r -> r.provider().eventId()));
    all.forEach(sink);
    return all.size();
  }

  /** Collects the backup first and writes it only when all of it passed, holding the monitor throughout. */
  @Override
  public synchronized void restore(WorkspaceId ws, java.util.function.Consumer<RestoreSink> producer) {
    java.util.Objects.requireNonNull(producer, "producer");
    Books b = books(ws);
    if (!b.events.isEmpty() || !b.receipts.isEmpty()) {
      throw new WorkspaceNotEmptyException(ws);
    }
    RestoreOrder order = new RestoreOrder(ws);
    List<LedgerEvent> events = new ArrayList<>();
    Map<EventId, LedgerEvent> ids = new HashMap<>();
    Map<ProviderRef, Receipt> receipts = new LinkedHashMap<>();
    producer.accept(new RestoreSink() {
      @Override
      public void event(LedgerEvent e) {
        order.next(e);
        if (ids.putIfAbsent(e.id(), e) != null) {
          throw new ConcurrencyException("event id " + e.id() + " is given twice");
        }
        events.add(e);
      }

      @Override
      public void receipt(Receipt r) {
        if (receipts.putIfAbsent(r.provider(), r) != null) {
          throw new DuplicateReceiptException(r.provider());
        }
      }
    });
    events.forEach(b::append);
    b.receipts.putAll(receipts);
  }

  @Override
  public synchronized void commit(Commit c) {
    // what a database would refuse or change is refused here too; the values themselves are kept as given
    StorableText.check(c);
    Books b = books(c.workspace());
    for (Map.Entry<StreamId, Long> e : c.expectedVersions().entrySet()) {
      long actual = b.version(e.getKey());
      if (actual != e.getValue()) {
        throw new ConcurrencyException(e.getKey() + " is at version " + actual + ", expected " + e.getValue());
      }
    }
    if (c.receipt().isPresent() && b.receipts.containsKey(c.receipt().get().provider())) {
      throw new DuplicateReceiptException(c.receipt().get().provider());
    }
    for (Item item : c.items()) {
      ItemId owner = b.skus.get(item.sku());
      if (owner != null && !owner.equals(item.id())) {
        throw new ConcurrencyException("SKU " + item.sku() + " is taken");
      }
      for (Listing l : item.listings().values()) {
        if (l.details().externalId().isPresent()) {
          ListingId other = b.listingExternalIds.get(key(l.details().channel(), l.details().externalId().get()));
          if (other != null && !other.equals(l.id())) {
            throw new ConcurrencyException("listing external id " + l.details().externalId().get() + " is taken");
          }
        }
      }
    }
    for (Order order : c.orders()) {
      if (order.externalOrderId().isPresent()) {
        OrderId other = b.orderExternalIds.get(key(order.channel(), order.externalOrderId().get()));
        if (other != null && !other.equals(order.id())) {
          throw new ConcurrencyException("order external id " + order.externalOrderId().get() + " is taken");
        }
      }
    }
    for (StreamState s : c.streams()) {
      for (UniqueKey k : s.keys()) {
        StreamId other = b.keys.get(Map.entry(s.stream().kind(), k));
        if (other != null && !other.equals(s.stream())) {
          throw new ConcurrencyException(s.stream().kind() + " key " + k + " is taken by " + other);
        }
      }
    }
    c.events().forEach(b::append);
    c.items().forEach(b::putItem);
    c.orders().forEach(b::putOrder);
    c.streams().forEach(b::putState);
    c.receipt().ifPresent(r -> b.receipts.put(r.provider(), r));
  }

  @Override
  public synchronized Optional<StreamState> state(WorkspaceId ws, StreamId stream) {
    return Optional.ofNullable(books(ws).states.get(stream));
  }

  @Override
  public synchronized Optional<StreamId> streamWithKey(WorkspaceId ws, StreamId.Kind kind, UniqueKey key) {
    return Optional.ofNullable(books(ws).keys.get(Map.entry(kind, key)));
  }

  @Override
  public synchronized List<KeyedStream> streamsWithKeyPrefix(WorkspaceId ws, StreamId.Kind kind, String keyName,
      String prefix, int limit) {
    return streamsWithKeyAfter(ws, kind, keyName, prefix, Optional.empty(), limit);
  }

  @Override
  public synchronized List<KeyedStream> streamsWithKeyAfter(WorkspaceId ws, StreamId.Kind kind, String keyName,
      String prefix, Optional<String> after, int limit) {
    KeyedStream.checkQuery(keyName, prefix, limit);
    java.util.Objects.requireNonNull(after, "after");
    return books(ws).keys.entrySet().stream()
        .filter(e -> e.getKey().getKey().equals(kind) && e.getKey().getValue().name().equals(keyName)
            && e.getKey().getValue().value().startsWith(prefix)
            && (after.isEmpty() || e.getKey().getValue().value().compareTo(after.get()) > 0))
        .map(e -> new KeyedStream(e.getKey().getValue(), e.getValue()))
        .sorted(java.util.Comparator.comparing(k -> k.key().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void replaceProjections(WorkspaceId ws, List<Item> items, List<Order> orders) {
    replaceProjections(ws, items, orders, List.of());
  }

  @Override
  public synchronized void replaceProjections(WorkspaceId ws, List<Item> items, List<Order> orders,
      List<StreamState> streams) {
    Books b = books(ws);
    b.states.clear();
    b.keys.clear();
    streams.forEach(b::putState);
    b.items.clear();
    b.skus.clear();
    b.listingItems.clear();
    b.listingExternalIds.clear();
    b.orders.clear();
    b.orderExternalIds.clear();
    items.forEach(b::putItem);
    orders.forEach(b::putOrder);
  }

  // ---- the provider-event inbox ------------------------------------------------------------------------

  @Override
  public synchronized Delivered receive(WorkspaceId ws, InboxEntryId id, ProviderEvent event) {
    return inbox.receive(ws, id, event);
  }

  @Override
  public synchronized Optional<InboxEntry> inboxEntry(WorkspaceId ws, InboxEntryId id) {
    return inbox.entry(ws, id);
  }

  @Override
  public synchronized List<InboxEntry> inboxEntries(WorkspaceId ws, InboxState state, int offset, int limit) {
    return inbox.entries(ws, state, offset, limit);
  }

  @Override
  public synchronized InboxEntry settle(WorkspaceId ws, InboxEntryId id, Outcome next) {
    return inbox.settle(ws, id, next);
  }

  // ---- the channel-id map ------------------------------------------------------------------------------

  @Override
  public synchronized ChannelLink link(WorkspaceId ws, ChannelLink link) {
    Map<ChannelRef, ChannelLink> map = links.computeIfAbsent(ws, w -> new HashMap<>());
    ChannelLink kept = ChannelLinks.link(ws, Optional.ofNullable(map.get(ChannelLinks.requireLink(link).ref())), link);
    map.put(kept.ref(), kept);
    return kept;
  }

  @Override
  public synchronized Optional<ChannelLink> linkOf(WorkspaceId ws, ChannelRef ref) {
    return Optional.ofNullable(links.getOrDefault(ws, Map.of()).get(ChannelLinks.requireRef(ref)));
  }

  @Override
  public synchronized List<ChannelLink> linksTo(WorkspaceId ws, ListingId listing) {
    ChannelLinks.requireListing(listing);
    return links.getOrDefault(ws, Map.of()).values().stream().filter(l -> l.listing().equals(listing))
        .sorted(ChannelLinks.ORDER).toList();
  }
}
