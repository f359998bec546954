package org.resellledger.jooq.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A schema of its own on the test PostgreSQL, created empty and dropped on {@link #close}. Reads
 * LEDGER_PG_URL, LEDGER_PG_USER, LEDGER_PG_PASSWORD. When PostgreSQL cannot be reached the calling test is
 * skipped with the reason, unless LEDGER_REQUIRE_POSTGRES=true, which makes it fail instead.
 *
 * <p>Connections are pooled with H2's small pool over the driver's {@code ConnectionPoolDataSource}, so the
 * tests need no pool library.
 */
public final class PostgresSchema implements AutoCloseable {
  public static final String URL = env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER = env("LEDGER_PG_USER", "postgres");
  public static final String PASSWORD = env("LEDGER_PG_PASSWORD", "");

  private final String name;
  private final JdbcConnectionPool pool;

  private PostgresSchema(String name, int maxConnections) {
    this.name = name;
    this.pool = JdbcConnectionPool.create(poolSource(name));
    this.pool.setMaxConnections(maxConnections);
  }

  /** A fresh schema with a pool of 10 connections, or the test is skipped (failed, when PostgreSQL is required). */
  public static PostgresSchema create() {
    return create(10);
  }

  public static PostgresSchema create(int maxConnections) {
    requireReachable();
    String name = "ledger_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    execute("CREATE SCHEMA " + name);
    return new PostgresSchema(name, maxConnections);
  }

  /** A second, independent pool on the same schema: another application node. */
  public DataSource newPool(int maxConnections) {
    JdbcConnectionPool other = JdbcConnectionPool.create(poolSource(name));
    other.setMaxConnections(maxConnections);
    return other;
  }

  public DataSource dataSource() {
    return pool;
  }

  public String name() {
    return name;
  }

  /** A JDBC URL that puts a new connection in this schema, for a child process. */
  public String jdbcUrl() {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  @Override
  public void close() {
    pool.dispose();
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  private static PGConnectionPoolDataSource poolSource(String schema) {
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(URL);
    source.setUser(USER);
    source.setPassword(PASSWORD);
    source.setCurrentSchema(schema);
    return source;
  }

  private static void requireReachable() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      c.isValid(5);
    } catch (SQLException e) {
      String reason = "PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage();
      if (Boolean.parseBoolean(System.getenv("LEDGER_REQUIRE_POSTGRES"))) {
        throw new AssertionError(reason + " (LEDGER_REQUIRE_POSTGRES=true)", e);
      }
      // printed as well: a class skipped in @BeforeAll shows only as "Tests run: 0" in Maven's summary
      System.err.println("SKIPPED PostgreSQL tests: " + reason);
      Assumptions.abort(reason + "; skipped (set LEDGER_REQUIRE_POSTGRES=true to fail instead)");
    }
  }

  /** Runs one administrative statement with no user data in it (schema names are generated here). */
  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
