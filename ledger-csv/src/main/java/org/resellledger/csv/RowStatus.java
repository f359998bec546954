package org.resellledger.csv;

/** What happened to a row. */
public enum RowStatus {
  /** Preview only: nothing was applied. */
  PREVIEWED,
  /** The row's commands were committed, together (or there was nothing to do). */
  APPLIED,
  /**
   * The ledger refused one of the row's commands, or the row was invalid when its turn came. A row's commands
   * run as one unit, so nothing of it is applied.
   */
  FAILED,
  /** Not applied: the row is invalid, or the import was refused or stopped before it. */
  NOT_APPLIED,
  /** An earlier import of the same file (same SHA-256 and kind) already applied this row. */
  ALREADY_APPLIED
}
