package org.resellledger.csv;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.Actor;

/**
 * One import as the history keeps it: who ran which file (name, SHA-256 of its bytes, and the key of its content:
 * a SHA-256 of its rows, the same for the same rows re-saved with other line endings, quoting or trailing blank
 * lines) of which kind, when, in which mode, how it ended and its counts. Its rows are kept apart
 * ({@link ImportHistory#rows}). An import recorded before content keys existed has its bytes' SHA-256 as its
 * content key.
 */
public record ImportRecord(ImportId id, WorkspaceId workspace, Actor actor, Instant at, String fileName,
    String sha256, String content, ImportKind kind, ApplyMode mode, ImportOutcome outcome, ImportSummary summary,
    Optional<String> reason) {

  public ImportRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether this import applied its file (wholly, or its valid rows). */
  public boolean applied() {
    return outcome == ImportOutcome.APPLIED || outcome == ImportOutcome.APPLIED_VALID_ROWS;
  }
}
