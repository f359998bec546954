package org.resellledger.core.store;

import org.resellledger.core.ledger.ProviderRef;

/** A commit carried a receipt for a provider event that another commit recorded first. Nothing was written. */
public class DuplicateReceiptException extends ConcurrencyException {
  private static final long serialVersionUID = 1L;

  public DuplicateReceiptException(ProviderRef ref) {
    super("provider event " + ref + " was already recorded");
  }
}
