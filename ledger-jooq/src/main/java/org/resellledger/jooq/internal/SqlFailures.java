package org.resellledger.jooq.internal;

import java.sql.SQLException;
import java.util.Set;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.jooq.LedgerStorageException;

/**
 * Sorts database failures into the two the ledger can act on (a unique key taken, a lost race) and all the
 * others. By SQLState and H2 error code, so it needs no driver class.
 */
final class SqlFailures {
  /** unique_violation on both databases. */
  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * Lost races: serialization failure (PostgreSQL; a deadlock on H2), deadlock detected and lock not
   * available (PostgreSQL), lock timeout and concurrent update (H2).
   */
  private static final Set<String> LOST_RACE = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

  private SqlFailures() {}

  static boolean isUniqueViolation(Throwable t) {
    SQLException e = sqlException(t);
    return e != null && UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  static boolean isLostRace(Throwable t) {
    SQLException e = sqlException(t);
    return e != null && (LOST_RACE.contains(e.getSQLState()) || e.getErrorCode() == 50200 || e.getErrorCode() == 90131);
  }

  /** The failure as the port's exception: a lost race or a taken key is a ConcurrencyException, else a storage failure. */
  static RuntimeException translate(Throwable t, String doing) {
    if (t instanceof ConcurrencyException c) {
      return c;
    }
    if (isUniqueViolation(t) || isLostRace(t)) {
      return new ConcurrencyException(doing + " lost a race: " + message(t), t);
    }
    if (t instanceof LedgerStorageException s) {
      return s;
    }
    if (t instanceof RuntimeException r && sqlException(t) == null
        && !(t instanceof org.jooq.exception.DataAccessException)) {
      return r;
    }
    return new LedgerStorageException(doing + " failed: " + message(t), t);
  }

  static String message(Throwable t) {
    SQLException e = sqlException(t);
    return e != null ? e.getSQLState() + " " + e.getMessage() : String.valueOf(t.getMessage());
  }

  private static SQLException sqlException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException e) {
        return e;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
