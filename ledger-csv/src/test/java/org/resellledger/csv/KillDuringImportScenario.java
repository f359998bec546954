package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.store.LedgerStore;

/**
 * Issue #10, item 5: a process applying a long items file is killed with SIGTERM at several points; after each
 * kill the store holds whole units only (every item has its intake event, replay equals the projections), the
 * dead import's claim holds until its lease runs out and is then taken over, and applying the file again
 * applies exactly the rest: every row once. Rows: system property {@code ledger.kill.rows} (default 12,000);
 * kill points: {@code ledger.kill.afterUnits} (default 0,3,8: during the first unit, after the third, after
 * the eighth, each with a few milliseconds more so that the kill lands inside the next commit now and then).
 */
abstract class KillDuringImportScenario {
  static final int ROWS = Integer.getInteger("ledger.kill.rows", 12_000);

  /** The store kind and where, as {@link KillTarget} takes them. */
  abstract String kind();

  abstract String where();

  void killAtSeveralPoints_leavesWholeUnits_andTheRerunAppliesTheRestOnce(Path dir) throws Exception {
    Path file = LargeFileImportTest.writeItems(dir, ROWS);
    List<String> report = new ArrayList<>();
    java.util.Random random = new java.util.Random(Long.getLong("ledger.kill.seed", System.nanoTime()));
    for (String after : System.getProperty("ledger.kill.afterUnits", "0,3,8").split(",")) {
      long millis = random.nextInt(40);
      boolean killed = killDuringApply(file, Integer.parseInt(after.strip()), millis);
      Found found = check();
      report.add("kill after " + after + " units + " + millis + " ms: " + found.items + " items committed"
          + (killed ? "" : " (it ended first)"));
      if (found.items == ROWS) {
        break; // the file is in: nothing left to kill
      }
    }
    LedgerStore store = KillTarget.store(kind(), where());
    try {
      ImportHistory history = JdbcImportHistory.create(KillTarget.dataSource(kind(), where()));
      LedgerConfig later = LedgerConfig.defaults()
          .withClock(Clock.offset(Clock.systemUTC(), CsvImporter.DEFAULT_CLAIM_LEASE.plusMinutes(1)));
      ImportRequest request = ImportRequest.of(ImportKind.ITEMS, CsvSource.of(file)).mode(ApplyMode.ALL_VALID_IN_UNITS);
      ImportReport soon = CsvImporter.create(store, KillTarget.WS, LedgerConfig.defaults(), history).apply(request);
      if (soon.outcome() == ImportOutcome.REFUSED) {
        assertThat(soon.errors()).singleElement()
            .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.IMPORT_IN_PROGRESS));
        ImportReport rest = CsvImporter.create(store, KillTarget.WS, later, history).apply(request);
        assertThat(rest.outcome()).as(rest.render()).isEqualTo(ImportOutcome.APPLIED);
      } else {
        assertThat(soon.outcome()).isIn(ImportOutcome.APPLIED, ImportOutcome.ALREADY_APPLIED);
      }
    } finally {
      if (store instanceof AutoCloseable c) {
        c.close();
      }
    }
    Found end = check();
    System.out.println(kind() + " kill test, " + ROWS + " rows: " + String.join("; ", report) + "; rerun: "
        + end.items + " items");
    assertThat(end.items).isEqualTo(ROWS);
  }

  /** Starts the target, kills it {@code millis} after its {@code units}th unit; false when it ended by itself. */
  private boolean killDuringApply(Path file, int units, long millis) throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    // the test's own classes and libraries, whether surefire put them on the class path or the module path
    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    Process p = new ProcessBuilder(javaBin.toString(), "-Xmx256m", "-cp", classPath,
        KillTarget.class.getName(), kind(), where(), file.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      List<String> seen = new ArrayList<>();
      int seenUnits = -1; // "applying" counts as the start
      while (seenUnits < units && (line = out.readLine()) != null) {
        seen.add(line);
        if (line.equals("applying") || line.equals("unit")) {
          seenUnits++;
        } else if (line.startsWith("done")) {
          assertThat(line).isEqualTo("done APPLIED");
          p.waitFor(60, TimeUnit.SECONDS);
          return false;
        }
      }
      assertThat(seenUnits).as("the target's output: %s", seen).isEqualTo(units);
      Thread.sleep(millis);
      p.destroy(); // SIGTERM: shutdown hooks run, the import does not finish
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the target exits on SIGTERM").isTrue();
      return true;
    } finally {
      p.destroyForcibly();
    }
  }

  private record Found(int items) {}

  /** What the store holds: whole units only. */
  private Found check() throws Exception {
    LedgerStore store = KillTarget.store(kind(), where());
    try {
      Ledger ledger = Ledger.open(store, KillTarget.WS);
      List<Item> items = ledger.items();
      Map<ItemId, Integer> intakes = new HashMap<>();
      for (LedgerEvent e : ledger.events()) {
        if (e.payload() instanceof ItemFact.ItemAcquired) {
          intakes.merge(e.item().orElseThrow(), 1, Integer::sum);
        }
      }
      for (Item item : items) {
        assertThat(intakes.get(item.id())).as("intake events of %s", item.sku()).isEqualTo(1);
      }
      assertThat(intakes).hasSize(items.size());
      assertThat(items.size() % CsvImporter.DEFAULT_BATCH_ROWS == 0 || items.size() == ROWS)
          .as("%s items: whole units of %s", items.size(), CsvImporter.DEFAULT_BATCH_ROWS).isTrue();
      assertThat(ledger.replayMatchesProjections()).isTrue();
      return new Found(items.size());
    } finally {
      if (store instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
