package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;

/** What every {@link ImportHistory} must do; each implementation's test class supplies a fresh one. */
abstract class ImportHistoryContract {
  static final WorkspaceId WS = WorkspaceId.of("hist-ws");
  static final WorkspaceId OTHER = WorkspaceId.of("other-ws");
  static final String SHA = "a".repeat(64);

  /** A history with nothing recorded in {@link #WS} or {@link #OTHER}. */
  protected abstract ImportHistory newHistory();

  static ImportRecord record(WorkspaceId ws, String id, Instant at, String sha, ImportOutcome outcome) {
    return new ImportRecord(ImportId.of(id), ws, Actor.importer(id), at, "file " + id + ".csv", sha,
        ImportKind.ITEMS, ApplyMode.VALID_ROWS_ONLY, outcome,
        new ImportSummary(3, 1, 1, 0, 1, 2, 2, 0, 0), Optional.of("stock count"));
  }

  static List<RowRecord> rows(String... skus) {
    return List.of(
        new RowRecord(2, Optional.of(skus[0]), RowAction.CREATE, RowStatus.APPLIED, Optional.empty()),
        new RowRecord(3, Optional.of(skus[1]), RowAction.UPDATE, RowStatus.APPLIED, Optional.empty()),
        new RowRecord(4, Optional.empty(), RowAction.ERROR, RowStatus.NOT_APPLIED,
            Optional.of("row 4, column sku: required [REQUIRED]")));
  }

  @Test
  void recordedImport_readsBackEqual_withItsRows() {
    ImportHistory h = newHistory();
    ImportRecord r = record(WS, "imp-1", Instant.parse("2026-11-20T10:00:00.123Z"), SHA, ImportOutcome.APPLIED_VALID_ROWS);
    h.record(r, rows("A-1", "B-1"));

    assertThat(h.find(WS, ImportId.of("imp-1"))).contains(r);
    assertThat(h.rows(WS, ImportId.of("imp-1"))).isEqualTo(rows("A-1", "B-1"));
    assertThat(h.find(OTHER, ImportId.of("imp-1"))).isEmpty();
    assertThat(h.rows(OTHER, ImportId.of("imp-1"))).isEmpty();
  }

  @Test
  void recent_isNewestFirst_andLimited() {
    ImportHistory h = newHistory();
    h.record(record(WS, "imp-1", Instant.parse("2026-11-20T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("A", "B"));
    h.record(record(WS, "imp-2", Instant.parse("2026-11-21T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("C", "D"));
    h.record(record(WS, "imp-3", Instant.parse("2026-11-22T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("E", "F"));
    h.record(record(OTHER, "imp-9", Instant.parse("2026-11-23T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("A", "B"));

    assertThat(h.recent(WS, 2)).extracting(r -> r.id().value()).containsExactly("imp-3", "imp-2");
  }

  @Test
  void bySku_findsImportsWithARowForIt_newestFirst() {
    ImportHistory h = newHistory();
    h.record(record(WS, "imp-1", Instant.parse("2026-11-20T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("A-1", "B-1"));
    h.record(record(WS, "imp-2", Instant.parse("2026-11-21T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("C-1", "A-1"));
    h.record(record(WS, "imp-3", Instant.parse("2026-11-22T10:00:00Z"), SHA, ImportOutcome.APPLIED), rows("C-1", "D-1"));

    assertThat(h.bySku(WS, Sku.of("A-1"))).extracting(r -> r.id().value()).containsExactly("imp-2", "imp-1");
    assertThat(h.bySku(OTHER, Sku.of("A-1"))).isEmpty();
  }

  @Test
  void byFile_matchesShaAndKind_andAppliedRowsCollectsTheirAppliedRows() {
    ImportHistory h = newHistory();
    h.record(record(WS, "imp-1", Instant.parse("2026-11-20T10:00:00Z"), SHA, ImportOutcome.FAILED_PART_WAY),
        rows("A-1", "B-1"));
    h.record(record(WS, "imp-2", Instant.parse("2026-11-21T10:00:00Z"), "b".repeat(64), ImportOutcome.APPLIED),
        rows("A-1", "B-1"));

    assertThat(h.byFile(WS, SHA, ImportKind.ITEMS)).extracting(r -> r.id().value()).containsExactly("imp-1");
    assertThat(h.byFile(WS, SHA, ImportKind.LISTINGS)).isEmpty();
    assertThat(h.appliedRows(WS, SHA, ImportKind.ITEMS)).containsExactly(2L, 3L);
  }
}
