package org.resellledger.testkit.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;

/**
 * A {@link LedgerStore} that passes every call to another: subclass it to plant one fault in a real store
 * (and check that the contract or the simulator catches it), or to count and observe calls.
 */
public class ForwardingLedgerStore implements LedgerStore {
  protected final LedgerStore delegate;

  public ForwardingLedgerStore(LedgerStore delegate) {
    this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Optional<Item> item(WorkspaceId ws, ItemId id) {
    return delegate.item(ws, id);
  }

  @Override
  public Optional<ItemId> itemId(WorkspaceId ws, Sku sku) {
    return delegate.itemId(ws, sku);
  }

  @Override
  public Optional<Item> itemBySku(WorkspaceId ws, Sku sku) {
    return delegate.itemBySku(ws, sku);
  }

  @Override
  public java.util.Map<Sku, Item> itemsBySku(WorkspaceId ws, Collection<Sku> skus) {
    return delegate.itemsBySku(ws, skus);
  }

  @Override
  public java.util.Map<ItemId, Item> itemsById(WorkspaceId ws, Collection<ItemId> ids) {
    return delegate.itemsById(ws, ids);
  }

  @Override
  public java.util.Map<OrderId, Order> ordersById(WorkspaceId ws, Collection<OrderId> ids) {
    return delegate.ordersById(ws, ids);
  }

  @Override
  public Optional<ItemId> itemIdOfListing(WorkspaceId ws, ListingId listing) {
    return delegate.itemIdOfListing(ws, listing);
  }

  @Override
  public Optional<ListingId> listingByExternalId(WorkspaceId ws, Channel channel, String externalId) {
    return delegate.listingByExternalId(ws, channel, externalId);
  }

  @Override
  public Optional<Order> order(WorkspaceId ws, OrderId id) {
    return delegate.order(ws, id);
  }

  @Override
  public Optional<OrderId> orderByExternalId(WorkspaceId ws, Channel channel, String externalOrderId) {
    return delegate.orderByExternalId(ws, channel, externalOrderId);
  }

  @Override
  public List<Item> items(WorkspaceId ws) {
    return delegate.items(ws);
  }

  @Override
  public List<Order> orders(WorkspaceId ws) {
    return delegate.orders(ws);
  }

  @Override
  public List<LedgerEvent> stream(WorkspaceId ws, StreamId stream) {
    return delegate.stream(ws, stream);
  }

  @Override
  public List<LedgerEvent> events(WorkspaceId ws, Collection<EventId> ids) {
    return delegate.events(ws, ids);
  }

  @Override
  public List<LedgerEvent> events(WorkspaceId ws) {
    return delegate.events(ws);
  }

  @Override
  public long forEachEvent(WorkspaceId ws, java.util.function.Consumer<LedgerEvent> sink) {
    return delegate.forEachEvent(ws, sink);
  }

  @Override
  public long forEachEventByStream(WorkspaceId ws, java.util.function.Consumer<LedgerEvent> sink) {
    return delegate.forEachEventByStream(ws, sink);
  }

  @Override
  public void forEachItem(WorkspaceId ws, java.util.function.Consumer<Item> sink) {
    delegate.forEachItem(ws, sink);
  }

  @Override
  public void forEachOrder(WorkspaceId ws, java.util.function.Consumer<Order> sink) {
    delegate.forEachOrder(ws, sink);
  }

  @Override
  public Optional<org.resellledger.core.store.Receipt> receipt(WorkspaceId ws, ProviderRef provider) {
    return delegate.receipt(ws, provider);
  }

  @Override
  public long forEachReceipt(WorkspaceId ws, java.util.function.Consumer<org.resellledger.core.store.Receipt> sink) {
    return delegate.forEachReceipt(ws, sink);
  }

  @Override
  public void restore(WorkspaceId ws,
      java.util.function.Consumer<org.resellledger.core.store.RestoreSink> producer) {
    delegate.restore(ws, producer);
  }

  @Override
  public void commit(Commit commit) {
    delegate.commit(commit);
  }

  @Override
  public void replaceProjections(WorkspaceId ws, List<Item> items, List<Order> orders) {
    delegate.replaceProjections(ws, items, orders);
  }

  @Override
  public void replaceProjections(WorkspaceId ws, List<Item> items, List<Order> orders,
      List<org.resellledger.core.store.StreamState> streams) {
    delegate.replaceProjections(ws, items, orders, streams);
  }

  @Override
  public void replaceProjections(WorkspaceId ws,
      java.util.function.Consumer<org.resellledger.core.store.ProjectionSink> producer) {
    delegate.replaceProjections(ws, producer);
  }

  @Override
  public Optional<org.resellledger.core.store.StreamState> state(WorkspaceId ws, StreamId stream) {
    return delegate.state(ws, stream);
  }

  @Override
  public Optional<StreamId> streamWithKey(WorkspaceId ws, StreamId.Kind kind,
      org.resellledger.core.store.UniqueKey key) {
    return delegate.streamWithKey(ws, kind, key);
  }

  @Override
  public List<org.resellledger.core.store.KeyedStream> streamsWithKeyPrefix(WorkspaceId ws, StreamId.Kind kind,
      String keyName, String prefix, int limit) {
    return delegate.streamsWithKeyPrefix(ws, kind, keyName, prefix, limit);
  }

  @Override
  public List<org.resellledger.core.store.KeyedStream> streamsWithKeyAfter(WorkspaceId ws, StreamId.Kind kind,
      String keyName, String prefix, Optional<String> after, int limit) {
    return delegate.streamsWithKeyAfter(ws, kind, keyName, prefix, after, limit);
  }
}
