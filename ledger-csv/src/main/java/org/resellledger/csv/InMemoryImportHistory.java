package org.resellledger.csv;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;

/** The import history in memory: for tests and for hosts that keep no history across restarts. Thread-safe. */
public final class InMemoryImportHistory implements ImportHistory {
  private final Map<WorkspaceId, Map<ImportId, ImportRecord>> imports = new HashMap<>();
  private final Map<WorkspaceId, Map<ImportId, List<RowRecord>>> rows = new HashMap<>();
  private record Claim(ImportId holder, Instant renewed) {}

  private final Map<List<Object>, Claim> claims = new HashMap<>();

  @Override
  public synchronized Optional<ImportId> claim(WorkspaceId workspace, String content, ImportKind kind, ImportId id,
      Instant at, Duration lease) {
    List<Object> key = List.of(workspace, content, kind);
    Claim held = claims.get(key);
    if (held == null || held.holder.equals(id) || held.renewed.isBefore(at.minus(lease))) {
      claims.put(key, new Claim(id, at));
      return Optional.empty();
    }
    return Optional.of(held.holder);
  }

  @Override
  public synchronized void renew(WorkspaceId workspace, String content, ImportKind kind, ImportId id, Instant at) {
    claims.computeIfPresent(List.of(workspace, content, kind), (k, c) -> c.holder.equals(id) ? new Claim(id, at) : c);
  }

  @Override
  public synchronized void release(WorkspaceId workspace, String content, ImportKind kind, ImportId id) {
    claims.computeIfPresent(List.of(workspace, content, kind), (k, c) -> c.holder.equals(id) ? null : c);
  }

  @Override
  public synchronized void record(ImportRecord record, List<RowRecord> rowRecords) {
    Map<ImportId, ImportRecord> ws = imports.computeIfAbsent(record.workspace(), w -> new LinkedHashMap<>());
    if (ws.containsKey(record.id())) {
      throw new IllegalStateException("import " + record.id() + " is already recorded");
    }
    ws.put(record.id(), record);
    rows.computeIfAbsent(record.workspace(), w -> new HashMap<>()).put(record.id(), List.copyOf(rowRecords));
  }

  @Override
  public synchronized Optional<ImportRecord> find(WorkspaceId workspace, ImportId id) {
    return Optional.ofNullable(imports.getOrDefault(workspace, Map.of()).get(id));
  }

  @Override
  public synchronized List<RowRecord> rows(WorkspaceId workspace, ImportId id) {
    return rows.getOrDefault(workspace, Map.of()).getOrDefault(id, List.of());
  }

  @Override
  public synchronized List<ImportRecord> recent(WorkspaceId workspace, int limit) {
    return newestFirst(all(workspace)).stream().limit(limit).toList();
  }

  @Override
  public synchronized List<ImportRecord> bySku(WorkspaceId workspace, Sku sku) {
    List<ImportRecord> hits = new ArrayList<>();
    for (ImportRecord r : all(workspace)) {
      if (rows(workspace, r.id()).stream().anyMatch(row -> row.sku().equals(Optional.of(sku.value())))) {
        hits.add(r);
      }
    }
    return newestFirst(hits);
  }

  @Override
  public synchronized List<ImportRecord> byFile(WorkspaceId workspace, String key, ImportKind kind) {
    return all(workspace).stream()
        .filter(r -> (r.sha256().equals(key) || r.content().equals(key)) && r.kind() == kind).toList();
  }

  private List<ImportRecord> all(WorkspaceId workspace) {
    return new ArrayList<>(imports.getOrDefault(workspace, Map.of()).values());
  }

  private static List<ImportRecord> newestFirst(List<ImportRecord> records) {
    List<ImportRecord> sorted = new ArrayList<>(records);
    java.util.Collections.reverse(sorted); // insertion order is recording order
    sorted.sort(Comparator.comparing(ImportRecord::at).reversed());
    return sorted;
  }
}
