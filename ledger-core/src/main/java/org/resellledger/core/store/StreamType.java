package org.resellledger.core.store;

import java.util.Set;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;

/**
 * A kind of stream beyond items and orders, as stores and the ledger see it: how its events fold into its
 * state, the state's type (stores keep it as a document), and the unique keys it holds. A concept adds a
 * kind with one {@link StreamTypes#register} call; no store method is added for it.
 */
public interface StreamType<S> {

  StreamId.Kind kind();

  /** The type of the state, which stores write and read as a document (a record of plain values). */
  Class<S> stateType();

  /** The state after one more event of its stream; {@code state} is null before the first. */
  S fold(S state, LedgerEvent event);

  /** The keys no other stream of the workspace may hold while this state does. */
  default Set<UniqueKey> uniqueKeys(S state) {
    return Set.of();
  }

  /** {@link #fold} for a state of unknown static type: the registry's and stores' entry. */
  default S foldUnchecked(Object state, LedgerEvent event) {
    return fold(state == null ? null : stateType().cast(state), event);
  }

  /** {@link #uniqueKeys} for a state of unknown static type. */
  default Set<UniqueKey> keysUnchecked(Object state) {
    return uniqueKeys(stateType().cast(state));
  }
}
