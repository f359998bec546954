package org.resellledger.core.count;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.proposal.ProposalId;

/**
 * The facts of a count session's stream (kind {@code COUNT}) and of a location's stream (kind
 * {@code LOCATION}). Who counted is the event's actor; time is on the envelope.
 */
public sealed interface CountFact extends EventPayload {

  /** A count of {@code location} (and everything under it) was opened. */
  record CountOpened(CountSessionId session, StorageLocation location) implements CountFact {}

  /**
   * {@code counted} units of {@code sku} were found. {@code expected} is the item's available units at that
   * moment and {@code ledgerLocation} where the ledger puts it, {@code itemVersion} its stream version (all
   * empty or 0 for a SKU the ledger does not know).
   */
  record UnitsCounted(Sku sku, int counted, Optional<Long> expected, Optional<StorageLocation> ledgerLocation,
      long itemVersion) implements CountFact {}

  /** The session was closed with this variance report and drafted these adjustment proposals. */
  record CountClosed(List<VarianceLine> report, List<ProposalId> proposals) implements CountFact {
    public CountClosed {
      report = List.copyOf(report);
      proposals = List.copyOf(proposals);
    }
  }

  /**
   * A location was verified by a closed count ({@code closedBy} is the session's {@link CountClosed} event):
   * {@code unitsCounted} units were counted there.
   */
  record LocationVerified(StorageLocation location, CountSessionId session, long unitsCounted, EventId closedBy)
      implements CountFact {}
}
