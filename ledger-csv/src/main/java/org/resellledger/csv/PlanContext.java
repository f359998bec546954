package org.resellledger.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.store.LedgerStore;

/**
 * What planning a row needs: the ledger to read (never written here), the origin every command carries, the
 * import's reason, and the compact state that spans rows of one file (keys seen, pending quantity deltas).
 */
final class PlanContext {
  final Ledger ledger;
  final LedgerStore store;
  final WorkspaceId workspace;
  final LedgerConfig config;
  final Origin origin;
  final Optional<String> reason;
  /** True while validating the whole file before anything is applied: rows see each other's effects. */
  final boolean validating;

  /** Keys (SKU, listing, channel + external id) already claimed by an earlier row of this file. */
  final Set<String> seen = new HashSet<>();
  /**
   * While applying: validation planned this row as a CREATE. An items row then skips looking its SKU up
   * again (one store read less per new item): if another writer took the SKU meanwhile, the ledger refuses
   * the intake with DUPLICATE_SKU.
   */
  boolean plannedCreate;

  /**
   * While validating: the net quantity change, per SKU, of the valid rows of earlier chunks, which the
   * store does not show (see {@link LedgerCheck}).
   */
  final Map<Sku, Long> carried = new HashMap<>();

  /** The items of the chunk of rows being planned, read in one go ({@link #prefetch}); empty = no such SKU. */
  private final Map<Sku, Optional<Item>> chunkItems = new HashMap<>();

  PlanContext(Ledger ledger, LedgerStore store, WorkspaceId workspace, LedgerConfig config, Origin origin,
      Optional<String> reason, boolean validating) {
    this.ledger = ledger;
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.origin = origin;
    this.reason = reason;
    this.validating = validating;
  }

  /**
   * Reads the items of a chunk of rows with one {@link Ledger#itemsBySku} call, so that planning the chunk's
   * rows asks the store nothing more per row; replaces what an earlier chunk read.
   */
  void prefetch(Collection<Sku> skus) {
    chunkItems.clear();
    if (skus.isEmpty()) {
      return;
    }
    List<Sku> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(skus));
    Map<Sku, Item> found = ledger.itemsBySku(distinct);
    for (Sku sku : distinct) {
      chunkItems.put(sku, Optional.ofNullable(found.get(sku)));
    }
  }

  /** The item with this SKU: from the chunk read by {@link #prefetch}, else read from the ledger. */
  Optional<Item> item(Sku sku) {
    Optional<Item> known = chunkItems.get(sku);
    return known != null ? known : ledger.item(sku);
  }

  /** The origin of a command that moves quantities: the import's with its reason. */
  Origin originWithReason(String why) {
    return origin.because(why);
  }
}
