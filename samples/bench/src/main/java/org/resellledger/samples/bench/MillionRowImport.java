package org.resellledger.samples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.csv.ApplyMode;
import org.resellledger.csv.CsvImporter;
import org.resellledger.csv.CsvSource;
import org.resellledger.csv.ImportKind;
import org.resellledger.csv.ImportReport;
import org.resellledger.csv.ImportRequest;
import org.resellledger.csv.JdbcImportHistory;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * Issue #10's large-file goal: a 1,000,000-row items file (argument 1, default 1,000,000) applied
 * ALL_VALID_IN_UNITS to the embedded H2 store with default settings, in whatever heap the JVM is given (run it
 * with {@code -Xmx256m}); prints the time, the peak heap used and the size of the database files.
 */
public final class MillionRowImport {
  private MillionRowImport() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("million-row-import");
    try {
      Path file = CsvBench.writeItems(dir.resolve("items.csv"), rows);
      JdbcConnectionPool historyDb = JdbcConnectionPool.create(
          "jdbc:h2:file:" + dir.toAbsolutePath().resolve("history") + ";WRITE_DELAY=0", "sa", "");
      long t0 = System.nanoTime();
      ImportReport report;
      try (JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir.resolve("ledger"))) {
        report = CsvImporter.create(store, WorkspaceId.of("bench"), LedgerConfig.defaults(),
                JdbcImportHistory.create(historyDb))
            .apply(ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)).mode(ApplyMode.ALL_VALID_IN_UNITS));
      } finally {
        historyDb.dispose();
      }
      long nanos = System.nanoTime() - t0;
      long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      System.out.printf(Locale.ROOT, "%,d-row items file (%.0f MB): %s, %,d applied in %.1f s (%,.0f rows/s); "
              + "max heap %d MB, peak heap used (sum of pools) %d MB; ledger database %.0f MB, history %.0f MB%n",
          rows, Files.size(file) / 1e6, report.outcome(), report.summary().applied(), nanos / 1e9, rows * 1e9 / nanos,
          Runtime.getRuntime().maxMemory() >> 20, peak >> 20, size(dir.resolve("ledger")) / 1e6,
          size(dir, "history") / 1e6);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long size(Path dir, String prefix) throws Exception {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(p -> p.getFileName().toString().startsWith(prefix)).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
