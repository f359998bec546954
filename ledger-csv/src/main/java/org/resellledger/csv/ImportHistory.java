package org.resellledger.csv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;

/**
 * The record of every applied import (previews are not recorded): the port that history stores implement.
 *
 * <ul>
 *   <li>An import is recorded once, with all its rows, after it ran; records are never changed.
 *   <li>Every read is scoped to one workspace.
 *   <li>{@link #byFile} lets the importer see that a file was already applied: the same bytes, or the same
 *       content (rows), of the same kind applied again changes nothing.
 *   <li>{@link #claim} makes that check safe under concurrency: before applying anything an import claims its
 *       file's content under a unique key (workspace, content key, kind), so of two imports of one file
 *       started together only one applies; the other is told which import holds the file. A claim is a
 *       lease: the import renews it as it goes ({@link #renew}), and a claim not renewed for the lease (its
 *       import died) is taken over by the next import of the file.
 * </ul>
 */
public interface ImportHistory {

  void record(ImportRecord record, List<RowRecord> rows);

  /**
   * Claims the file with this content key, as this kind, in this workspace for import {@code id}, atomically:
   * at most one import holds a file's claim. Returns empty when {@code id} now holds it, else the import that
   * does. A claim last renewed before {@code at - lease} is stale (its import died) and is taken over. The
   * importer claims a file before applying its first row; it keeps the claim when the import applied the file
   * (the file stays applied) and releases it, after recording the import, when it did not (refused, failed
   * part way), so that the file can be applied again.
   */
  Optional<ImportId> claim(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at,
      Duration lease);

  /** Renews import {@code id}'s claim of the file to {@code at}, if {@code id} still holds it. */
  void renew(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at);

  /**
   * Releases the file's claim if import {@code id} holds it; otherwise does nothing. Also the way out when a
   * process died while applying a file and its claim should not wait for the lease: release it under the id
   * the refused attempt names ({@link ImportReport#earlierImport()} of the {@code IMPORT_IN_PROGRESS} refusal).
   */
  void release(WorkspaceId workspace, String content, ImportKind kind, ImportId id);

  Optional<ImportRecord> find(WorkspaceId workspace, ImportId id);

  /** The rows of an import, in row order. */
  List<RowRecord> rows(WorkspaceId workspace, ImportId id);

  /** The newest imports first, at most {@code limit}. */
  List<ImportRecord> recent(WorkspaceId workspace, int limit);

  /** Imports with a row about this SKU, newest first. */
  List<ImportRecord> bySku(WorkspaceId workspace, Sku sku);

  /**
   * Imports of this kind whose bytes' SHA-256 or whose content key is {@code key}, oldest first. Their rows
   * ({@link #rows}) are in file order, one per data row.
   */
  List<ImportRecord> byFile(WorkspaceId workspace, String key, ImportKind kind);
}
