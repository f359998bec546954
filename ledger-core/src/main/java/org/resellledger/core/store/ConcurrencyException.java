package org.resellledger.core.store;

/**
 * A commit lost a race: a stream it read has moved, or a unique key it writes (SKU, a channel's external
 * order or listing id) was just taken. Nothing was written; the ledger retries the command from fresh state.
 */
public class ConcurrencyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConcurrencyException(String message) {
    super(message);
  }

  public ConcurrencyException(String message, Throwable cause) {
    super(message, cause);
  }
}
