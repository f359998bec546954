package org.resellledger.jooq.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.resellledger.jooq.JdbcBaseline;

/**
 * The embedded store's small pool of H2 connections, each opened at REPEATABLE READ (the level the store
 * runs H2 at, see {@link Database}), so no transaction has to switch it.
 *
 * <p>Why not H2's own {@code JdbcConnectionPool}: it rolls a connection back every time it is handed out
 * and every time it comes back, and in H2 2.x a rollback empties the session's query cache, so every
 * statement was parsed again on every use (measured: 3,000 sales, 3,000 parses of each statement). This
 * pool rolls back only a connection returned inside a transaction.
 *
 * <ul>
 *   <li>At most {@code size} connections are out at once; a caller waits up to 30 seconds for one, then
 *       gets an {@link SQLException} (as with H2's pool).
 *   <li>{@link #close} closes the idle connections and refuses new requests; connections still out are
 *       closed when they come back.
 * </ul>
 */
public final class EmbeddedPool implements JdbcBaseline.Pool {
  private static final long WAIT_SECONDS = 30;

  private final String url;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private volatile boolean closed;

  private EmbeddedPool(String url, int size) {
    this.url = url;
    this.permits = new Semaphore(size, true);
  }

  /**
   * A pool on the H2 file database {@code name} in {@code directory}: every commit written to the file
   * before it returns ({@code WRITE_DELAY=0}), lock waits of 10 s, a query cache of 64 statements per
   * connection (H2's default of 8 is fewer than a commit uses).
   */
  public static EmbeddedPool open(Path directory, String name, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a pool needs at least one connection, not " + size);
    }
    return new EmbeddedPool("jdbc:h2:file:" + directory.resolve(name)
        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;COMPRESS=TRUE", size);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("the embedded ledger database is closed");
    }
    try {
      if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLException("no connection free after " + WAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", e);
    }
    try {
      Connection physical;
      synchronized (idle) {
        physical = idle.pollLast();
      }
      if (physical == null) {
        physical = openPhysical();
      }
      return handle(physical);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection openPhysical() throws SQLException {
    if (closed) {
      throw new SQLException("the embedded ledger database is closed");
    }
    Properties credentials = new Properties();
    credentials.setProperty("user", "sa");
    credentials.setProperty("password", "");
    Connection c = org.h2.Driver.load().connect(url, credentials);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    return c;
  }

  /** A handle on {@code physical}: closing it gives the connection back instead of closing it. */
  private Connection handle(Connection physical) {
    AtomicBoolean open = new AtomicBoolean(true);
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              if (open.compareAndSet(true, false)) {
                giveBack(physical);
              }
              return null;
            case "isClosed":
              return !open.get() || physical.isClosed();
            case "equals":
              return proxy == args[0];
            case "hashCode":
              return System.identityHashCode(proxy);
            case "toString":
              return "embedded ledger connection " + (open.get() ? "" : "(closed)");
            default:
              if (!open.get()) {
                throw new SQLException("the connection was closed");
              }
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  private void giveBack(Connection physical) {
    try {
      if (!physical.isClosed() && !physical.getAutoCommit()) {
        // returned inside a transaction: end it, so the next user starts clean
        physical.rollback();
        physical.setAutoCommit(true);
      }
      if (physical.getTransactionIsolation() != Connection.TRANSACTION_REPEATABLE_READ) {
        physical.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      boolean keep;
      synchronized (idle) {
        keep = !closed && !physical.isClosed();
        if (keep) {
          idle.addLast(physical);
        }
      }
      if (!keep) {
        physical.close();
      }
    } catch (SQLException e) {
      closeQuietly(physical);
    } finally {
      permits.release();
    }
  }

  /** Closes the idle connections; the pool hands out no more, and connections still out close on return. */
  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(EmbeddedPool::closeQuietly);
      idle.clear();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the connection is discarded either way
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the embedded pool has its own credentials");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // nothing is logged
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // connections are opened in process, without a login wait
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
