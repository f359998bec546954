package org.resellledger.core.store;

import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.StreamId;

/** A unique key and the stream that holds it ({@link LedgerStore#streamsWithKeyPrefix}). */
public record KeyedStream(UniqueKey key, StreamId stream) {

  /** The arguments of {@link LedgerStore#streamsWithKeyPrefix}, checked the same way by every store. */
  public static void checkQuery(String keyName, String prefix, int limit) {
    if (keyName == null || keyName.isBlank() || prefix == null) {
      throw RejectionException.invalid("keyName", keyName, "a key name and a prefix (may be empty)");
    }
    if (limit < 1 || limit > 10_000) {
      throw RejectionException.invalid("limit", limit, "1 to 10,000 streams");
    }
  }
}
