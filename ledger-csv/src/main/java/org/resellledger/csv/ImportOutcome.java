package org.resellledger.csv;

/** How an import ended. */
public enum ImportOutcome {
  /** A preview: parsed, validated, diffed; nothing applied. */
  PREVIEW,
  /** Every valid row was applied, and there was no invalid row. */
  APPLIED,
  /** VALID_ROWS_ONLY: the valid rows were applied, the invalid ones reported and left out. */
  APPLIED_VALID_ROWS,
  /** Nothing applied: the file is unreadable, or (ALL_OR_NOTHING) a row is invalid. */
  REFUSED,
  /**
   * Validation passed, then the ledger refused a command part way (a concurrent change, or a rule the
   * preview could not see). Rows before it stay applied; the report names the row; nothing after it ran.
   */
  FAILED_PART_WAY,
  /** The same file (same SHA-256 and kind) was already applied in this workspace: nothing changed. */
  ALREADY_APPLIED
}
