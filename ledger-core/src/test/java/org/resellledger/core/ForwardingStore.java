package org.resellledger.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
import org.resellledger.core.store.Receipt;

/** A store that passes everything to another; tests override one method to plant a fault. */
class ForwardingStore implements LedgerStore {
  final LedgerStore delegate;

  ForwardingStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override public Optional<Item> item(WorkspaceId w, ItemId id) { return delegate.item(w, id); }
  @Override public Optional<ItemId> itemId(WorkspaceId w, Sku sku) { return delegate.itemId(w, sku); }
  @Override public Optional<Item> itemBySku(WorkspaceId w, Sku sku) { return delegate.itemBySku(w, sku); }
  @Override public java.util.Map<Sku, Item> itemsBySku(WorkspaceId w, Collection<Sku> skus) {
    return delegate.itemsBySku(w, skus);
  }
  @Override public Optional<ItemId> itemIdOfListing(WorkspaceId w, ListingId l) { return delegate.itemIdOfListing(w, l); }
  @Override public Optional<ListingId> listingByExternalId(WorkspaceId w, Channel c, String x) {
    return delegate.listingByExternalId(w, c, x);
  }
  @Override public Optional<Order> order(WorkspaceId w, OrderId id) { return delegate.order(w, id); }
  @Override public java.util.Map<ItemId, Item> itemsById(WorkspaceId w, Collection<ItemId> ids) {
    return delegate.itemsById(w, ids);
  }
  @Override public java.util.Map<OrderId, Order> ordersById(WorkspaceId w, Collection<OrderId> ids) {
    return delegate.ordersById(w, ids);
  }
  @Override public Optional<OrderId> orderByExternalId(WorkspaceId w, Channel c, String x) {
    return delegate.orderByExternalId(w, c, x);
  }
  @Override public List<Item> items(WorkspaceId w) { return delegate.items(w); }
  @Override public List<Order> orders(WorkspaceId w) { return delegate.orders(w); }
  @Override public List<LedgerEvent> stream(WorkspaceId w, StreamId s) { return delegate.stream(w, s); }
  @Override public List<LedgerEvent> events(WorkspaceId w, Collection<EventId> ids) { return delegate.events(w, ids); }
  @Override public List<LedgerEvent> events(WorkspaceId w) { return delegate.events(w); }
  @Override public Optional<Receipt> receipt(WorkspaceId w, ProviderRef p) { return delegate.receipt(w, p); }
  @Override public void commit(Commit c) { delegate.commit(c); }
  @Override public void replaceProjections(WorkspaceId w, List<Item> i, List<Order> o) {
    delegate.replaceProjections(w, i, o);
  }
}
