package org.resellledger.samples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.h2.jdbcx.JdbcConnectionPool;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.csv.CsvExporter;
import org.resellledger.csv.CsvFileCheck;
import org.resellledger.csv.CsvImporter;
import org.resellledger.csv.CsvSource;
import org.resellledger.csv.ImportKind;
import org.resellledger.csv.ImportOutcome;
import org.resellledger.csv.ImportReport;
import org.resellledger.csv.ApplyMode;
import org.resellledger.csv.ImportRequest;
import org.resellledger.csv.InMemoryImportHistory;
import org.resellledger.csv.JdbcImportHistory;
import org.resellledger.jooq.JdbcBaseline;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.testkit.contract.ForwardingLedgerStore;

/**
 * Measures, side by side in one run, the CSV import against plain commons-csv and plain JDBC:
 *
 * <ol>
 *   <li>parse: our reading of an items file (strict UTF-8, cell-size guard, header resolution, per-row
 *       digest) versus a bare commons-csv loop that touches every cell; target at least 0.8x its rate;
 *   <li>preview (parse, validate, diff against an empty in-memory ledger), for information;
 *   <li>full import into the embedded H2 store (JooqLedgerStore) with the history in H2, versus commons-csv
 *       plus a plain JDBC batch insert of the same rows into one H2 table; target within 2x. It also prints
 *       the time the import spent in the store's item reads and in its commits (a forwarding store times
 *       them), and the rest: the CSV lane, the ledger's command handling, the history. For information, the
 *       floor of what the import must write: the same import's commits, captured on the in-memory store and
 *       written by plain JDBC ({@link JdbcBaseline}: events, item and listing rows, one transaction per
 *       commit) into a fresh migrated H2 database; no reads, no domain work, no history.
 * </ol>
 *
 * Not a test: it prints figures and ratios. Arguments: rows (100000), rows per transaction
 * ({@link CsvImporter#DEFAULT_BATCH_ROWS}), and {@code parse-only} to skip the H2 part. Run, against the
 * modules installed in ~/.m2:
 *
 * <pre>
 * ./mvnw -q -o -pl ledger-csv install -DskipTests
 * ./mvnw -q -o -pl samples/bench compile
 * ./mvnw -q -o -pl samples dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp samples/bench/target/classes:$(cat samples/bench/target/cp.txt) org.resellledger.samples.bench.CsvBench 100000
 * </pre>
 */
public final class CsvBench {
  private static final WorkspaceId WS = WorkspaceId.of("bench");

  private CsvBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batchRows = args.length > 1 ? Integer.parseInt(args[1]) : CsvImporter.DEFAULT_BATCH_ROWS;
    Path dir = Files.createTempDirectory("csv-bench");
    try {
      run(rows, batchRows, dir, args.length > 2 && args[2].equals("parse-only"));
    } finally {
      try (var files = Files.walk(dir)) { // the files and databases of this run
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void run(int rows, int batchRows, Path dir, boolean parseOnly) throws Exception {
    Path file = writeItems(dir.resolve("items.csv"), rows);
    Path warm = writeItems(dir.resolve("warm.csv"), Math.min(rows, 20_000));
    System.out.printf(Locale.ROOT, "items file: %d rows, %.1f MB, batch %d rows per transaction%n", rows,
        Files.size(file) / 1e6, batchRows);

    // ---- 1. parse --------------------------------------------------------------------------------------
    for (int i = 0; i < 3; i++) { // warm both paths
      bareParse(warm);
      ourParse(warm);
    }
    // interleaved rounds, best of each: the machine is shared, so a single round says little
    long bare = Long.MAX_VALUE;
    long ours = Long.MAX_VALUE;
    for (int i = 0; i < 15; i++) {
      bare = Math.min(bare, time(() -> bareParse(file)));
      ours = Math.min(ours, time(() -> ourParse(file)));
    }
    System.out.printf(Locale.ROOT, "parse   bare commons-csv loop   %7.0f ms  %,10.0f rows/s%n", ms(bare), rate(rows, bare));
    System.out.printf(Locale.ROOT, "parse   ledger-csv read         %7.0f ms  %,10.0f rows/s  ratio %.2fx (target >= 0.8x)%n",
        ms(ours), rate(rows, ours), (double) bare / ours);

    // ---- 2. preview (information) -----------------------------------------------------------------------
    long preview = best(2, () -> preview(file));
    System.out.printf(Locale.ROOT, "preview ledger-csv, memory store %7.0f ms  %,10.0f rows/s  (%.1fx the bare parse)%n",
        ms(preview), rate(rows, preview), (double) preview / bare);

    // ---- 3. full import on H2 ---------------------------------------------------------------------------
    if (parseOnly) {
      return;
    }
    baseline(dir.resolve("warm-baseline"), warm);
    fullImport(dir.resolve("warm-ledger"), warm, batchRows);
    writeLedgerRows(captureImport(warm, batchRows));
    long base = time(() -> baseline(dir.resolve("baseline"), file));
    TimedStore.reset();
    long full = time(() -> fullImport(dir.resolve("ledger"), file, batchRows));
    System.out.printf(Locale.ROOT, "import  commons-csv + JDBC batch %7.0f ms  %,10.0f rows/s%n", ms(base), rate(rows, base));
    System.out.printf(Locale.ROOT, "import  ledger-csv on H2 store   %7.0f ms  %,10.0f rows/s  ratio %.2fx the baseline (target <= 2x)%n",
        ms(full), rate(rows, full), (double) full / base);
    System.out.printf(Locale.ROOT, "        of which store reads %7.0f ms (%d calls), store commits %7.0f ms (%d calls), "
        + "the rest (CSV lane, ledger, history) %7.0f ms%n", ms(TimedStore.readNanos), TimedStore.reads,
        ms(TimedStore.commitNanos), TimedStore.commits, ms(full - TimedStore.readNanos - TimedStore.commitNanos));
    long floor = writeLedgerRows(captureImport(file, batchRows));
    System.out.printf(Locale.ROOT, "plain JDBC writing the import's ledger rows: %.2f s (%.2f x the baseline)%n",
        floor / 1e9, (double) floor / base);
    System.out.printf(Locale.ROOT, "import / that: %.2f x; store commits / that: %.2f x%n", (double) full / floor,
        (double) TimedStore.commitNanos / floor);
  }

  /** The commits the import of {@code file} makes, taken from a run on the in-memory reference store. */
  static List<Commit> captureImport(Path file, int batchRows) {
    CapturingStore reference = new CapturingStore();
    reference.capture(true);
    CsvImporter importer = CsvImporter.create(reference, WS, LedgerConfig.defaults(), new InMemoryImportHistory())
        .withBatchRows(batchRows);
    ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)).mode(ApplyMode.ALL_VALID_IN_UNITS));
    if (report.outcome() != ImportOutcome.APPLIED) {
      throw new IllegalStateException(report.outcome() + " " + report.errors());
    }
    return reference.commits();
  }

  /**
   * Nanoseconds to write the commits with plain JDBC into a fresh embedded H2 database, migrated and pooled
   * as {@code JooqLedgerStore.embeddedH2} opens it; checks that every item row arrived.
   */
  static long writeLedgerRows(List<Commit> commits) throws Exception {
    long items = commits.stream().mapToLong(c -> c.items().size()).sum();
    try (BenchDatabase db = BenchDatabase.h2()) {
      JdbcBaseline writer = JdbcBaseline.writer(db.dataSource(), false);
      long t0 = System.nanoTime();
      for (Commit c : commits) {
        writer.write(c);
      }
      long nanos = System.nanoTime() - t0;
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT COUNT(*) FROM ledger_items")) {
        rs.next();
        if (rs.getLong(1) != items) {
          throw new IllegalStateException("wrote " + rs.getLong(1) + " item rows of " + items);
        }
      }
      return nanos;
    }
  }

  /** The H2 store with the time spent in its item reads and commits added up (one bench thread). */
  private static final class TimedStore extends ForwardingLedgerStore {
    static long readNanos;
    static long commitNanos;
    static int reads;
    static int commits;

    TimedStore(LedgerStore delegate) {
      super(delegate);
    }

    static void reset() {
      readNanos = 0;
      commitNanos = 0;
      reads = 0;
      commits = 0;
    }

    private static <T> T read(java.util.function.Supplier<T> body) {
      long t0 = System.nanoTime();
      try {
        return body.get();
      } finally {
        readNanos += System.nanoTime() - t0;
        reads++;
      }
    }

    @Override
    public Optional<Item> item(WorkspaceId ws, ItemId id) {
      return read(() -> super.item(ws, id));
    }

    @Override
    public Optional<ItemId> itemId(WorkspaceId ws, Sku sku) {
      return read(() -> super.itemId(ws, sku));
    }

    @Override
    public Optional<Item> itemBySku(WorkspaceId ws, Sku sku) {
      return read(() -> super.itemBySku(ws, sku));
    }

    @Override
    public Map<Sku, Item> itemsBySku(WorkspaceId ws, Collection<Sku> skus) {
      return read(() -> super.itemsBySku(ws, skus));
    }

    @Override
    public void commit(Commit commit) {
      long t0 = System.nanoTime();
      try {
        super.commit(commit);
      } finally {
        commitNanos += System.nanoTime() - t0;
        commits++;
      }
    }
  }

  /** An items file of new items in the importer's own header, with quoting and a multi-level category. */
  public static Path writeItems(Path file, int rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", CsvExporter.itemHeaders()));
      w.write("\r\n");
      for (int i = 0; i < rows; i++) {
        w.write("SKU-" + i + ",\"Vintage jacket, size " + (i % 7) + "\",Clothing > Men > Jackets,VERY_GOOD,USD,"
            + (i % 500) + ".50,2026-01-15,GARAGE/S" + (i % 9) + "/B" + (i % 31) + ",COMPLETE,1,,,,Levi's,,,,,,,"
            + "\r\n");
      }
    }
    return file;
  }

  static long bareParse(Path file) throws IOException {
    long cells = 0;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(r)) {
      for (CSVRecord record : parser) {
        for (String value : record) {
          cells += value.length();
        }
      }
    }
    return cells;
  }

  static long ourParse(Path file) {
    CsvFileCheck check = CsvFileCheck.of(CsvSource.of(file), ImportKind.ITEMS);
    if (!check.readable()) {
      throw new IllegalStateException(check.errors().toString());
    }
    return check.dataRows();
  }

  static long preview(Path file) {
    CsvImporter importer = CsvImporter.create(new InMemoryLedgerStore(), WS, LedgerConfig.defaults(),
        new InMemoryImportHistory());
    ImportReport report = importer.preview(ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)));
    if (!report.errors().isEmpty()) {
      throw new IllegalStateException(report.errors().get(0).toString());
    }
    return report.summary().toCreate();
  }

  /** commons-csv and a plain JDBC batch insert into one table of a fresh H2 file database. */
  static long baseline(Path dir, Path file) throws IOException, SQLException {
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("baseline") + ";WRITE_DELAY=0";
    long n = 0;
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE item (sku VARCHAR(64) PRIMARY KEY, title VARCHAR(200) NOT NULL, category "
            + "VARCHAR(400) NOT NULL, item_condition VARCHAR(32) NOT NULL, currency CHAR(3) NOT NULL, cost_basis "
            + "DECIMAL(19, 4) NOT NULL, acquired_on DATE NOT NULL, location VARCHAR(200) NOT NULL, photo_status "
            + "VARCHAR(16) NOT NULL, quantity INT NOT NULL, brand VARCHAR(80))");
      }
      c.setAutoCommit(false);
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
          PreparedStatement ps = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (CSVRecord rec : parser) {
          ps.setString(1, rec.get("sku"));
          ps.setString(2, rec.get("title"));
          ps.setString(3, rec.get("category"));
          ps.setString(4, rec.get("condition"));
          ps.setString(5, rec.get("currency"));
          ps.setBigDecimal(6, new BigDecimal(rec.get("cost_basis")));
          ps.setObject(7, LocalDate.parse(rec.get("acquired_on")));
          ps.setString(8, rec.get("location"));
          ps.setString(9, rec.get("photo_status"));
          ps.setInt(10, Integer.parseInt(rec.get("quantity")));
          ps.setString(11, rec.get("brand").isEmpty() ? null : rec.get("brand"));
          ps.addBatch();
          if (++n % 1000 == 0) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
    }
    return n;
  }

  /** The whole import lane: validate, apply through the ledger into the H2 store, record the history. */
  static long fullImport(Path dir, Path file, int batchRows) {
    // a pool, as a host would give: a bare JdbcDataSource opens (and at the last close, closes) the file
    // database on every history call
    JdbcConnectionPool historyDb = JdbcConnectionPool.create(
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("history") + ";WRITE_DELAY=0", "sa", "");
    try (JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir)) {
      CsvImporter importer = CsvImporter.create(new TimedStore(store), WS, LedgerConfig.defaults(),
          JdbcImportHistory.create(historyDb))
          .withBatchRows(batchRows);
      ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)).mode(ApplyMode.ALL_VALID_IN_UNITS));
      if (report.outcome() != ImportOutcome.APPLIED) {
        throw new IllegalStateException(report.outcome() + " " + report.errors());
      }
      return report.summary().applied();
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      historyDb.dispose();
    }
  }

  private static long best(int rounds, Callable<?> body) throws Exception {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      best = Math.min(best, time(body));
    }
    return best;
  }

  private static long time(Callable<?> body) throws Exception {
    long t0 = System.nanoTime();
    body.call();
    return System.nanoTime() - t0;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double rate(int rows, long nanos) {
    return rows / (nanos / 1e9);
  }
}
