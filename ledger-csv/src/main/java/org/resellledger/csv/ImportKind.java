package org.resellledger.csv;

/** The three kinds of CSV file the importer reads; each has its own columns (see the module README). */
public enum ImportKind {
  /** Items created or updated by SKU: every item detail, quantity on hand and inventory status. */
  ITEMS,
  /** Listings created or updated by SKU and channel (or external id, or listing id). */
  LISTINGS,
  /** Signed quantity corrections per SKU, each with a reason. The only file where negative numbers are allowed. */
  ADJUSTMENTS
}
