package org.resellledger.csv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.store.LedgerStore;

/**
 * The CSV import lane of one workspace: preview, then apply, items, listings and adjustments files.
 *
 * <ul>
 *   <li>Every change is a ledger command run through {@link Ledger#execute}; the importer never writes to the
 *       store. Each command's origin is {@code Source.CSV_IMPORT}, its actor {@code Actor.importer(importId)}
 *       (or the person who ran the import), its causation the import id.
 *   <li>{@link #preview} runs exactly the parsing, validation and diff of {@link #apply}, and changes nothing.
 *   <li>ALL_OR_NOTHING (the default): the whole file is validated before the first command; one invalid row
 *       and nothing is applied. Rows are then applied in units of {@link #withBatchRows} rows, each unit one
 *       transaction ({@link Ledger#executeAll}): a file that fits in one unit is applied atomically. A longer
 *       file is not one transaction: if the ledger refuses a row after validation passed (a concurrent
 *       change), or the store fails, nothing of that unit is applied, the units before it stay applied, the
 *       row is reported ({@code STORE_FAILED} for a store failure), and nothing after it runs
 *       (FAILED_PART_WAY). A row is never half applied. Re-applying the same file resumes: rows an earlier
 *       import of it applied are skipped.
 *   <li>An apply claims its file in the history first ({@link ImportHistory#claim}): of two imports of one
 *       file at the same moment only one applies; the other is REFUSED ({@code IMPORT_IN_PROGRESS}) or
 *       ALREADY_APPLIED.
 *   <li>VALID_ROWS_ONLY: invalid rows are reported and skipped; every valid row is applied.
 *   <li>Blank never erases; {@code [clear]} empties an optional field; a required field cannot be cleared.
 *   <li>A quantity change needs a reason; it becomes an {@code AdjustQuantity} carrying it.
 *   <li>Every apply is recorded in the {@link ImportHistory}; applying a file (same SHA-256 and kind) that was
 *       already applied changes nothing and says so ({@link ImportOutcome#ALREADY_APPLIED}).
 *   <li>Files are streamed twice rather than held: memory grows with one small result per row, not with the
 *       file.
 * </ul>
 */
public final class CsvImporter {
  /** Rows per transaction when applying, unless {@link #withBatchRows} says otherwise. */
  public static final int DEFAULT_BATCH_ROWS = 1000;

  private final Ledger ledger;
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final ImportHistory history;
  private final CsvLimits limits;
  private final IdGenerator importIds;
  private final int batchRows;

  private CsvImporter(LedgerStore store, WorkspaceId workspace, LedgerConfig config, ImportHistory history,
      CsvLimits limits, IdGenerator importIds, int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
    }
    this.batchRows = batchRows;
    this.store = Objects.requireNonNull(store, "store");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.config = Objects.requireNonNull(config, "config");
    this.history = Objects.requireNonNull(history, "history");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.importIds = Objects.requireNonNull(importIds, "importIds");
    this.ledger = Ledger.open(store, workspace, config);
  }

  /**
   * An importer over a store, opening its own {@link Ledger} with {@code config} (the config's clock stamps
   * imports; its photo thresholds are the ones the ledger applies, in preview too). The store is only read directly, for
   * lookups the Ledger does not offer (a listing by external id); every write goes through the Ledger.
   */
  public static CsvImporter create(LedgerStore store, WorkspaceId workspace, LedgerConfig config,
      ImportHistory history) {
    IdGenerator ids = config.ids();
    return new CsvImporter(store, workspace, config, history, CsvLimits.defaults(), () -> "imp-" + ids.next(),
        DEFAULT_BATCH_ROWS);
  }

  public CsvImporter withLimits(CsvLimits newLimits) {
    return new CsvImporter(store, workspace, config, history, newLimits, importIds, batchRows);
  }

  /** Where import ids come from; by default {@code imp-} and an id of the ledger config's generator. */
  public CsvImporter withImportIds(IdGenerator ids) {
    return new CsvImporter(store, workspace, config, history, limits, ids, batchRows);
  }

  /**
   * How many rows run as one {@link Ledger#executeAll} unit (one transaction) when applying; default
   * {@value #DEFAULT_BATCH_ROWS}. A file with at most this many rows is applied in one transaction: truly all
   * or nothing. 1 commits row by row. Memory while applying grows with one unit, not with the file; fewer,
   * larger units mean fewer commits and fewer bulk reads of items.
   */
  public CsvImporter withBatchRows(int rows) {
    return new CsvImporter(store, workspace, config, history, limits, importIds, rows);
  }

  public Ledger ledger() {
    return ledger;
  }

  public ImportHistory history() {
    return history;
  }

  /** Parses, validates and diffs the file against the ledger; changes nothing and records nothing. */
  public ImportReport preview(ImportRequest request) {
    return run().preview(request);
  }

  /** Validates, then applies the file as {@code request.mode()} says, and records it in the history. */
  public ImportReport apply(ImportRequest request) {
    return run().apply(request, ImportId.of(importIds.next()));
  }

  /**
   * The import that appended an event, if one did: found from the event's importer actor, or its causation
   * (the import id), or, for a status change that followed an imported fact, the causation of that fact.
   */
  public Optional<ImportRecord> importOf(LedgerEvent event) {
    if (event.actor().kind() == Actor.Kind.IMPORT) {
      Optional<ImportRecord> byActor = history.find(workspace, ImportId.of(event.actor().name()));
      if (byActor.isPresent()) {
        return byActor;
      }
    }
    if (event.causation().isEmpty()) {
      return Optional.empty();
    }
    Optional<ImportRecord> byCause = history.find(workspace, ImportId.of(event.causation().get()));
    if (byCause.isPresent()) {
      return byCause;
    }
    return store.events(workspace, List.of(EventId.of(event.causation().get()))).stream().findFirst()
        .filter(fact -> !fact.id().equals(event.id()))
        .flatMap(fact -> fact.causation().flatMap(c -> history.find(workspace, ImportId.of(c))));
  }

  private ImportRun run() {
    return new ImportRun(ledger, store, workspace, config, history, limits, batchRows);
  }
}
