package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;

/** What every {@link ImportHistory} must do; each implementation's test class supplies a fresh one. */
abstract class ImportHistoryContract {
  static final WorkspaceId WS = WorkspaceId.of("hist-ws");
  static final WorkspaceId OTHER = WorkspaceId.of("other-ws");
  static final String SHA = "a".repeat(64);
  static final Duration LEASE = Duration.ofMinutes(10);

  /** A history with nothing recorded in {@link #WS} or {@link #OTHER}. */
  protected abstract ImportHistory newHistory();

  static ImportRecord record(WorkspaceId ws, String id, Instant at, String sha, ImportOutcome outcome) {
    return record(ws, id, at, sha, sha, outcome);
  }

  static ImportRecord record(WorkspaceId ws, String id, Instant at, String sha, String content,
      ImportOutcome outcome) {
    return new ImportRecord(ImportId.of(id), ws, Actor.importer(id), at, "file " + id + ".csv", sha, content,
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
  void byFile_matchesTheBytesOrTheContentKey_andTheKind() {
    ImportHistory h = newHistory();
    String content = "c".repeat(64);
    h.record(record(WS, "imp-1", Instant.parse("2026-11-20T10:00:00Z"), SHA, content, ImportOutcome.FAILED_PART_WAY),
        rows("A-1", "B-1"));
    h.record(record(WS, "imp-2", Instant.parse("2026-11-21T10:00:00Z"), "b".repeat(64), content,
        ImportOutcome.APPLIED), rows("A-1", "B-1"));
    h.record(record(WS, "imp-3", Instant.parse("2026-11-22T10:00:00Z"), "d".repeat(64), ImportOutcome.APPLIED),
        rows("A-1", "B-1"));

    assertThat(h.byFile(WS, SHA, ImportKind.ITEMS)).extracting(r -> r.id().value()).containsExactly("imp-1");
    assertThat(h.byFile(WS, content, ImportKind.ITEMS)).extracting(r -> r.id().value())
        .containsExactly("imp-1", "imp-2");
    assertThat(h.byFile(WS, SHA, ImportKind.LISTINGS)).isEmpty();
    assertThat(h.byFile(OTHER, content, ImportKind.ITEMS)).isEmpty();
    assertThat(h.find(WS, ImportId.of("imp-2")).orElseThrow().content()).isEqualTo(content);
  }

  @Test
  void aClaimNotRenewedForTheLease_isTakenOver_aRenewedOneIsNot() {
    ImportHistory h = newHistory();
    Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
    Duration lease = Duration.ofMinutes(10);
    ImportId one = ImportId.of("imp-1");
    ImportId two = ImportId.of("imp-2");

    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, one, t0, lease)).isEmpty();
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, two, t0.plus(Duration.ofMinutes(9)), lease)).contains(one);
    h.renew(WS, SHA, ImportKind.ITEMS, one, t0.plus(Duration.ofMinutes(9)));
    h.renew(WS, SHA, ImportKind.ITEMS, two, t0.plus(Duration.ofMinutes(30))); // not the holder: nothing happens
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, two, t0.plus(Duration.ofMinutes(18)), lease)).contains(one);
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, two, t0.plus(Duration.ofMinutes(20)), lease))
        .as("imp-1 died after its renewal at 9 minutes").isEmpty();
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, one, t0.plus(Duration.ofMinutes(21)), lease)).contains(two);
  }

  @Test
  void claim_isHeldByOneImportAtATime_andReleasedOnlyByItsHolder() {
    ImportHistory h = newHistory();
    Instant at = Instant.parse("2026-11-20T10:00:00Z");
    ImportId one = ImportId.of("imp-1");
    ImportId two = ImportId.of("imp-2");

    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, one, at, LEASE)).isEmpty();
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, two, at, LEASE)).contains(one);
    assertThat(h.claim(WS, SHA, ImportKind.LISTINGS, two, at, LEASE)).isEmpty();
    assertThat(h.claim(OTHER, SHA, ImportKind.ITEMS, two, at, LEASE)).isEmpty();
    h.release(WS, SHA, ImportKind.ITEMS, two); // not the holder: nothing happens
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, two, at, LEASE)).contains(one);
    h.release(WS, SHA, ImportKind.ITEMS, one);
    assertThat(h.claim(WS, SHA, ImportKind.ITEMS, two, at, LEASE)).isEmpty();
  }

  @Test
  void claim_raceOfManyThreads_hasExactlyOneWinner() throws Exception {
    ImportHistory h = newHistory();
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<ImportId>>> answers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        ImportId id = ImportId.of("imp-" + t);
        answers.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return h.claim(WS, SHA, ImportKind.ADJUSTMENTS, id, Instant.parse("2026-11-20T10:00:00Z"), LEASE);
        }));
      }
      int winners = 0;
      for (Future<Optional<ImportId>> a : answers) {
        winners += a.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two imports of one adjustments file on two threads, held so that both pass the "already applied" check
   * before either goes on: exactly one applies, the other applies nothing (refused as in progress, or already
   * applied), and the units are added once.
   */
  @Test
  void twoImportsOfOneFile_onTwoThreads_applyItOnce() throws Exception {
    ImportHistory h = newHistory();
    CyclicBarrier bothChecked = new CyclicBarrier(2);
    ImportHistory held = new HoldingHistory(h, bothChecked);
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    LedgerConfig config = Fixtures.config();
    CsvImporter first = CsvImporter.create(store, WS, config, held).withImportIds(() -> "imp-a");
    CsvImporter second = CsvImporter.create(store, WS, config, held).withImportIds(() -> "imp-b");
    Fixtures.intake(first, "JKT-1", 2);
    CsvSource file = Fixtures.csv("adjust.csv", "sku,delta", "JKT-1,3");
    ImportRequest request = ImportRequest.of(ImportKind.ADJUSTMENTS, file).because("found in the loft");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<ImportReport> a = pool.submit(() -> first.apply(request));
      Future<ImportReport> b = pool.submit(() -> second.apply(request));
      List<ImportReport> reports = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));

      assertThat(reports).extracting(ImportReport::outcome).containsOnlyOnce(ImportOutcome.APPLIED);
      ImportReport loser = reports.stream().filter(r -> r.outcome() != ImportOutcome.APPLIED).findFirst().get();
      assertThat(loser.outcome()).isIn(ImportOutcome.REFUSED, ImportOutcome.ALREADY_APPLIED);
      if (loser.outcome() == ImportOutcome.REFUSED) {
        assertThat(loser.fileErrors()).extracting(RowError::code).containsExactly(ImportErrorCode.IMPORT_IN_PROGRESS);
      }
      assertThat(loser.summary().applied()).isZero();
      assertThat(first.ledger().item(Sku.of("JKT-1")).get().quantity()).isEqualTo(5);
      assertThat(h.byFile(WS, loser.sha256(), ImportKind.ADJUSTMENTS)).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A history whose first {@code byFile} on each thread waits for the other thread's. */
  private static final class HoldingHistory extends ForwardingHistory {
    private final CyclicBarrier barrier;
    private final ThreadLocal<Boolean> waited = ThreadLocal.withInitial(() -> false);

    HoldingHistory(ImportHistory h, CyclicBarrier barrier) {
      super(h);
      this.barrier = barrier;
    }

    @Override
    public List<ImportRecord> byFile(WorkspaceId workspace, String key, ImportKind kind) {
      List<ImportRecord> answer = h.byFile(workspace, key, kind);
      if (!waited.get()) {
        waited.set(true);
        try {
          barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          throw new IllegalStateException(e);
        }
      }
      return answer;
    }
  }
}
