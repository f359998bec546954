package org.resellledger.csv;

import java.util.Objects;

/**
 * A backup file refused by {@link CsvBackup#restore}: the first bad row, with its column, value, why and a
 * typed code ({@link RowError}). Nothing was written to the workspace.
 */
public final class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RowError error;

  BackupException(RowError error) {
    super("the backup cannot be restored: " + error);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** Where and why. */
  public RowError error() {
    return error;
  }
}
