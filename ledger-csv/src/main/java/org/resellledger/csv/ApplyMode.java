package org.resellledger.csv;

/** What an import does when some rows are invalid, and how much of a file one transaction holds. */
public enum ApplyMode {
  /**
   * One invalid row and nothing is applied; a valid file is applied in one transaction, all of it or none of
   * it. A file longer than {@link CsvImporter#withAtomicRows} rows is refused before anything is applied
   * ({@code FILE_TOO_LONG_FOR_ONE_TRANSACTION}): apply it {@link #ALL_VALID_IN_UNITS}. The default.
   */
  ALL_OR_NOTHING,
  /**
   * One invalid row and nothing is applied, as {@link #ALL_OR_NOTHING}; a valid file of any length is applied
   * in units of {@link CsvImporter#withBatchRows} rows, each one transaction recorded at most once under the
   * file's content and the unit's rows. A failure, or a process killed part way, leaves whole units applied;
   * applying the same content again applies exactly the units that are not (with the same batch size).
   */
  ALL_VALID_IN_UNITS,
  /** Valid rows are applied, in units as {@link #ALL_VALID_IN_UNITS}; invalid rows are reported and left out. */
  VALID_ROWS_ONLY
}
