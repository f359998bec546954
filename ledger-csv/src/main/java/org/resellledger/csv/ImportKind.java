package org.resellledger.csv;

/**
 * The kinds of CSV file the importer reads: three native ones, each with its own columns, and the migration
 * profiles, which read another tool's export as it comes (see the module README).
 */
public enum ImportKind {
  /** Items created or updated by SKU: every item detail, quantity on hand and inventory status. */
  ITEMS,
  /** Listings created or updated by SKU and channel (or external id, or listing id). */
  LISTINGS,
  /** Signed quantity corrections per SKU, each with a reason. The only file where negative numbers are allowed. */
  ADJUSTMENTS,
  /**
   * A Shopify products export (Handle, Title, ..., Variant SKU, Variant Price, ...): each variant an item and
   * its Shopify listing; continuation rows of a handle carry extra images or variants. Fields the export
   * lacks come from the import's defaults.
   */
  SHOPIFY_PRODUCTS,
  /**
   * An eBay active listings report (Item number, Title, Custom label (SKU), Available quantity, Current
   * price, ...): each row an item and its eBay listing. Fields the report lacks come from the import's
   * defaults.
   */
  EBAY_LISTINGS;

  /** Whether this kind reads another tool's export through a migration profile (and takes defaults). */
  public boolean profile() {
    return this == SHOPIFY_PRODUCTS || this == EBAY_LISTINGS;
  }
}
