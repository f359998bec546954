package org.resellledger.jooq;

/**
 * The database failed for a reason that is not a lost race: it cannot be reached, the schema is missing,
 * a disk is full. Nothing of the failed operation was written. A lost race or a taken unique key is never
 * this exception but a {@link org.resellledger.core.store.ConcurrencyException}.
 */
public class LedgerStorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
