package org.resellledger.jooq.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.tools.jdbc.JDBCUtils;
import org.resellledger.jooq.LedgerStorageException;
import org.resellledger.jooq.internal.logging.JooqLogs;

/**
 * A DataSource with the dialect found on it, and the two ways the store uses a connection.
 *
 * <ul>
 *   <li>{@link #transaction}: one transaction (READ COMMITTED on PostgreSQL, REPEATABLE READ on H2, see
 *       {@link #isolationFor}); any failure rolls everything back, and comes out as a
 *       {@code ConcurrencyException} when it was a lost race or a taken unique key.
 *   <li>{@link #read}: statements on one connection, no transaction of their own; each store read is one
 *       SQL statement, so it sees one consistent snapshot.
 * </ul>
 */
public final class Database {
  static {
    // jOOQ prints a banner, tips and its version check on first use; a library should not write to its
    // host's log unasked
    JooqLogs.quiet();
  }

  private final DataSource dataSource;
  private final SQLDialect dialect;
  private final Configuration configuration;
  private final int isolation;
  private final boolean setIsolation;
  /** The connection of the {@link #holding} transaction running on this thread, if any. */
  private final ThreadLocal<Connection> held = new ThreadLocal<>();

  private Database(DataSource dataSource, SQLDialect dialect, int isolation, boolean setIsolation) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.isolation = isolation;
    this.setIsolation = setIsolation;
    Settings settings = new Settings()
        // unquoted names: H2 folds them to upper case and PostgreSQL to lower case, as Flyway created them
        .withRenderQuotedNames(RenderQuotedNames.NEVER)
        .withRenderNameCase(RenderNameCase.AS_IS)
        .withRenderSchema(false)
        .withExecuteLogging(false)
        .withDiagnosticsLogging(false);
    this.configuration = new DefaultConfiguration().set(dialect).set(settings);
  }

  /** Opens on a DataSource: H2 or PostgreSQL, found from the connection's metadata. */
  public static Database on(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      SQLDialect dialect = JDBCUtils.dialect(c).family();
      if (dialect != SQLDialect.H2 && dialect != SQLDialect.POSTGRES) {
        throw new IllegalArgumentException("resell ledger stores on H2 or PostgreSQL, not on "
            + c.getMetaData().getDatabaseProductName());
      }
      int isolation = isolationFor(dialect);
      // only pay for setting the isolation on every transaction when the pool's connections differ
      boolean setIsolation = c.getTransactionIsolation() != isolation;
      return new Database(dataSource, dialect, isolation, setIsolation);
    } catch (SQLException e) {
      throw new LedgerStorageException("cannot open the ledger store: " + SqlFailures.message(e), e);
    }
  }

  /**
   * READ COMMITTED on PostgreSQL: an UPDATE that waited for a concurrent writer's row lock re-evaluates its
   * WHERE on the newest committed row, so {@code WHERE version = expected} is an exact optimistic check.
   * H2 (2.x) at READ COMMITTED evaluates it on the row as it was before the wait and loses the other
   * writer's update; at REPEATABLE READ it refuses instead (error 90131, a lost race), so H2 runs there.
   */
  private static int isolationFor(SQLDialect dialect) {
    return dialect == SQLDialect.H2 ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED;
  }

  public SQLDialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Work on a JDBC connection that the store's pre-rendered statements run on. */
  @FunctionalInterface
  public interface JdbcWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** A DSLContext without a connection, in the store's dialect and settings: renders statements once. */
  public DSLContext renderer() {
    return DSL.using(configuration);
  }

  /** Runs {@code work} in one transaction, committed when it returns, rolled back if it throws. */
  public <T> T transaction(String doing, Function<DSLContext, T> work) {
    return jdbcTransaction(doing, c -> work.apply(dsl(c)));
  }

  /** {@link #transaction} on the bare connection. */
  public <T> T jdbcTransaction(String doing, JdbcWork<T> work) {
    if (held.get() != null) {
      return onHeld(doing, work);
    }
    try (Connection c = connection(doing)) {
      boolean autoCommit = c.getAutoCommit();
      int previous = setIsolation ? c.getTransactionIsolation() : isolation;
      try {
        if (previous != isolation) {
          c.setTransactionIsolation(isolation);
        }
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Throwable failure) {
        rollback(c, failure);
        throw SqlFailures.translate(failure, doing);
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
        if (previous != isolation) {
          c.setTransactionIsolation(previous);
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(e, doing);
    }
  }

  /** Runs read-only {@code work} on one connection; a connection that is not in auto-commit is rolled back after. */
  public <T> T read(String doing, Function<DSLContext, T> work) {
    return jdbcRead(doing, c -> work.apply(dsl(c)));
  }

  /** {@link #read} on the bare connection. */
  public <T> T jdbcRead(String doing, JdbcWork<T> work) {
    if (held.get() != null) {
      return onHeld(doing, work);
    }
    try (Connection c = connection(doing)) {
      try {
        return work.run(c);
      } catch (Throwable failure) {
        throw SqlFailures.translate(failure, doing);
      } finally {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(e, doing);
    }
  }

  /**
   * Runs read-only {@code work} that reads a large result row by row: inside a transaction, which
   * PostgreSQL needs to fetch with a cursor, and on H2 with lazy query execution.
   */
  public <T> T streamingRead(String doing, Function<DSLContext, T> work) {
    if (dialect != SQLDialect.H2) {
      return transaction(doing, work);
    }
    // H2 materializes a whole result before handing out the first row unless lazy execution is on for the
    // session; turn it on for this read only (a constant statement, no user data)
    return transaction(doing, dsl -> {
      dsl.execute("SET LAZY_QUERY_EXECUTION TRUE");
      try {
        return work.apply(dsl);
      } finally {
        dsl.execute("SET LAZY_QUERY_EXECUTION FALSE");
      }
    });
  }

  /**
   * Runs {@code work} in one transaction that {@code first} opens (it takes the locks): every
   * {@link #transaction} and {@link #read} that {@code work} makes on this thread runs on that same
   * connection, inside that transaction, which commits when {@code work} returns and rolls back if it
   * throws. Inside another such transaction, {@code first} and {@code work} join it.
   */
  public <T> T holding(String doing, JdbcWork<Void> first, java.util.function.Supplier<T> work) {
    if (held.get() != null) {
      onHeld(doing, first);
      return work.get();
    }
    return jdbcTransaction(doing, c -> {
      first.run(c);
      held.set(c);
      try {
        return work.get();
      } finally {
        held.remove();
      }
    });
  }

  /** Work joining the {@link #holding} transaction of this thread: no commit, rollback or close of its own. */
  private <T> T onHeld(String doing, JdbcWork<T> work) {
    try {
      return work.run(held.get());
    } catch (Throwable failure) {
      throw SqlFailures.translate(failure, doing);
    }
  }

  /** A connection, or a storage failure: pools report trouble (closed, exhausted) in their own ways. */
  private Connection connection(String doing) {
    try {
      return dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw new LedgerStorageException(doing + " failed: no connection: " + e.getMessage(), e);
    }
  }

  private DSLContext dsl(Connection c) {
    return DSL.using(configuration.derive(new DefaultConnectionProvider(c)));
  }

  private static void rollback(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
