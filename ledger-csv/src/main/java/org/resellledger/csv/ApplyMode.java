package org.resellledger.csv;

/** What an import does when some rows are invalid. */
public enum ApplyMode {
  /** One invalid row and nothing is applied. The default. */
  ALL_OR_NOTHING,
  /** Valid rows are applied; invalid rows are reported and left out. */
  VALID_ROWS_ONLY
}
