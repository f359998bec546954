package org.resellledger.core.count.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.count.CountFact;
import org.resellledger.core.count.CountFact.CountClosed;
import org.resellledger.core.count.CountFact.CountOpened;
import org.resellledger.core.count.CountFact.LocationVerified;
import org.resellledger.core.count.CountFact.UnitsCounted;
import org.resellledger.core.count.CountLine;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.store.StreamType;
import org.resellledger.core.store.UniqueKey;

/** How count facts fold into a session's and a location's state, and the keys those states hold. */
final class CountFold {
  private CountFold() {}

  static CountSession session(CountSession s, LedgerEvent e) {
    CountFact fact = (CountFact) e.payload();
    if (fact instanceof CountOpened o) {
      return new CountSession(o.session(), o.location(), CountSession.Status.OPEN, e.actor(), e.recordedAt(),
          List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(), e.version());
    }
    if (s == null) {
      throw new IllegalStateException(e.kind() + " before CountOpened in " + e.stream());
    }
    if (fact instanceof UnitsCounted c) {
      return s.with(new CountLine(c.sku(), c.counted(), c.expected(), c.ledgerLocation(), c.itemVersion(), e.id(),
          e.recordedAt()), e.version());
    }
    if (fact instanceof CountClosed c) {
      return s.closed(e.recordedAt(), e.id(), c.report(), c.proposals(), e.version());
    }
    throw new IllegalStateException(e.kind() + " does not belong in a count session's stream");
  }

  static LocationCount location(LocationCount before, LedgerEvent e) {
    if (e.payload() instanceof LocationVerified v) {
      return new LocationCount(v.location(), e.recordedAt(), v.session(), v.unitsCounted(), v.closedBy(),
          e.version());
    }
    throw new IllegalStateException(e.kind() + " does not belong in a location's stream");
  }

  static Set<UniqueKey> keys(CountSession s) {
    Set<UniqueKey> keys = new HashSet<>();
    keys.add(new UniqueKey(CountStreams.SESSION_KEY, ProposalStreams.sortable(s.openedAt()) + "|" + s.id().value()));
    if (s.status() == CountSession.Status.OPEN) {
      keys.add(new UniqueKey(CountStreams.OPEN_KEY, s.location().toString()));
    }
    return keys;
  }

  /** The stream kind of count sessions. */
  static final class SessionType implements StreamType<CountSession> {
    @Override
    public StreamId.Kind kind() {
      return CountStreams.COUNT;
    }

    @Override
    public Class<CountSession> stateType() {
      return CountSession.class;
    }

    @Override
    public CountSession fold(CountSession state, LedgerEvent event) {
      return session(state, event);
    }

    @Override
    public Set<UniqueKey> uniqueKeys(CountSession state) {
      return keys(state);
    }
  }

  /** The stream kind of counted locations. */
  static final class LocationType implements StreamType<LocationCount> {
    @Override
    public StreamId.Kind kind() {
      return CountStreams.LOCATION;
    }

    @Override
    public Class<LocationCount> stateType() {
      return LocationCount.class;
    }

    @Override
    public LocationCount fold(LocationCount state, LedgerEvent event) {
      return location(state, event);
    }

    @Override
    public Set<UniqueKey> uniqueKeys(LocationCount state) {
      return Set.of(new UniqueKey(CountStreams.LOCATION_KEY, state.location().toString()));
    }
  }
}
