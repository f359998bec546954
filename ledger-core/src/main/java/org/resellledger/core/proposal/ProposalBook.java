package org.resellledger.core.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StreamState;

/**
 * Reads of one workspace's proposals: by id, waiting for approval, blocked, and the sync proposals and
 * outbox writes of a listing. Changes go through {@link Ledger#execute} with {@link ProposalCommand}s.
 *
 * <ul>
 *   <li>Reads only; each answer is one store read of the keys plus one per proposal.
 *   <li>The ledger must be open on {@code store}.
 * </ul>
 */
public final class ProposalBook {
  private final Ledger ledger;
  private final LedgerStore store;

  private ProposalBook(Ledger ledger, LedgerStore store) {
    this.ledger = ledger;
    this.store = store;
  }

  public static ProposalBook of(Ledger ledger, LedgerStore store) {
    return new ProposalBook(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(store, "store"));
  }

  public Optional<Proposal> proposal(ProposalId id) {
    return store.state(ledger.workspace(), ProposalStreams.of(Objects.requireNonNull(id, "id")))
        .map(s -> (Proposal) s.state());
  }

  /** The proposal, or an {@code UNKNOWN_PROPOSAL} rejection naming it. */
  public Proposal require(ProposalId id) {
    return proposal(id).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_PROPOSAL, "proposal", id, "no proposal with this id"));
  }

  /** Proposals waiting for a decision, oldest first, at most {@code limit}. */
  public List<Proposal> pending(int limit) {
    return byKey(ProposalStreams.PENDING_KEY, "", limit);
  }

  /** Outbox writes blocked after too many failures, waiting for a person, at most {@code limit}. */
  public List<Proposal> blocked(int limit) {
    return byKey(ProposalStreams.BLOCKED_KEY, "", limit);
  }

  /** The listing's open sync proposals: pending, approved, in the outbox. */
  public List<Proposal> syncOf(ListingId listing) {
    return byKey(ProposalStreams.SYNC_KEY, Objects.requireNonNull(listing, "listing").value() + "|", 100);
  }

  /** The outbox writes of one listing (or order), in the order they are written. */
  public List<Proposal> outbox(String queue) {
    return byKey(ProposalStreams.OUTBOX_KEY, Objects.requireNonNull(queue, "queue") + "|", 100);
  }

  /** What the outbox keeps for a listing (or order): the day's writes, the restore point. */
  public OutboxQueue queue(String queue) {
    return store.state(ledger.workspace(), ProposalStreams.queue(queue)).map(s -> (OutboxQueue) s.state())
        .orElse(OutboxQueue.empty(queue));
  }

  private List<Proposal> byKey(String name, String prefix, int limit) {
    List<Proposal> found = new ArrayList<>();
    for (KeyedStream k : store.streamsWithKeyPrefix(ledger.workspace(), ProposalStreams.PROPOSAL, name, prefix, limit)) {
      store.state(ledger.workspace(), k.stream()).map(StreamState::state).map(Proposal.class::cast).ifPresent(found::add);
    }
    return found;
  }
}
