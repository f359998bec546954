package org.resellledger.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.store.LedgerStore;

/**
 * Runs one import: a validating pass over the whole file (the preview), then, to apply, a second pass that
 * re-reads the file and executes each valid row's commands. Only compact per-row results are kept between
 * the passes, never the rows themselves.
 */
final class ImportRun {
  private final Ledger ledger;
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final ImportHistory history;
  private final CsvLimits limits;
  private final int batchRows;
  private final int atomicRows;
  private final java.time.Duration lease;
  /** The provider name of the keys under which units are committed at most once. */
  static final String UNIT_KEYS = "csv-import";
  /** Rows planned after one bulk read of their items while validating. */
  private static final int READ_CHUNK = 1000;

  ImportRun(Ledger ledger, LedgerStore store, WorkspaceId workspace, LedgerConfig config, ImportHistory history,
      CsvLimits limits, int batchRows, int atomicRows, java.time.Duration lease) {
    this.batchRows = batchRows;
    this.atomicRows = atomicRows;
    this.lease = lease;
    this.ledger = ledger;
    this.store = store;
    this.workspace = workspace;
    this.config = config;
    this.history = history;
    this.limits = limits;
  }

  /** The outcome of the validating pass. */
  private record Validation(CsvReading.Result read, List<RowResult> rows) {
    boolean rowErrors() {
      return rows.stream().anyMatch(r -> r.action() == RowAction.ERROR);
    }
  }

  ImportReport preview(ImportRequest request) {
    Instant at = config.clock().instant();
    Origin origin = origin(request, ImportId.of("preview"));
    Validation v = validate(request, origin);
    Optional<ImportRecord> earlier = earlier(v.read, request.kind()).stream().filter(ImportRecord::applied)
        .findFirst();
    CsvReading.Result read = v.read;
    if (earlier.isPresent()) {
      List<ImportWarning> warnings = new ArrayList<>(read.warnings());
      warnings.add(new ImportWarning(1, Optional.empty(), "this file was already applied as import "
          + earlier.get().id() + " at " + earlier.get().at() + "; applying it again changes nothing"));
      read = new CsvReading.Result(read.sha256(), read.content(), read.header(), read.errors(), warnings,
          read.dataRows());
    }
    return report(Optional.empty(), request, at, v.read.sha256(), ImportOutcome.PREVIEW, read, v.rows,
        earlier.map(ImportRecord::id));
  }

  /** Applies the bytes of one read of the file: validation and apply read the same spool. */
  ImportReport apply(ImportRequest request, ImportId id) {
    try (Spool spool = Spool.of(request.source())) {
      return applyRead(request.from(spool), id);
    }
  }

  private ImportReport applyRead(ImportRequest request, ImportId id) {
    Instant at = config.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Origin origin = origin(request, id);
    Validation v = validate(request, origin);
    String sha = v.read.sha256();
    String content = v.read.content();
    if (!v.read.readable()) {
      return record(id, request, origin, at, v.read, ImportOutcome.REFUSED, v.read, notApplied(v.rows),
          Optional.empty());
    }
    Optional<ImportId> earlier = appliedBefore(v.read, request.kind());
    if (earlier.isPresent()) {
      return alreadyApplied(id, request, origin, at, v, earlier);
    }
    if (request.mode() != ApplyMode.VALID_ROWS_ONLY && v.rowErrors()) {
      return record(id, request, origin, at, v.read, ImportOutcome.REFUSED, v.read, notApplied(v.rows),
          Optional.empty());
    }
    if (request.mode() == ApplyMode.ALL_OR_NOTHING && v.rows.size() > atomicRows) {
      return refused(id, request, origin, at, v, Optional.empty(), RowError.of(1, null, null,
          ImportErrorCode.FILE_TOO_LONG_FOR_ONE_TRANSACTION, "the file has " + v.rows.size()
              + " rows; ALL_OR_NOTHING applies a file in one transaction of at most " + atomicRows
              + " rows; nothing was applied: apply it ALL_VALID_IN_UNITS (whole units, resumable) or split it"));
    }
    // Two imports of one file can both get here; the claim's unique key lets only one of them go on.
    Optional<ImportId> holder = history.claim(workspace, content, request.kind(), id, at, lease);
    if (holder.isPresent()) {
      earlier = appliedBefore(v.read, request.kind());
      if (earlier.isPresent()) {
        return alreadyApplied(id, request, origin, at, v, earlier);
      }
      return refused(id, request, origin, at, v, holder, RowError.of(1, null, null,
          ImportErrorCode.IMPORT_IN_PROGRESS, "import " + holder.get() + " of this same file is being applied "
              + "right now (or died less than " + lease + " ago); nothing was applied"));
    }
    ImportReport report = null;
    try {
      earlier = appliedBefore(v.read, request.kind()); // one that ended between the check above and the claim
      if (earlier.isPresent()) {
        report = alreadyApplied(id, request, origin, at, v, earlier);
      } else {
        report = execute(id, request, origin, at, v, doneRows(v, request.kind()));
      }
      return report;
    } finally {
      // kept when the file is applied; released (after the record, so that a resumption sees its rows) when not
      if (report == null || !(report.outcome() == ImportOutcome.APPLIED
          || report.outcome() == ImportOutcome.APPLIED_VALID_ROWS)) {
        history.release(workspace, content, request.kind(), id);
      }
    }
  }

  private ImportReport refused(ImportId id, ImportRequest request, Origin origin, Instant at, Validation v,
      Optional<ImportId> holder, RowError why) {
    CsvReading.Result read = new CsvReading.Result(v.read.sha256(), v.read.content(), v.read.header(), List.of(why),
        v.read.warnings(), v.read.dataRows());
    return record(id, request, origin, at, v.read, ImportOutcome.REFUSED, read, notApplied(v.rows), holder);
  }

  /** Imports of this file, by its bytes or by its content, oldest first, each once. */
  private List<ImportRecord> earlier(CsvReading.Result read, ImportKind kind) {
    java.util.Map<ImportId, ImportRecord> byId = new java.util.LinkedHashMap<>();
    for (String key : new java.util.LinkedHashSet<>(List.of(read.sha256(), read.content()))) {
      history.byFile(workspace, key, kind).forEach(r -> byId.putIfAbsent(r.id(), r));
    }
    return new ArrayList<>(byId.values());
  }

  private Optional<ImportId> appliedBefore(CsvReading.Result read, ImportKind kind) {
    return earlier(read, kind).stream().filter(ImportRecord::applied).map(ImportRecord::id).findFirst();
  }

  /**
   * The positions (0 for the first data row) of the rows an earlier import of the same content applied, from
   * the history: its rows are in file order, one per data row, so the same rows re-saved with other blank
   * lines (other row numbers) are matched by position.
   */
  private Set<Integer> doneRows(Validation v, ImportKind kind) {
    Set<Integer> done = new java.util.HashSet<>();
    for (ImportRecord r : earlier(v.read, kind)) {
      List<RowRecord> rows = history.rows(workspace, r.id());
      if (rows.size() != v.rows.size()) {
        continue;
      }
      for (int k = 0; k < rows.size(); k++) {
        if (rows.get(k).status() == RowStatus.APPLIED || rows.get(k).status() == RowStatus.ALREADY_APPLIED) {
          done.add(k);
        }
      }
    }
    return done;
  }

  private ImportReport alreadyApplied(ImportId id, ImportRequest request, Origin origin, Instant at, Validation v,
      Optional<ImportId> earlier) {
    List<RowResult> rows = v.rows.stream().map(r -> r.withStatus(RowStatus.ALREADY_APPLIED)).toList();
    return record(id, request, origin, at, v.read, ImportOutcome.ALREADY_APPLIED, v.read, rows, earlier);
  }

  private Validation validate(ImportRequest request, Origin origin) {
    Lane lane = Lane.of(request.kind());
    PlanContext ctx = new PlanContext(ledger, store, workspace, config, origin, request.reason(), true);
    List<RowResult> rows = new ArrayList<>();
    List<Row> chunk = new ArrayList<>(READ_CHUNK);
    Runnable planChunk = () -> {
      ctx.prefetch(skus(lane, chunk, j -> true));
      List<RowPlan> plans = new ArrayList<>(chunk.size());
      for (Row row : chunk) {
        plans.add(lane.planner().apply(row, ctx));
      }
      // the ledger's rules are the ledger's: it previews the chunk's commands and says what it would refuse
      for (RowPlan plan : LedgerCheck.check(ctx, lane, plans)) {
        rows.add(plan.result(RowStatus.PREVIEWED));
      }
      chunk.clear();
    };
    java.util.function.UnaryOperator<Row> reader = lane.reader().apply(request);
    CsvReading.Result read = CsvReading.read(request.source(), limits, lane.columns(), lane.required(), each -> {
      Row row = reader.apply(each);
      chunk.add(row);
      if (chunk.size() == READ_CHUNK) {
        planChunk.run();
      }
    });
    planChunk.run();
    return new Validation(read, rows);
  }

  /** The valid SKUs of the rows whose index {@code wanted} picks, for one {@link PlanContext#prefetch}. */
  private static List<Sku> skus(Lane lane, List<Row> rows, java.util.function.IntPredicate wanted) {
    List<Sku> skus = new ArrayList<>(rows.size());
    for (int j = 0; j < rows.size(); j++) {
      if (wanted.test(j)) {
        lane.skuOf(rows.get(j)).ifPresent(skus::add);
      }
    }
    return skus;
  }

  /**
   * The second pass: re-reads the spool, re-plans each valid row against the ledger as it is now, and runs
   * the rows of each block as one unit (one transaction) at most once, under a key of the file's content and
   * the block: ALL_OR_NOTHING has one block, the whole file; the other modes blocks of {@code batchRows} rows
   * by position. A block whose key is already committed (an earlier import of this content applied it, and
   * perhaps died before recording so) is not planned or run again. The items of a block's rows are read in
   * one {@link Ledger#itemsBySku} call before they are planned. When a block is refused: in the all-valid
   * modes nothing of it is applied, the row at fault is named and nothing after it runs (blocks before it stay
   * committed); in VALID_ROWS_ONLY its rows run again one row per unit, each under its own key, so that only
   * the refused rows are left out. When the store fails (an exception other than a refusal), the import
   * stops there in every mode. The claim is renewed after each block.
   */
  private ImportReport execute(ImportId id, ImportRequest request, Origin origin, Instant at, Validation v,
      Set<Integer> done) {
    Lane lane = Lane.of(request.kind());
    PlanContext ctx = new PlanContext(ledger, store, workspace, config, origin, request.reason(), false);
    boolean whole = request.mode() == ApplyMode.ALL_OR_NOTHING;
    int blockRows = whole ? Math.max(1, v.rows.size()) : batchRows;
    Units units = new Units(request.kind(), v.read.content(), whole ? "all" : blockRows + "x");
    Batch batch = new Batch(lane, v.rows, request.mode() != ApplyMode.VALID_ROWS_ONLY, units);
    List<RowError> fileErrors = new ArrayList<>();
    List<Row> unit = new ArrayList<>();
    List<Integer> unitPositions = new ArrayList<>();
    int[] block = {0};
    Runnable runUnit = () -> {
      if (!unit.isEmpty() && !batch.stopped && ledger.applied(units.block(block[0]))) {
        for (int position : unitPositions) {
          batch.set(position, v.rows.get(position).withStatus(RowStatus.ALREADY_APPLIED));
        }
      } else if (!unit.isEmpty()) {
        // a row validation planned as a new item is not looked up again: if another writer took its SKU
        // meanwhile, the ledger refuses the intake (DUPLICATE_SKU)
        boolean items = request.kind() == ImportKind.ITEMS;
        java.util.function.IntPredicate plannedCreate =
            j -> items && v.rows.get(unitPositions.get(j)).action() == RowAction.CREATE;
        ctx.prefetch(skus(lane, unit, plannedCreate.negate()));
        for (int j = 0; j < unit.size(); j++) {
          ctx.plannedCreate = plannedCreate.test(j);
          batch.add(unitPositions.get(j), lane.planner().apply(unit.get(j), ctx));
        }
        batch.flush(block[0]);
        history.renew(workspace, v.read.content(), request.kind(), id, config.clock().instant());
      }
      unit.clear();
      unitPositions.clear();
    };
    int[] position = {0};
    java.util.function.UnaryOperator<Row> reader = lane.reader().apply(request);
    CsvReading.Result second = CsvReading.read(request.source(), limits, lane.columns(), lane.required(), each -> {
      Row row = reader.apply(each); // every row, planned or not, so that rows that belong together read alike
      int i = position[0]++;
      if (i >= v.rows.size() || v.rows.get(i).row() != row.number) {
        // the spool is the bytes validation read, so this cannot happen; if it does, the block read so far
        // is not run and nothing after it
        if (fileErrors.isEmpty()) {
          fileErrors.add(RowError.of(row.number, null, null, ImportErrorCode.FILE_CHANGED,
              "the file read differently the second time; nothing from its block on was applied"));
          batch.stopped = true;
          unit.clear();
          unitPositions.clear();
        }
        return;
      }
      if (i / blockRows != block[0]) {
        runUnit.run();
        block[0] = i / blockRows;
      }
      RowResult planned = v.rows.get(i);
      if (batch.stopped || planned.action() == RowAction.ERROR) {
        batch.set(i, planned.withStatus(RowStatus.NOT_APPLIED));
      } else if (done.contains(i)) {
        batch.set(i, planned.withStatus(RowStatus.ALREADY_APPLIED));
      } else {
        unit.add(row);
        unitPositions.add(i);
      }
    });
    runUnit.run();
    if (!second.sha256().equals(v.read.sha256()) && fileErrors.isEmpty()) {
      fileErrors.add(RowError.of(1, null, null, ImportErrorCode.FILE_CHANGED,
          "the file's SHA-256 changed between validation and apply (" + second.sha256() + ")"));
      batch.stopped = true;
    }
    List<RowResult> results = v.rows; // each row's plan is replaced by its result: one per row in memory
    for (int i = 0; i < results.size(); i++) {
      if (!batch.settled.get(i)) {
        results.set(i, results.get(i).withStatus(RowStatus.NOT_APPLIED));
      }
    }
    ImportOutcome outcome = batch.stopped ? ImportOutcome.FAILED_PART_WAY
        : results.stream().anyMatch(r -> r.status() != RowStatus.APPLIED && r.status() != RowStatus.ALREADY_APPLIED)
            ? ImportOutcome.APPLIED_VALID_ROWS : ImportOutcome.APPLIED;
    CsvReading.Result read = new CsvReading.Result(v.read.sha256(), v.read.content(), v.read.header(), fileErrors,
        v.read.warnings(), v.read.dataRows());
    return record(id, request, origin, at, v.read, outcome, read, results, Optional.empty());
  }

  /**
   * The keys under which an import's units are committed at most once ({@link Ledger#executeAllOnce}): per
   * kind, content and block size; a block, the mark that a block ran row by row, and a row.
   */
  private record Units(ImportKind kind, String content, String size) {
    org.resellledger.core.ledger.ProviderRef block(int index) {
      return key("b" + index);
    }

    org.resellledger.core.ledger.ProviderRef split(int index) {
      return key("s" + index);
    }

    org.resellledger.core.ledger.ProviderRef row(int position) {
      return key("r" + position);
    }

    private org.resellledger.core.ledger.ProviderRef key(String unit) {
      return org.resellledger.core.ledger.ProviderRef.of(UNIT_KEYS, kind + ":" + content + ":" + size + ":" + unit);
    }
  }

  /** Planned rows waiting to run as one unit, and the result of every row so far. */
  private final class Batch {
    final Lane lane;
    /** The rows' plans as validated, each replaced by its result once it has one ({@link #settled}). */
    final List<RowResult> results;
    final java.util.BitSet settled = new java.util.BitSet();
    final boolean stopOnFailure;
    final Units units;
    final List<Integer> positions = new ArrayList<>();
    final List<RowPlan> plans = new ArrayList<>();
    boolean stopped;

    Batch(Lane lane, List<RowResult> rows, boolean stopOnFailure, Units units) {
      this.lane = lane;
      this.results = rows;
      this.stopOnFailure = stopOnFailure;
      this.units = units;
    }

    void set(int position, RowResult result) {
      results.set(position, result);
      settled.set(position);
    }

    void add(int position, RowPlan plan) {
      positions.add(position);
      plans.add(plan);
    }

    /** Runs the planned rows of block {@code block} as one unit, or row by row when it ran so before. */
    void flush(int block) {
      if (plans.isEmpty()) {
        return;
      }
      if (stopped) {
        settle(k -> plans.get(k).result(RowStatus.NOT_APPLIED));
        return;
      }
      if (!stopOnFailure && ledger.applied(units.split(block))) {
        settle(k -> stopped ? plans.get(k).result(RowStatus.NOT_APPLIED) : run(k));
        return;
      }
      List<Command> commands = new ArrayList<>();
      List<Integer> planOf = new ArrayList<>(); // command position -> the row (index in plans) it came from
      int invalid = -1;
      for (int k = 0; k < plans.size(); k++) {
        commands.addAll(plans.get(k).commands());
        for (int c = 0; c < plans.get(k).commands().size(); c++) {
          planOf.add(k);
        }
        if (invalid < 0 && !plans.get(k).errors().isEmpty()) {
          invalid = k;
        }
      }
      RejectionException refused = null;
      if (invalid < 0) {
        try {
          boolean duplicate = ledger.executeAllOnce(units.block(block), commands).stream()
              .anyMatch(org.resellledger.core.CommandResult::duplicate);
          settle(k -> plans.get(k).result(duplicate ? RowStatus.ALREADY_APPLIED : RowStatus.APPLIED));
          return;
        } catch (RejectionException e) {
          refused = e;
        } catch (RuntimeException e) {
          storeFailed(0, e);
          return;
        }
      }
      if (stopOnFailure) {
        // nothing of this unit was applied; name the row at fault and stop
        int culprit = invalid >= 0 ? invalid : refused.position().stream().map(planOf::get).findFirst().orElse(0);
        RowError error = refused == null ? null : refusal(lane, plans.get(culprit).row(), refused);
        settle(k -> k != culprit ? plans.get(k).result(RowStatus.NOT_APPLIED)
            : error == null ? plans.get(k).result(RowStatus.FAILED)
            : plans.get(k).result(RowStatus.FAILED).withStatus(RowStatus.FAILED, error));
        stopped = true;
        return;
      }
      try {
        ledger.executeAllOnce(units.split(block), List.of()); // a rerun of this block goes row by row too
      } catch (RuntimeException e) {
        storeFailed(0, e);
        return;
      }
      settle(k -> stopped ? plans.get(k).result(RowStatus.NOT_APPLIED) : run(k)); // one row per unit
    }

    /** Runs one row's commands as one unit. */
    private RowResult run(int k) {
      RowPlan plan = plans.get(k);
      org.resellledger.core.ledger.ProviderRef key = units.row(positions.get(k));
      try {
        if (ledger.applied(key)) {
          return plan.result(RowStatus.ALREADY_APPLIED);
        }
        if (!plan.errors().isEmpty()) {
          return plan.result(RowStatus.FAILED);
        }
        boolean duplicate = ledger.executeAllOnce(key, plan.commands()).stream()
            .anyMatch(org.resellledger.core.CommandResult::duplicate);
        return plan.result(duplicate ? RowStatus.ALREADY_APPLIED : RowStatus.APPLIED);
      } catch (RejectionException e) {
        return plan.result(RowStatus.FAILED).withStatus(RowStatus.FAILED, refusal(lane, plan.row(), e));
      } catch (RuntimeException e) {
        stopped = true;
        return plan.result(RowStatus.FAILED).withStatus(RowStatus.FAILED, storeError(plan.row(), 1, e));
      }
    }

    /**
     * The store failed (not a refusal: a lost connection, a full disk...). Its commit is atomic, so the unit
     * is taken as not applied; the first row of the unit carries the error, the others are NOT_APPLIED, and
     * nothing after them runs, in either mode.
     */
    private void storeFailed(int first, RuntimeException e) {
      RowError error = storeError(plans.get(first).row(), plans.size(), e);
      settle(k -> k == first ? plans.get(k).result(RowStatus.FAILED).withStatus(RowStatus.FAILED, error)
          : plans.get(k).result(RowStatus.NOT_APPLIED));
      stopped = true;
    }

    private void settle(java.util.function.IntFunction<RowResult> result) {
      for (int k = 0; k < plans.size(); k++) {
        set(positions.get(k), result.apply(k));
      }
      positions.clear();
      plans.clear();
    }
  }

  private static RowError storeError(long row, int rows, RuntimeException e) {
    return RowError.of(row, null, null, ImportErrorCode.STORE_FAILED, "the store failed applying the unit of "
        + rows + " row(s) that starts here, so none of them is counted as applied, and nothing after them ran: "
        + e);
  }

  private static RowError refusal(Lane lane, long row, RejectionException e) {
    RowError error = lane.error(row, e);
    return new RowError(row, error.column(), error.value(),
        "the ledger refused the row, nothing of it is applied: " + error.message(), error.code());
  }

  private static List<RowResult> notApplied(List<RowResult> rows) {
    return rows.stream().map(r -> r.withStatus(RowStatus.NOT_APPLIED)).toList();
  }

  private static Origin origin(ImportRequest request, ImportId id) {
    Actor actor = request.person().orElse(Actor.importer(id.value()));
    return Origin.of(Source.CSV_IMPORT, actor).causedBy(id.value());
  }

  private ImportReport record(ImportId id, ImportRequest request, Origin origin, Instant at,
      CsvReading.Result file, ImportOutcome outcome, CsvReading.Result read, List<RowResult> rows,
      Optional<ImportId> earlier) {
    ImportReport report = report(Optional.of(id), request, at, file.sha256(), outcome, read, rows, earlier);
    ImportRecord record = new ImportRecord(id, workspace, origin.actor(), at, request.source().name(),
        file.sha256(), file.content(), request.kind(), request.mode(), outcome, report.summary(), request.reason());
    history.record(record, new java.util.AbstractList<RowRecord>() { // made as the history reads them
      @Override
      public RowRecord get(int index) {
        return RowRecord.of(rows.get(index));
      }

      @Override
      public int size() {
        return rows.size();
      }
    });
    return report;
  }

  private static ImportReport report(Optional<ImportId> id, ImportRequest request, Instant at, String sha,
      ImportOutcome outcome, CsvReading.Result read, List<RowResult> rows, Optional<ImportId> earlier) {
    long create = 0;
    long update = 0;
    long unchanged = 0;
    long errors = 0;
    long applied = 0;
    long failed = 0;
    long already = 0;
    for (RowResult r : rows) {
      switch (r.action()) {
        case CREATE -> create++;
        case UPDATE -> update++;
        case UNCHANGED -> unchanged++;
        case ERROR -> errors++;
      }
      switch (r.status()) {
        case APPLIED -> applied++;
        case FAILED -> failed++;
        case ALREADY_APPLIED -> already++;
        default -> { }
      }
    }
    ImportSummary summary = new ImportSummary(rows.size(), create, update, unchanged, errors,
        read.warnings().size(), applied, failed, already);
    return new ImportReport(id, request.kind(), request.mode(), request.source().name(), sha, at, outcome, summary,
        read.errors(), read.warnings(), rows, earlier);
  }
}
