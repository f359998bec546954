package org.resellledger.core.store;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.value.Checks;

/**
 * Which items a paged read returns ({@link LedgerStore#itemPage}), ordered by SKU. Every condition given
 * must hold; an empty set or absent value does not filter.
 *
 * <ul>
 *   <li>{@link #matches} is the meaning: a store that filters in its own query language must return exactly
 *       the items it accepts (the contract suite checks it against the in-memory reference).
 *   <li>{@code location} matches the location and everything under it ({@code GARAGE} holds
 *       {@code GARAGE/S1/B2}); {@code category} likewise by levels ({@code Home} holds {@code Home > Decor}).
 * </ul>
 */
public record ItemQuery(Set<ItemStatus> statuses, Optional<StorageLocation> location, Optional<Category> category,
    boolean withConflicts, Set<SyncStatus> withListingIn, Optional<Bucket> holding) {

  public ItemQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    withListingIn = withListingIn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(withListingIn));
    Checks.present("location", location);
    Checks.present("category", category);
    Checks.present("holding", holding);
  }

  /** Every item, archived ones included. */
  public static ItemQuery all() {
    return new ItemQuery(Set.of(), Optional.empty(), Optional.empty(), false, Set.of(), Optional.empty());
  }

  public ItemQuery statuses(ItemStatus... any) {
    return new ItemQuery(Set.of(any), location, category, withConflicts, withListingIn, holding);
  }

  public ItemQuery in(StorageLocation where) {
    return new ItemQuery(statuses, Optional.of(where), category, withConflicts, withListingIn, holding);
  }

  public ItemQuery in(Category under) {
    return new ItemQuery(statuses, location, Optional.of(under), withConflicts, withListingIn, holding);
  }

  /** Only items with a double-sale conflict. */
  public ItemQuery conflicted() {
    return new ItemQuery(statuses, location, category, true, withListingIn, holding);
  }

  /** Only items with at least one listing in one of these sync statuses. */
  public ItemQuery listed(SyncStatus... any) {
    return new ItemQuery(statuses, location, category, withConflicts, Set.of(any), holding);
  }

  /** Only items with units in {@code bucket}. */
  public ItemQuery holding(Bucket bucket) {
    return new ItemQuery(statuses, location, category, withConflicts, withListingIn, Optional.of(bucket));
  }

  /** Whether the item belongs in this read. */
  public boolean matches(Item item) {
    return (statuses.isEmpty() || statuses.contains(item.status()))
        && location.map(l -> under(item.details().location().toString(), l.toString(), "/")).orElse(true)
        && category.map(c -> under(item.details().category().toString(), c.toString(), Category.SEPARATOR))
            .orElse(true)
        && (!withConflicts || item.hasConflict())
        && (withListingIn.isEmpty()
            || item.listings().values().stream().map(Listing::status).anyMatch(withListingIn::contains))
        && holding.map(b -> item.balances().get(b) > 0).orElse(true);
  }

  private static boolean under(String value, String prefix, String separator) {
    return value.equals(prefix) || value.startsWith(prefix + separator);
  }

  /** The keyset cursor of an item: its SKU. */
  public static String cursor(Item item) {
    return item.sku().value();
  }
}
