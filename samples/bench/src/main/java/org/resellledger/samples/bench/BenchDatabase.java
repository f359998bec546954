package org.resellledger.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.resellledger.jooq.JdbcBaseline;
import org.resellledger.jooq.JooqLedgerStore;
import org.resellledger.jooq.StoreOptions;

/**
 * One empty, migrated database for the benchmark: an embedded H2 file in a temporary directory, or a
 * fresh schema on PostgreSQL (LEDGER_PG_URL / LEDGER_PG_USER / LEDGER_PG_PASSWORD), dropped on close. Both
 * give a pooled DataSource that the plain-JDBC baseline uses; on H2 it is the embedded store's own pool.
 */
final class BenchDatabase implements AutoCloseable {
  static final String PG_URL = env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String PG_USER = env("LEDGER_PG_USER", "postgres");
  static final String PG_PASSWORD = env("LEDGER_PG_PASSWORD", "");

  final String kind;
  final DataSource pool;
  private final AutoCloseable closePool;
  final JooqLedgerStore store;
  private final String schema;
  private final Path directory;

  private BenchDatabase(String kind, DataSource pool, AutoCloseable closePool, JooqLedgerStore store, String schema,
      Path directory) {
    this.kind = kind;
    this.pool = pool;
    this.closePool = closePool;
    this.store = store;
    this.schema = schema;
    this.directory = directory;
  }

  /**
   * The embedded store as {@code JooqLedgerStore.embeddedH2} opens it: the same pool class and URL settings,
   * shared here with the plain-JDBC baseline.
   */
  static BenchDatabase h2() throws IOException {
    Path dir = Files.createTempDirectory("store-bench-h2");
    JdbcBaseline.Pool pool = JdbcBaseline.embeddedPool(dir, 10);
    return new BenchDatabase("H2", pool, pool, JooqLedgerStore.forDataSource(pool), null, dir);
  }

  static boolean postgresReachable() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      return c.isValid(5);
    } catch (SQLException e) {
      System.out.println("PostgreSQL not reachable at " + PG_URL + " (" + e.getMessage() + "): PostgreSQL skipped");
      return false;
    }
  }

  static BenchDatabase postgres() throws SQLException {
    String schema = "store_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    admin("CREATE SCHEMA " + schema);
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(PG_URL);
    source.setUser(PG_USER);
    source.setPassword(PG_PASSWORD);
    source.setCurrentSchema(schema);
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(10);
    return new BenchDatabase("PostgreSQL", pool, pool::dispose, JooqLedgerStore.forDataSource(pool), schema, null);
  }

  /** Another store on the same database, without migrating again. */
  JooqLedgerStore newStore() {
    return JooqLedgerStore.forDataSource(pool, StoreOptions.builder().migrate(false).build());
  }

  /** Table statistics, as a database in use has them; without, PostgreSQL may keep seq-scan plans chosen for empty tables. */
  void analyze() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  DataSource dataSource() {
    return pool;
  }

  boolean isPostgres() {
    return schema != null;
  }

  @Override
  public void close() throws Exception {
    closePool.close();
    if (schema != null) {
      admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Creating and dropping the benchmark's own schema; the name is generated here, never user input. */
  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
