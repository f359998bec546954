package org.resellledger.core.item.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.value.Checks;

/**
 * Item streams inside a transaction: finding an item by SKU or id (held here, read ahead, or read from the
 * store), and appending its facts with the status moves they imply.
 */
public final class Items {
  private Items() {}

  /** This transaction's SKU index and read-ahead cache. */
  private static final class Index {
    /** The SKU of every item held; checked against the held state, so an undone item is not found. */
    final Map<Sku, ItemId> skus = new HashMap<>();
    /** Items read ahead by SKU (empty: no item had it), not yet used; see {@link #prefetch}. */
    final Map<Sku, Optional<Item>> prefetched = new HashMap<>();
  }

  private static Index index(Tx tx) {
    return tx.local(Index.class, Index::new);
  }

  /**
   * Reads the items with these SKUs in one store read, so the commands that follow find them here. An
   * item read ahead joins the transaction (and its version the commit's checks) only when a command uses it.
   */
  public static void prefetch(Tx tx, Collection<Sku> wanted) {
    Index index = index(tx);
    List<Sku> unknown = wanted.stream()
        .filter(s -> heldBySku(tx, s) == null && !index.prefetched.containsKey(s)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    Map<Sku, Item> found = tx.store().itemsBySku(tx.workspace(), unknown);
    for (Sku sku : unknown) {
      index.prefetched.put(sku, Optional.ofNullable(found.get(sku)));
    }
  }

  public static Item item(Tx tx, Sku sku) {
    Checks.present("sku", sku);
    Item known = heldBySku(tx, sku);
    if (known != null) {
      return known;
    }
    Item item = stored(tx, sku)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "sku", sku, "no item with this SKU"));
    return join(tx, item);
  }

  /** The item with this SKU if there is one (it joins the transaction), or empty: no refusal. */
  public static Optional<Item> find(Tx tx, Sku sku) {
    Checks.present("sku", sku);
    Item known = heldBySku(tx, sku);
    if (known != null) {
      return Optional.of(known);
    }
    return stored(tx, sku).map(item -> join(tx, item));
  }

  public static Item item(Tx tx, ItemId id) {
    Item known = held(tx, id);
    if (known != null) {
      return known;
    }
    Item item = tx.store().item(tx.workspace(), id)
        .orElseThrow(() -> new RejectionException(RejectionCode.UNKNOWN_ITEM, "item", id, "no such item"));
    return join(tx, item);
  }

  /** The item as this transaction has it now (read or changed here), or null. */
  public static Item held(Tx tx, ItemId id) {
    return tx.held(StreamId.of(id));
  }

  private static Item heldBySku(Tx tx, Sku sku) {
    ItemId id = index(tx).skus.get(sku);
    return id == null ? null : held(tx, id);
  }

  /** The item the store holds under this SKU, read ahead or read now. (A SKU never changes.) */
  private static Optional<Item> stored(Tx tx, Sku sku) {
    Index index = index(tx);
    return index.prefetched.containsKey(sku) ? index.prefetched.get(sku) : tx.store().itemBySku(tx.workspace(), sku);
  }

  private static Item join(Tx tx, Item item) {
    index(tx).skus.put(item.sku(), item.id());
    return tx.join(StreamId.of(item.id()), item, item.version());
  }

  public static boolean skuTaken(Tx tx, Sku sku) {
    if (heldBySku(tx, sku) != null) {
      return true;
    }
    if (tx.trustKeys() && !index(tx).prefetched.containsKey(sku)) {
      return false;
    }
    return stored(tx, sku).isPresent();
  }

  /** The item that has this listing: one held here first, then the store's. */
  public static Item ofListing(Tx tx, ListingId listing) {
    Checks.present("listing", listing);
    for (Item i : tx.held(StreamId.Kind.ITEM, Item.class)) {
      if (i.listings().containsKey(listing)) {
        return i;
      }
    }
    ItemId id = tx.store().itemIdOfListing(tx.workspace(), listing)
        .orElseThrow(() -> new RejectionException(
            RejectionCode.UNKNOWN_LISTING, "listing", listing, "no listing with this id"));
    return item(tx, id);
  }

  // ---- writes ------------------------------------------------------------------------------------------

  /** Starts a new item stream with its first event. */
  public static Item start(Tx tx, ItemId id, EventPayload payload, Movement movement) {
    ItemRules.withinMaximum(null, movement, "quantity");
    Item item = tx.append(StreamId.of(id), 1, Optional.of(id), Optional.empty(), Optional.empty(),
        Optional.ofNullable(movement), payload, tx.origin().causation());
    index(tx).skus.put(item.sku(), id);
    return item;
  }

  /**
   * Appends a fact to an item's stream, then any status move the fact implies (see {@link StatusRules}),
   * caused by the fact. Returns the item after both.
   */
  public static Item fact(Tx tx, Item item, EventPayload payload, Movement movement, ListingId listing,
      OrderId order) {
    Item after = append(tx, item, payload, movement, listing, order, tx.origin().causation());
    String fact = tx.lastEvent().id().value();
    Optional<ItemStatus> follow = StatusRules.follow(after, payload);
    if (follow.isPresent() && follow.get() != after.status() && after.status().canMoveTo(follow.get())) {
      after = append(tx, after, new ItemFact.ItemStatusChanged(after.status(), follow.get()), null, null, null,
          Optional.of(fact));
    }
    return after;
  }

  /** Appends an event to an item's stream with no follow-up. */
  public static Item append(Tx tx, Item item, EventPayload payload, Movement movement, ListingId listing,
      OrderId order, Optional<String> causation) {
    ItemRules.withinMaximum(item, movement, "quantity"); // the handlers name their own fields first
    return tx.append(StreamId.of(item.id()), item.version() + 1, Optional.of(item.id()),
        Optional.ofNullable(listing), Optional.ofNullable(order), Optional.ofNullable(movement), payload, causation);
  }
}
