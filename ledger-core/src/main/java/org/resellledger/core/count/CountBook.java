package org.resellledger.core.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.UniqueKey;

/**
 * Reads of one workspace's physical counts: a session, the open session of a location, the sessions,
 * and what the last closed count of each location found. Changes go through {@link Ledger#execute} with
 * {@link CountCommand}s.
 *
 * <ul>
 *   <li>Reads only; each answer is one store read of the keys plus one per session or location.
 *   <li>The ledger must be open on {@code store}.
 * </ul>
 */
public final class CountBook {
  /** At most this many locations or sessions are listed (a stream-key read's limit). */
  public static final int MAX = 10_000;

  private final Ledger ledger;
  private final LedgerStore store;

  private CountBook(Ledger ledger, LedgerStore store) {
    this.ledger = ledger;
    this.store = store;
  }

  public static CountBook of(Ledger ledger, LedgerStore store) {
    return new CountBook(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(store, "store"));
  }

  public Optional<CountSession> session(CountSessionId id) {
    return store.state(ledger.workspace(), CountStreams.of(Objects.requireNonNull(id, "id")))
        .map(s -> (CountSession) s.state());
  }

  /** The session, or an {@code UNKNOWN_COUNT} rejection naming it. */
  public CountSession require(CountSessionId id) {
    return session(id).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_COUNT, "session", id, "no count session with this id"));
  }

  /** The open session of exactly this location, if there is one. */
  public Optional<CountSession> openAt(StorageLocation location) {
    return store.streamWithKey(ledger.workspace(), CountStreams.COUNT,
            new UniqueKey(CountStreams.OPEN_KEY, Objects.requireNonNull(location, "location").toString()))
        .flatMap(stream -> state(stream, CountSession.class));
  }

  /** Sessions in the order they were opened, at most {@code limit} (1 to {@link #MAX}). */
  public List<CountSession> sessions(int limit) {
    return byKey(CountStreams.COUNT, CountStreams.SESSION_KEY, limit, CountSession.class);
  }

  /** Every location a closed count verified, by location text. */
  public List<LocationCount> locations() {
    return byKey(CountStreams.LOCATION, CountStreams.LOCATION_KEY, MAX, LocationCount.class);
  }

  /** What the last closed count of exactly this location found, if one was closed. */
  public Optional<LocationCount> location(StorageLocation location) {
    return state(CountStreams.of(Objects.requireNonNull(location, "location")), LocationCount.class);
  }

  /**
   * When {@code place} was last verified: the latest close of a count of it or of a location it lies under
   * ({@code GARAGE/S1/B2} is verified by a count of {@code GARAGE}); empty when never counted.
   */
  public Optional<Instant> lastVerified(StorageLocation place) {
    return lastVerified(place, locations());
  }

  /** {@link #lastVerified(StorageLocation)} over these location counts (read once for many places). */
  public static Optional<Instant> lastVerified(StorageLocation place, List<LocationCount> counts) {
    return counts.stream().filter(c -> CountStreams.covers(c.location(), place)).map(LocationCount::lastVerified)
        .max(Instant::compareTo);
  }

  private <S> List<S> byKey(StreamId.Kind kind, String name, int limit, Class<S> type) {
    List<S> found = new ArrayList<>();
    for (KeyedStream k : store.streamsWithKeyPrefix(ledger.workspace(), kind, name, "", limit)) {
      state(k.stream(), type).ifPresent(found::add);
    }
    return found;
  }

  private <S> Optional<S> state(StreamId stream, Class<S> type) {
    return store.state(ledger.workspace(), stream).map(StreamState::state).map(type::cast);
  }
}
