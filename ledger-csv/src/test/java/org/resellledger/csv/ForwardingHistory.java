package org.resellledger.csv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;

/** An import history that forwards every call; tests override the call they need to watch or disturb. */
class ForwardingHistory implements ImportHistory {
  final ImportHistory h;

  ForwardingHistory(ImportHistory h) {
    this.h = h;
  }

  @Override
  public List<ImportRecord> byFile(WorkspaceId workspace, String key, ImportKind kind) {
    return h.byFile(workspace, key, kind);
  }

  @Override
  public void record(ImportRecord record, List<RowRecord> rows) {
    h.record(record, rows);
  }

  @Override
  public Optional<ImportId> claim(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at,
      Duration lease) {
    return h.claim(workspace, content, kind, id, at, lease);
  }

  @Override
  public void renew(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at) {
    h.renew(workspace, content, kind, id, at);
  }

  @Override
  public void release(WorkspaceId workspace, String content, ImportKind kind, ImportId id) {
    h.release(workspace, content, kind, id);
  }

  @Override
  public Optional<ImportRecord> find(WorkspaceId workspace, ImportId id) {
    return h.find(workspace, id);
  }

  @Override
  public List<RowRecord> rows(WorkspaceId workspace, ImportId id) {
    return h.rows(workspace, id);
  }

  @Override
  public List<ImportRecord> recent(WorkspaceId workspace, int limit) {
    return h.recent(workspace, limit);
  }

  @Override
  public List<ImportRecord> bySku(WorkspaceId workspace, Sku sku) {
    return h.bySku(workspace, sku);
  }
}
