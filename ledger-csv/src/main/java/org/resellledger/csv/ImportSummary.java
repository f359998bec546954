package org.resellledger.csv;

/**
 * Counts of an import. The first five describe the plan (what a preview shows); the last three what the
 * apply did.
 *
 * @param rows data rows read (blank lines not counted)
 * @param toCreate rows that create an item or listing
 * @param toUpdate rows that change an existing record
 * @param unchanged rows that change nothing
 * @param errorRows rows with at least one error
 * @param warnings warnings (unknown columns, ...)
 * @param applied rows applied (wholly)
 * @param failed rows the ledger refused when applying (nothing of such a row is applied)
 * @param alreadyApplied rows skipped because an earlier import of the same file applied them
 */
public record ImportSummary(long rows, long toCreate, long toUpdate, long unchanged, long errorRows, long warnings,
    long applied, long failed, long alreadyApplied) {

  public static final ImportSummary EMPTY = new ImportSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Rows that would change or did change something. */
  public long changes() {
    return toCreate + toUpdate;
  }

  @Override
  public String toString() {
    return rows + " rows: " + toCreate + " to create, " + toUpdate + " to update, " + unchanged + " unchanged, "
        + errorRows + " with errors, " + warnings + " warnings; applied " + applied + ", failed " + failed
        + ", already applied " + alreadyApplied;
  }
}
