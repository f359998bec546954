package org.resellledger.csv;

/** What happened to a row. */
public enum RowStatus {
  /** Preview only: nothing was applied. */
  PREVIEWED,
  /** Every command of the row was committed (or there was nothing to do). */
  APPLIED,
  /** Some commands of the row were committed, then the ledger refused the next one. */
  PARTLY_APPLIED,
  /** The ledger refused the row's first command, or the row was invalid when its turn came: nothing of it is applied. */
  FAILED,
  /** Not applied: the row is invalid, or the import was refused or stopped before it. */
  NOT_APPLIED,
  /** An earlier import of the same file (same SHA-256 and kind) already applied this row. */
  ALREADY_APPLIED
}
