package org.resellledger.core.item.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;

/**
 * How an item stream's events change the item. Every event moves the balances by its movement and the
 * version to its own; the folds of each concept's facts (here the item's own, and those of listings,
 * orders and bundles on an item stream) change the rest through {@link Next}.
 */
public final class ItemFold {
  private ItemFold() {}

  /** The first event of an item stream: the item as taken in (or split or merged) with these details. */
  public static Item start(LedgerEvent e, ItemDetails details, ItemStatus status) {
    Balances balances = e.movement().map(Balances.EMPTY::apply).orElse(Balances.EMPTY);
    long lot = e.movement().map(Movement::quantity).orElse(0);
    return new Item(e.item().orElseThrow(), details, status, balances, Map.of(), List.of(), lot, e.version());
  }

  /** A fold for a fact that may start a stream: {@link #start} before the first event, else only moves. */
  public static <P extends EventPayload> Registry.Fold<Item, P> starting(
      java.util.function.Function<P, ItemDetails> details, java.util.function.Function<P, ItemStatus> status) {
    return (item, e, p) -> item == null ? start(e, details.apply(p), status.apply(p)) : next(item, e).build();
  }

  /** A fold for a fact that only moves units (or nothing): balances and version. */
  public static <P extends EventPayload> Registry.Fold<Item, P> movesOnly() {
    return (item, e, p) -> next(item, e).build();
  }

  /** The item after {@code e}'s movement and at its version, to change further and build. */
  public static Next next(Item item, LedgerEvent e) {
    if (item == null) {
      throw new IllegalStateException("item stream " + e.stream() + " cannot start with " + e.kind());
    }
    return new Next(item, e);
  }

  /** An item being folded. */
  public static final class Next {
    private final ItemId id;
    private final long version;
    private ItemDetails details;
    private ItemStatus status;
    private final Balances balances;
    private Map<ListingId, Listing> listings;
    private List<SaleConflict> conflicts;
    private long lot;

    private Next(Item item, LedgerEvent e) {
      this.id = item.id();
      this.version = e.version();
      this.details = item.details();
      this.status = item.status();
      this.balances = e.movement().map(item.balances()::apply).orElse(item.balances());
      this.listings = item.listings();
      this.conflicts = item.conflicts();
      this.lot = item.lotUnits();
    }

    public ItemId id() {
      return id;
    }

    public ItemDetails details() {
      return details;
    }

    public Map<ListingId, Listing> listings() {
      return listings;
    }

    public List<SaleConflict> conflicts() {
      return conflicts;
    }

    public Next details(ItemDetails next) {
      this.details = next;
      return this;
    }

    public Next status(ItemStatus next) {
      this.status = next;
      return this;
    }

    public Next listing(Listing listing) {
      Map<ListingId, Listing> next = new LinkedHashMap<>(listings);
      next.put(listing.id(), listing);
      this.listings = next;
      return this;
    }

    public Next conflict(SaleConflict conflict) {
      List<SaleConflict> next = new ArrayList<>(conflicts);
      next.add(conflict);
      this.conflicts = next;
      return this;
    }

    public Next conflicts(List<SaleConflict> next) {
      this.conflicts = next;
      return this;
    }

    public Next lessLot(long units) {
      this.lot -= units;
      return this;
    }

    public Item build() {
      return new Item(id, details, status, balances, listings, conflicts, lot, version);
    }
  }

  // ---- the item's own facts ----------------------------------------------------------------------------

  static Item fieldsChanged(Item item, LedgerEvent e, ItemFact.ItemFieldsChanged p) {
    return next(item, e).details(p.after()).build();
  }

  static Item statusChanged(Item item, LedgerEvent e, ItemFact.ItemStatusChanged p) {
    return next(item, e).status(p.to()).build();
  }

  static Item consigned(Item item, LedgerEvent e, ItemFact.ItemConsigned p) {
    Next n = next(item, e);
    return n.details(n.details().withConsignor(p.consignor())).build();
  }

  static Item archived(Item item, LedgerEvent e, ItemFact.ItemArchived p) {
    return next(item, e).status(ItemStatus.ARCHIVED).build();
  }

  static Item valueEstimated(Item item, LedgerEvent e, ItemFact.MarketValueEstimated p) {
    Next n = next(item, e);
    return n.details(n.details().withEstimatedValue(p.after())).build();
  }
}
