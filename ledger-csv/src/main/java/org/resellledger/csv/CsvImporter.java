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
 *   <li>An apply reads its file once: the bytes are copied to a private spool as they are first read, and
 *       validation and apply both read the spool, so what is applied is exactly what was validated.
 *   <li>ALL_OR_NOTHING (the default): the whole file is validated before the first command; one invalid row
 *       and nothing is applied; a valid file is applied in one transaction, all of it or none of it (a file
 *       longer than {@link #withAtomicRows}, default {@value #DEFAULT_ATOMIC_ROWS} rows, is refused before
 *       anything is applied).
 *   <li>ALL_VALID_IN_UNITS: validated whole as ALL_OR_NOTHING, then applied in units of {@link #withBatchRows}
 *       rows, each one transaction committed at most once under a key of the file's content and the unit
 *       ({@link Ledger#executeAllOnce}). If the ledger refuses a row after validation passed (a concurrent
 *       change), or the store fails, or the process is killed, nothing of that unit is applied, the units
 *       before it stay applied, the row is reported ({@code STORE_FAILED} for a store failure) and nothing
 *       after it runs (FAILED_PART_WAY). A row is never half applied, and never applied twice: applying the
 *       same content again resumes with the units that are not applied.
 *   <li>An apply claims its file's content in the history first ({@link ImportHistory#claim}): of two imports
 *       of one file at the same moment only one applies; the other is REFUSED ({@code IMPORT_IN_PROGRESS}) or
 *       ALREADY_APPLIED. The claim is a lease renewed after every unit ({@link #withClaimLease}): the claim of
 *       an import that died is taken over once the lease has run out.
 *   <li>VALID_ROWS_ONLY: invalid rows are reported and skipped; every valid row is applied, in units as
 *       ALL_VALID_IN_UNITS; a unit the ledger refuses runs again row by row, each row at most once.
 *   <li>Blank never erases; {@code [clear]} empties an optional field; a required field cannot be cleared.
 *   <li>A quantity change needs a reason; it becomes an {@code AdjustQuantity} carrying it.
 *   <li>Every apply is recorded in the {@link ImportHistory}; applying a file of the same kind that was
 *       already applied (the same bytes, or the same rows re-saved with other line endings, quoting or
 *       trailing blank lines) changes nothing and says so ({@link ImportOutcome#ALREADY_APPLIED}).
 *   <li>Files are streamed rather than held: memory grows with one small result per row, not with the
 *       file (the spool is on disk, in the JVM's temporary directory).
 * </ul>
 */
public final class CsvImporter {
  /** Rows per transaction when applying in units, unless {@link #withBatchRows} says otherwise. */
  public static final int DEFAULT_BATCH_ROWS = 1000;
  /** The longest ALL_OR_NOTHING file (one transaction), unless {@link #withAtomicRows} says otherwise. */
  public static final int DEFAULT_ATOMIC_ROWS = 10_000;
  /** How long a file's claim outlives its import's last sign of life, unless {@link #withClaimLease} says. */
  public static final java.time.Duration DEFAULT_CLAIM_LEASE = java.time.Duration.ofMinutes(10);

  private final Ledger ledger;
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  private final ImportHistory history;
  private final CsvLimits limits;
  private final IdGenerator importIds;
  private final int batchRows;
  private final int atomicRows;
  private final java.time.Duration lease;

  private CsvImporter(LedgerStore store, WorkspaceId workspace, LedgerConfig config, ImportHistory history,
      CsvLimits limits, IdGenerator importIds, int batchRows, int atomicRows, java.time.Duration lease) {
    if (batchRows < 1 || atomicRows < 1) {
      throw new IllegalArgumentException("batchRows and atomicRows must be at least 1, got " + batchRows + " and "
          + atomicRows);
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the claim lease must be positive, got " + lease);
    }
    this.batchRows = batchRows;
    this.atomicRows = atomicRows;
    this.lease = lease;
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
        DEFAULT_BATCH_ROWS, DEFAULT_ATOMIC_ROWS, DEFAULT_CLAIM_LEASE);
  }

  public CsvImporter withLimits(CsvLimits newLimits) {
    return new CsvImporter(store, workspace, config, history, newLimits, importIds, batchRows, atomicRows, lease);
  }

  /** Where import ids come from; by default {@code imp-} and an id of the ledger config's generator. */
  public CsvImporter withImportIds(IdGenerator ids) {
    return new CsvImporter(store, workspace, config, history, limits, ids, batchRows, atomicRows, lease);
  }

  /**
   * How many rows run as one unit (one transaction, {@link Ledger#executeAllOnce}) when applying
   * ALL_VALID_IN_UNITS or VALID_ROWS_ONLY; default {@value #DEFAULT_BATCH_ROWS}. 1 commits row by row. Memory
   * while applying grows with one unit, not with the file; fewer, larger units mean fewer commits and fewer
   * bulk reads of items. A file that died part way resumes exactly with the same batch size.
   */
  public CsvImporter withBatchRows(int rows) {
    return new CsvImporter(store, workspace, config, history, limits, importIds, rows, atomicRows, lease);
  }

  /**
   * The longest file ALL_OR_NOTHING applies, in one transaction; default {@value #DEFAULT_ATOMIC_ROWS} rows.
   * A longer one is refused before anything is applied.
   */
  public CsvImporter withAtomicRows(int rows) {
    return new CsvImporter(store, workspace, config, history, limits, importIds, batchRows, rows, lease);
  }

  /**
   * How long a file's claim stays held after its import last renewed it (it renews after every unit); a
   * claim older than that belonged to an import that died, and the next import of the file takes it over.
   * Default 10 minutes. Units are committed at most once whatever the lease, so a short one never applies a
   * row twice; it only lets a second import start while the first still runs, and then both share the work.
   */
  public CsvImporter withClaimLease(java.time.Duration newLease) {
    return new CsvImporter(store, workspace, config, history, limits, importIds, batchRows, atomicRows,
        java.util.Objects.requireNonNull(newLease, "lease"));
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
    return new ImportRun(ledger, store, workspace, config, history, limits, batchRows, atomicRows, lease);
  }
}
