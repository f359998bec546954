package org.resellledger.core.store;

import java.util.Objects;
import java.util.Set;
import org.resellledger.core.ledger.StreamId;

/**
 * The projection of one stream of a registered kind (see {@link StreamType}): its state after
 * {@code version} events, and the unique keys that state holds. Items and orders have their own types.
 */
public record StreamState(StreamId stream, long version, Object state, Set<UniqueKey> keys) {
  public StreamState {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(state, "state");
    keys = Set.copyOf(keys);
  }

  /** The state with the keys its type gives it. */
  public static <S> StreamState of(StreamType<S> type, String id, long version, S state) {
    return new StreamState(new StreamId(type.kind(), id), version, state, type.uniqueKeys(state));
  }
}
