package org.resellledger.csv;

/** What a row asks for, compared with the ledger as it stands. */
public enum RowAction {
  /** A new item or listing. */
  CREATE,
  /** Changes to an existing record (or, for adjustments, a quantity correction). */
  UPDATE,
  /** The row says what the ledger already says: no command. */
  UNCHANGED,
  /** The row has at least one error. */
  ERROR
}
