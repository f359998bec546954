package org.resellledger.core.store;

import org.resellledger.core.ledger.LedgerEvent;

/**
 * What {@link LedgerStore#restore} hands to its producer: the events of a backup, in the order they were
 * committed, and the receipts. Either method may throw to abandon the restore; nothing is then written.
 */
public interface RestoreSink {
  /** The next event, as it was stored (same id, stream, version and times); its workspace is the target's. */
  void event(LedgerEvent event);

  /** A receipt (provider event id, fingerprint, the ids of its events), so a redelivery is recognised. */
  void receipt(Receipt receipt);
}
