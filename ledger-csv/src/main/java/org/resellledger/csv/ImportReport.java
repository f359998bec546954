package org.resellledger.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a preview found, or what an apply did. A preview and the apply of the same file against the same
 * ledger show the same rows, actions, diffs and errors: both come from one parse, one validation, one diff.
 *
 * @param id the import's id; empty for a preview (nothing was recorded)
 * @param fileErrors problems with the file as a whole (encoding, quoting, header...): any one refuses the file
 * @param rows every data row, in file order, with its action, status, diff and errors
 * @param earlierImport the import that already applied this file (same SHA-256 and kind), if any: the reason
 *     for {@link ImportOutcome#ALREADY_APPLIED}, and a warning in a preview; for a REFUSED apply with
 *     {@link ImportErrorCode#IMPORT_IN_PROGRESS}, the import that holds the file's claim
 */
public record ImportReport(Optional<ImportId> id, ImportKind kind, ApplyMode mode, String fileName, String sha256,
    Instant at, ImportOutcome outcome, ImportSummary summary, List<RowError> fileErrors, List<ImportWarning> warnings,
    List<RowResult> rows, Optional<ImportId> earlierImport) {

  public ImportReport {
    fileErrors = List.copyOf(fileErrors);
    warnings = List.copyOf(warnings);
    rows = List.copyOf(rows);
  }

  /** Every error: the file's, then each row's, in row order. */
  public List<RowError> errors() {
    List<RowError> all = new ArrayList<>(fileErrors);
    for (RowResult r : rows) {
      all.addAll(r.errors());
    }
    return all;
  }

  /** The result for one row number, if that row was a data row. */
  public Optional<RowResult> row(long number) {
    return rows.stream().filter(r -> r.row() == number).findFirst();
  }

  /** A plain-text rendering: summary, warnings, then one line per row with its diff or errors. */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append(outcome == ImportOutcome.PREVIEW ? "Preview of " : "Import " + id.map(ImportId::value).orElse("") + " of ")
        .append(fileName).append(" (").append(kind).append(", ").append(mode).append(")\n");
    b.append("sha256 ").append(sha256).append('\n');
    b.append("outcome ").append(outcome);
    earlierImport.ifPresent(e -> b.append(outcome == ImportOutcome.REFUSED ? " (being applied by " : " (first applied by ")
        .append(e).append(')'));
    b.append('\n').append(summary).append('\n');
    for (RowError e : fileErrors) {
      b.append("error: ").append(e).append('\n');
    }
    for (ImportWarning w : warnings) {
      b.append("warning: ").append(w).append('\n');
    }
    for (RowResult r : rows) {
      b.append(String.format("row %-4d %-9s %-15s %s%n", r.row(), r.action(),
          r.status() == RowStatus.PREVIEWED ? "" : r.status(), r.key()));
      if (!r.defaults().isEmpty()) {
        b.append("           defaults: ").append(String.join(", ", r.defaults())).append('\n');
      }
      for (FieldDiff d : r.changes()) {
        b.append("           ").append(d).append('\n');
      }
      for (RowError e : r.errors()) {
        b.append("           ").append(e.column().orElse("-"))
            .append(e.value().map(v -> " '" + v + "'").orElse("")).append(": ").append(e.message())
            .append(" [").append(e.code()).append("]\n");
      }
    }
    return b.toString();
  }
}
