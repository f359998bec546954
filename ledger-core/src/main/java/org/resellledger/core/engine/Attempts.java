package org.resellledger.core.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Receipt;

/**
 * Where a command's attempts stand: the first trusts the commit's keys, careful ones count races, and
 * after a lost race each attempt holds the streams the losing commit expected.
 */
final class Attempts {
  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final LedgerConfig config;
  boolean careful;
  int racesLost;
  /** The key of a unit run at most once ({@link Execution#executeAllOnce}); empty otherwise. */
  Optional<ProviderRef> unit = Optional.empty();
  /** The streams to hold in the next attempt: empty until a commit loses a race. */
  List<StreamId> toLock = List.of();

  Attempts(LedgerStore store, WorkspaceId workspace, LedgerConfig config) {
    this.store = store;
    this.workspace = workspace;
    this.config = config;
  }

  /** Runs one attempt, inside {@link LedgerStore#locked} once a commit has lost a race. */
  <T> T run(Supplier<T> attempt) {
    return toLock.isEmpty() ? attempt.get() : store.locked(workspace, toLock, attempt);
  }

  /** Commits the attempt; when it loses a race, the next attempt holds the streams it expected. */
  void commit(Tx tx, Optional<Receipt> receipt) {
    try {
      store.commit(tx.toCommit(receipt));
    } catch (ConcurrencyException race) {
      List<StreamId> streams = tx.existingStreams();
      if (!streams.isEmpty()) {
        toLock = streams;
      }
      throw race;
    }
  }

  /** A commit lost: go careful, or count the race and give up when the careful ones are used up. */
  void lost(ConcurrencyException race, String field, Object value) {
    if (!careful) {
      careful = true;
      return;
    }
    if (++racesLost > config.maxRetries()) {
      throw new RejectionException(RejectionCode.CONCURRENT_MODIFICATION, field, value,
          "lost " + racesLost + " optimistic-concurrency races; last: " + race.getMessage());
    }
  }
}
