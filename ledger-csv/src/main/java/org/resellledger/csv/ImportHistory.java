package org.resellledger.csv;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;

/**
 * The record of every applied import (previews are not recorded): the port that history stores implement.
 *
 * <ul>
 *   <li>An import is recorded once, with all its rows, after it ran; records are never changed.
 *   <li>Every read is scoped to one workspace.
 *   <li>{@link #byFile} lets the importer see that a file was already applied: the same SHA-256 and kind
 *       applied again changes nothing.
 *   <li>{@link #claim} makes that check safe under concurrency: before applying anything an import claims its
 *       file under a unique key (workspace, SHA-256, kind), so of two imports of one file started together
 *       only one applies; the other is told which import holds the file.
 * </ul>
 */
public interface ImportHistory {

  void record(ImportRecord record, List<RowRecord> rows);

  /**
   * Claims the file with these bytes, as this kind, in this workspace for import {@code id}, atomically: at
   * most one import holds a file's claim. Returns empty when {@code id} now holds it, else the import that
   * does. The importer claims a file before applying its first row; it keeps the claim when the import
   * applied the file (the file stays applied) and releases it, after recording the import, when it did not
   * (refused, failed part way), so that the file can be applied again.
   */
  Optional<ImportId> claim(WorkspaceId workspace, String sha256, ImportKind kind, ImportId id, java.time.Instant at);

  /**
   * Releases the file's claim if import {@code id} holds it; otherwise does nothing. Also the way out when a
   * process died while applying a file and left its claim: release it under the id the refused attempt names
   * ({@link ImportReport#earlierImport()} of the {@code IMPORT_IN_PROGRESS} refusal).
   */
  void release(WorkspaceId workspace, String sha256, ImportKind kind, ImportId id);

  Optional<ImportRecord> find(WorkspaceId workspace, ImportId id);

  /** The rows of an import, in row order. */
  List<RowRecord> rows(WorkspaceId workspace, ImportId id);

  /** The newest imports first, at most {@code limit}. */
  List<ImportRecord> recent(WorkspaceId workspace, int limit);

  /** Imports with a row about this SKU, newest first. */
  List<ImportRecord> bySku(WorkspaceId workspace, Sku sku);

  /** Imports of the file with these bytes as this kind, oldest first. */
  List<ImportRecord> byFile(WorkspaceId workspace, String sha256, ImportKind kind);

  /** Rows of this file that some earlier import of it applied. */
  default Set<Long> appliedRows(WorkspaceId workspace, String sha256, ImportKind kind) {
    Set<Long> rows = new TreeSet<>();
    for (ImportRecord r : byFile(workspace, sha256, kind)) {
      for (RowRecord row : rows(workspace, r.id())) {
        if (row.status() == RowStatus.APPLIED) {
          rows.add(row.row());
        }
      }
    }
    return rows;
  }
}
