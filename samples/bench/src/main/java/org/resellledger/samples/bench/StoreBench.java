package org.resellledger.samples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.jooq.JdbcBaseline;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * Measures the jOOQ store side by side with plain JDBC, on embedded H2 and on PostgreSQL, in one run:
 *
 * <ol>
 *   <li>channel sales through the public API, one command per transaction ({@code Ledger.execute}, each
 *       sale a webhook delivery, so a receipt is written too), against plain JDBC writing the same rows;
 *   <li>the same sales in batches ({@code Ledger.executeAll}, {@value #DEFAULT_BATCH} per transaction, entered
 *       by hand since a batch takes no provider ids), against plain JDBC writing each batch's rows in one
 *       transaction;
 *   <li>a projection rebuild from 1,000,000 events ({@code JooqLedgerStore.rebuildProjections}, which is
 *       {@code Ledger.rebuildProjections}: the events streamed through a cursor), with a plain-JDBC read of
 *       the same rows as the floor.
 * </ol>
 *
 * The rows the baseline writes are captured from the same workload run on the in-memory reference store,
 * so both sides write identical events and projections. A third path writes those same captured commits
 * through {@code JooqLedgerStore.commit}: the store's write path alone, without the ledger's reads and
 * rules. Rounds alternate the paths, after a warm-up and an ANALYZE (what autovacuum would have done on a
 * database in use), because the machine is shared. Not a test: it prints
 * figures and ratios (time of a path / time of plain JDBC).
 *
 * <p>Properties: {@code bench.sales} (timed sales per path, 2000), {@code bench.rounds} (5),
 * {@code bench.batch} (100), {@code bench.rebuild} (events, 1000000), {@code bench.h2} and
 * {@code bench.postgres} (true), {@code bench.parts} (single,batch,rebuild; also writers), {@code bench.writerSales} (400).
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl samples dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp samples/bench/target/classes:$(cat samples/bench/target/cp.txt) org.resellledger.samples.bench.StoreBench
 * </pre>
 *
 * (samples' exec plugin configuration names the demo as its main class, which {@code -Dexec.mainClass}
 * does not override.)
 */
public final class StoreBench {
  static final int DEFAULT_BATCH = 100;
  private static final int ITEMS = 200;
  private static final int WARM_UP = 300;

  private final int sales = Integer.getInteger("bench.sales", 2000);
  private final int rounds = Integer.getInteger("bench.rounds", 5);
  private final int batch = Integer.getInteger("bench.batch", DEFAULT_BATCH);
  private final int rebuildEvents = Integer.getInteger("bench.rebuild", 1_000_000);
  private final List<String> parts = List.of(System.getProperty("bench.parts", "single,batch,rebuild").split(","));
  private final List<String> summary = new ArrayList<>();

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    Logger.getLogger("org.jooq").setLevel(Level.WARNING);
    StoreBench bench = new StoreBench();
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    if (Boolean.parseBoolean(System.getProperty("bench.h2", "true"))) {
      try (BenchDatabase h2 = BenchDatabase.h2()) {
        bench.run(h2);
      }
    }
    if (Boolean.parseBoolean(System.getProperty("bench.postgres", "true")) && BenchDatabase.postgresReachable()) {
      try (BenchDatabase pg = BenchDatabase.postgres()) {
        bench.run(pg);
      }
    }
    System.out.println();
    System.out.println("summary");
    bench.summary.forEach(System.out::println);
  }

  private void run(BenchDatabase db) throws Exception {
    System.out.println();
    System.out.println("== " + db.kind);
    if (parts.contains("single")) {
      sales(db, true);
    }
    if (parts.contains("batch")) {
      sales(db, false);
    }
    if (parts.contains("rebuild")) {
      rebuild(db);
    }
    if (parts.contains("writers")) {
      writers(db);
    }
  }

  /**
   * Writers on distinct items: sales per second of 8 threads, each selling its own items of one workspace
   * (one sale per transaction, as webhooks), against one thread; 1 and 8 alternated twice. Each writer is a
   * Ledger with the default config (ids, clock), as each app node has.
   */
  private void writers(BenchDatabase db) throws Exception {
    int items = 800;
    int perThread = Integer.getInteger("bench.writerSales", 400);
    SaleWorkload w = new SaleWorkload(WorkspaceId.of("writers"), items);
    w.setUp(db.store, 4 * 8 * perThread / items + 10);
    JooqLedgerStore store = db.newStore();
    int[] base = {0};
    java.util.function.IntFunction<Double> run = writers -> {
      int from = base[0];
      base[0] += ((writers * perThread) / items + 1) * items;
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
      try {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
          int thread = t;
          Ledger ledger = Ledger.open(store, w.workspace());
          done.add(pool.submit(() -> {
            start.await();
            for (int k = 0; k < perThread; k++) {
              ledger.execute(w.sale(from + thread + writers * k, true)); // item = n % 800: its own items
            }
            return null;
          }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
          f.get();
        }
        return writers * perThread * 1e9 / (System.nanoTime() - t0);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        pool.shutdownNow();
      }
    };
    run.apply(8); // warm-up
    List<String> ratios = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      double one = run.apply(1);
      double eight = run.apply(8);
      ratios.add(String.format(Locale.ROOT, "1 writer %,.0f sales/s, 8 writers %,.0f sales/s: %.2fx", one, eight,
          eight / one));
    }
    line(db.kind, "writers on distinct items (" + perThread + " sales each)     " + String.join("; ", ratios));
  }

  /** One command per transaction ({@code single}), or batches through executeAll. */
  private void sales(BenchDatabase db, boolean single) throws Exception {
    String mode = single ? "single" : "batch";
    int perUnit = single ? 1 : batch;
    int unitsEach = 2 * (WARM_UP + sales) / ITEMS + 10;
    int total = WARM_UP + sales;
    SaleWorkload api = new SaleWorkload(WorkspaceId.of("api-" + mode), ITEMS);
    SaleWorkload viaStore = new SaleWorkload(WorkspaceId.of("store-" + mode), ITEMS);
    SaleWorkload jdbc = new SaleWorkload(WorkspaceId.of("jdbc-" + mode), ITEMS);
    // the second baseline: a bare event store, one event row per sale and nothing else (no items set up)
    SaleWorkload bare = new SaleWorkload(WorkspaceId.of("bare-" + mode), ITEMS);
    Timings timed = new Timings();
    Ledger apiLedger = api.setUp(timed.around(db.store), unitsEach);
    viaStore.setUp(db.store, unitsEach);
    jdbc.setUp(db.store, unitsEach);
    bare.setUp(new org.resellledger.core.store.InMemoryLedgerStore(), unitsEach); // its listings, not its rows
    List<List<Command>> apiUnits = units(api, total, perUnit, single);
    // the rows the other two paths write: the same workload run on the in-memory reference store
    List<Commit> storeCommits = capture(viaStore, unitsEach, units(viaStore, total, perUnit, single), single);
    List<Commit> jdbcCommits = capture(jdbc, unitsEach, units(jdbc, total, perUnit, single), single);
    List<Commit> bareCommits = capture(bare, unitsEach, units(bare, total, perUnit, single), single);
    JooqLedgerStore store = db.newStore();
    JdbcBaseline writer = JdbcBaseline.writer(db.dataSource(), db.isPostgres());

    int warmUnits = WARM_UP / perUnit;
    for (int u = 0; u < warmUnits; u++) {
      execute(apiLedger, apiUnits.get(u), single);
      store.commit(storeCommits.get(u));
      writer.write(jdbcCommits.get(u));
      writer.writeMovementEvents(bareCommits.get(u));
    }
    db.analyze();
    long apiNanos = 0;
    long storeNanos = 0;
    long jdbcNanos = 0;
    long bareNanos = 0;
    int perRound = Math.max(1, (apiUnits.size() - warmUnits) / rounds);
    for (int from = warmUnits; from < apiUnits.size(); from += perRound) {
      int to = Math.min(apiUnits.size(), from + perRound);
      timed.on = true;
      long t0 = System.nanoTime();
      for (int u = from; u < to; u++) {
        execute(apiLedger, apiUnits.get(u), single);
      }
      long t1 = System.nanoTime();
      timed.on = false;
      for (int u = from; u < to; u++) {
        store.commit(storeCommits.get(u));
      }
      long t2 = System.nanoTime();
      for (int u = from; u < to; u++) {
        writer.write(jdbcCommits.get(u));
      }
      long t3 = System.nanoTime();
      for (int u = from; u < to; u++) {
        writer.writeMovementEvents(bareCommits.get(u));
      }
      long t4 = System.nanoTime();
      apiNanos += t1 - t0;
      storeNanos += t2 - t1;
      jdbcNanos += t3 - t2;
      bareNanos += t4 - t3;
    }

    for (SaleWorkload w : List.of(api, viaStore, jdbc)) {
      Ledger check = w.ledger(db.store);
      if (!check.replayMatchesProjections() || check.events().size() != apiLedger.events().size()) {
        throw new IllegalStateException(w.workspace() + " does not hold the same ledger as the API run");
      }
    }
    String label = single
        ? "sales, 1 command per transaction (webhook + receipt)"
        : "sales, executeAll, " + batch + " per transaction";
    report(db.kind, label, sales, apiNanos, storeNanos, jdbcNanos);
    String bareLine = String.format(Locale.ROOT, "%-10s   bare event store (one event row per sale, plain JDBC) %6.3f ms"
        + " | API/bare %.2fx", db.kind, bareNanos / 1e6 / sales, (double) apiNanos / bareNanos);
    System.out.println(bareLine);
    summary.add(bareLine);
    line(db.kind, String.format(Locale.ROOT, "  the API's time per sale: reads %.3f ms (%.2f reads per transaction),"
            + " commit %.3f ms, the ledger's own work %.3f ms", timed.readNanos / 1e6 / sales,
        (double) timed.reads / (apiUnits.size() - warmUnits), timed.commitNanos / 1e6 / sales,
        (apiNanos - timed.readNanos - timed.commitNanos) / 1e6 / sales));
  }

  private static List<Commit> capture(SaleWorkload w, int unitsEach, List<List<Command>> units, boolean single) {
    CapturingStore reference = new CapturingStore();
    Ledger ledger = w.setUp(reference, unitsEach);
    reference.capture(true);
    for (List<Command> unit : units) {
      execute(ledger, unit, single);
    }
    if (reference.commits().size() != units.size()) {
      throw new IllegalStateException("expected one commit per transaction, got " + reference.commits().size());
    }
    return reference.commits();
  }

  /** Sales 0 .. total-1 of a workload, {@code perUnit} to a transaction. */
  private static List<List<Command>> units(SaleWorkload w, int total, int perUnit, boolean webhook) {
    List<List<Command>> units = new ArrayList<>();
    for (int from = 0; from < total; from += perUnit) {
      List<Command> unit = new ArrayList<>();
      for (int n = from; n < Math.min(total, from + perUnit); n++) {
        unit.add(w.sale(n, webhook));
      }
      units.add(unit);
    }
    return units;
  }

  private static void execute(Ledger ledger, List<Command> unit, boolean single) {
    if (single) {
      ledger.execute(unit.get(0));
    } else {
      ledger.executeAll(unit);
    }
  }

  private void report(String db, String what, int sales, long apiNanos, long storeNanos, long jdbcNanos) {
    String line = String.format(Locale.ROOT,
        "%-10s %-50s API %5.0f/s %6.3f ms | store.commit %5.0f/s %6.3f ms | plain JDBC %5.0f/s %6.3f ms"
            + " | API/JDBC %.2fx, store/JDBC %.2fx",
        db, what, sales * 1e9 / apiNanos, apiNanos / 1e6 / sales, sales * 1e9 / storeNanos, storeNanos / 1e6 / sales,
        sales * 1e9 / jdbcNanos, jdbcNanos / 1e6 / sales, (double) apiNanos / jdbcNanos, (double) storeNanos / jdbcNanos);
    System.out.println(line);
    summary.add(line);
  }

  private void rebuild(BenchDatabase db) throws Exception {
    WorkspaceId ws = WorkspaceId.of("rebuild");
    int items = rebuildEvents / RebuildData.EVENTS_PER_ITEM;
    long t0 = System.nanoTime();
    long events = RebuildData.load(db.store, ws, items, 10);
    long loadNanos = System.nanoTime() - t0;
    line(db.kind, String.format(Locale.ROOT, "loaded %,d events (%,d items) through store.commit in %.1f s (%,.0f events/s)",
        events, items, loadNanos / 1e9, events * 1e9 / loadNanos));

    Measured floor = measure(() -> {
      long rows = readAllRows(db, ws);
      return String.format(Locale.ROOT, "%,d rows", rows);
    });
    line(db.kind, "plain JDBC read of every event row (the floor)     " + floor);

    JooqLedgerStore store = db.newStore();
    Measured streaming = measure(() -> {
      JooqLedgerStore.RebuildSummary s = store.rebuildProjections(ws);
      return String.format(Locale.ROOT, "%,d events -> %,d items, %,d orders", s.events(), s.items(), s.orders());
    });
    line(db.kind, "Ledger.rebuildProjections (events streamed)        " + streaming);
  }

  private long readAllRows(BenchDatabase db, WorkspaceId ws) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(
          "SELECT * FROM ledger_events WHERE workspace_id = ? ORDER BY seq")) {
        s.setFetchSize(1000);
        s.setString(1, ws.value());
        long rows = 0;
        try (ResultSet rs = s.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              rs.getObject(i);
            }
            rows++;
          }
        }
        c.commit();
        return rows;
      }
    }
  }

  private void line(String db, String text) {
    String line = String.format(Locale.ROOT, "%-10s %s", db, text);
    System.out.println(line);
    summary.add(line);
  }

  /** Time and peak heap of one run of {@code work}. */
  private static Measured measure(Work work) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.setDaemon(true);
    watcher.start();
    long t0 = System.nanoTime();
    String what;
    try {
      what = work.run();
    } catch (OutOfMemoryError e) {
      what = "OUT OF MEMORY (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB)";
    } finally {
      running.set(false);
      watcher.join();
    }
    return new Measured(System.nanoTime() - t0, Math.max(0, peak.get() - before), what);
  }

  @FunctionalInterface
  private interface Work {
    String run() throws Exception;
  }

  private record Measured(long nanos, long heapBytes, String what) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%7.1f s, peak heap +%,d MB (%s)", nanos / 1e9, heapBytes >> 20, what);
    }
  }

  /**
   * What the ledger asks of the store under the API path while {@link #on} is set: the reads a command
   * makes before its commit (timed and counted) and the commits (timed). The rest of the API's time is the
   * ledger's own work (rules, folding, building the commit).
   */
  private static final class Timings {
    boolean on;
    long readNanos;
    long reads;
    long commitNanos;

    /** {@code store}, with every call timed into these figures. */
    LedgerStore around(LedgerStore store) {
      return (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
          new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
            long t0 = System.nanoTime();
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            } finally {
              if (on && method.getName().equals("commit")) {
                commitNanos += System.nanoTime() - t0;
              } else if (on) {
                readNanos += System.nanoTime() - t0;
                reads++;
              }
            }
          });
    }
  }
}
