package org.resellledger.core.count.internal;

import static org.resellledger.core.count.CountStreams.COUNT;
import static org.resellledger.core.count.CountStreams.LOCATION;

import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountFact;
import org.resellledger.core.count.CountFact.CountClosed;
import org.resellledger.core.count.CountFact.CountOpened;
import org.resellledger.core.count.CountFact.LocationVerified;
import org.resellledger.core.count.CountFact.UnitsCounted;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.store.StreamTypes;

/** The count concept's registration: its two stream kinds, a handler per command, a fold per fact. */
public final class CountConcept {
  private CountConcept() {}

  public static void register(Registry r) {
    StreamTypes.register(new CountFold.SessionType());
    StreamTypes.register(new CountFold.LocationType());

    r.handle(OpenCount.class, CountHandlers::open);
    r.handle(RecordCount.class, CountHandlers::record, c -> java.util.stream.Stream.of(c.sku()));
    r.handle(CloseCount.class, CountHandlers::close);

    r.fold(CountOpened.class, COUNT, CountConcept::session);
    r.fold(UnitsCounted.class, COUNT, CountConcept::session);
    r.fold(CountClosed.class, COUNT, CountConcept::session);
    r.fold(LocationVerified.class, LOCATION, CountConcept::location);
  }

  private static CountSession session(CountSession state, LedgerEvent e, CountFact fact) {
    return CountFold.session(state, e);
  }

  private static LocationCount location(LocationCount state, LedgerEvent e, CountFact fact) {
    return CountFold.location(state, e);
  }
}
