package org.resellledger.core.proposal.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.proposal.Approval;
import org.resellledger.core.proposal.OutboxQueue;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalFact;
import org.resellledger.core.proposal.ProposalFact.ProposalApplied;
import org.resellledger.core.proposal.ProposalFact.ProposalApproved;
import org.resellledger.core.proposal.ProposalFact.ProposalDrafted;
import org.resellledger.core.proposal.ProposalFact.ProposalExpired;
import org.resellledger.core.proposal.ProposalFact.ProposalRejected;
import org.resellledger.core.proposal.ProposalFact.ProposalRetried;
import org.resellledger.core.proposal.ProposalFact.ProposalRevised;
import org.resellledger.core.proposal.ProposalFact.ProposalSuperseded;
import org.resellledger.core.proposal.ProposalFact.ProposalWriteFailed;
import org.resellledger.core.proposal.ProposalFact.ProposalWriteStarted;
import org.resellledger.core.proposal.ProposalFact.RestorePointSet;
import org.resellledger.core.proposal.ProposalFact.WriteCounted;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.store.StreamType;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.core.ledger.StreamId;

/** How proposal and outbox-queue facts fold into their states, and the keys those states hold. */
final class ProposalFold {
  private ProposalFold() {}

  static Proposal apply(Proposal p, LedgerEvent e) {
    ProposalFact fact = (ProposalFact) e.payload();
    long v = e.version();
    java.time.Instant at = e.recordedAt();
    if (fact instanceof ProposalDrafted d) {
      return new Proposal(d.proposal(), d.kind(), e.actor(), d.target(), d.targetVersion(), d.params(), d.digest(),
          d.evidence(), e.causation(), d.risks(), d.channel(), ProposalState.PENDING, Optional.empty(),
          Optional.empty(), d.replaces(), Optional.empty(), Optional.empty(), at, at, v);
    }
    if (p == null) {
      throw new IllegalStateException(e.kind() + " before ProposalDrafted in " + e.stream());
    }
    if (fact instanceof ProposalRevised r) {
      return p.revised(r.params(), r.digest(), r.evidence(), r.risks(), r.targetVersion(), at, v);
    }
    if (fact instanceof ProposalApproved a) {
      Approval approval = new Approval(e.actor(), at, a.digest(), a.targetVersion(), a.expiresAt(), a.automatic());
      return p.moved(ProposalState.APPROVED, Optional.of(approval), a.outbox(), Optional.empty(), Optional.empty(), at, v);
    }
    if (fact instanceof ProposalRejected r) {
      return p.moved(ProposalState.REJECTED, p.approval(), Optional.empty(), Optional.empty(), Optional.of(r.reason()),
          at, v);
    }
    if (fact instanceof ProposalSuperseded s) {
      return p.moved(ProposalState.SUPERSEDED, p.approval(), Optional.empty(), s.by(), Optional.of(s.reason()), at, v);
    }
    if (fact instanceof ProposalExpired) {
      return p.moved(ProposalState.EXPIRED, p.approval(), Optional.empty(), Optional.empty(),
          Optional.of("approval expired"), at, v);
    }
    if (fact instanceof ProposalWriteStarted w) {
      return p.moved(ProposalState.APPLYING, p.approval(), p.outbox().map(o -> o.started(w.attempt(), w.retryAt())),
          Optional.empty(), p.note(), at, v);
    }
    if (fact instanceof ProposalWriteFailed f) {
      ProposalState s = f.retryAt().isPresent() ? ProposalState.FAILED : ProposalState.BLOCKED;
      return p.moved(s, p.approval(), p.outbox().map(o -> o.failed(f.error(), f.retryAt())), Optional.empty(),
          Optional.of(f.error()), at, v);
    }
    if (fact instanceof ProposalRetried r) {
      return p.moved(ProposalState.FAILED, p.approval(), p.outbox().map(o -> o.dueAgain(r.dueAt())), Optional.empty(),
          p.note(), at, v);
    }
    if (fact instanceof ProposalApplied) {
      return p.moved(ProposalState.APPLIED, p.approval(), Optional.empty(), Optional.empty(), p.note(), at, v);
    }
    throw new IllegalStateException("not a proposal's fact: " + e.kind());
  }

  static OutboxQueue applyQueue(OutboxQueue q, LedgerEvent e) {
    OutboxQueue s = q == null ? OutboxQueue.empty(e.stream().id()) : q;
    if (e.payload() instanceof WriteCounted w) {
      int writes = s.writesOn(w.day()) + 1;
      return new OutboxQueue(s.queue(), Optional.of(w.channel()), Optional.of(w.day()), writes, s.restoreQuantity(),
          e.version());
    }
    if (e.payload() instanceof RestorePointSet r) {
      return new OutboxQueue(s.queue(), s.channel(), s.day(), s.writes(), r.quantity(), e.version());
    }
    throw new IllegalStateException("not an outbox queue's fact: " + e.kind());
  }

  /** The index keys a proposal holds in its state (see {@link ProposalStreams}). */
  static Set<UniqueKey> keys(Proposal p) {
    Set<UniqueKey> keys = new HashSet<>();
    String id = p.id().value();
    if (p.state() == ProposalState.PENDING) {
      keys.add(new UniqueKey(ProposalStreams.PENDING_KEY, ProposalStreams.sortable(p.draftedAt()) + "|" + id));
    }
    if (p.kind().sync() && (p.state() == ProposalState.PENDING || p.state().isApproved())) {
      keys.add(new UniqueKey(ProposalStreams.SYNC_KEY, p.target().id() + "|" + id));
    }
    p.outbox().ifPresent(o -> {
      keys.add(new UniqueKey(ProposalStreams.OUTBOX_KEY,
          o.queue() + "|" + ProposalStreams.sortable(o.enqueuedAt()) + "|" + id));
      o.dueAt().ifPresent(due -> keys.add(new UniqueKey(ProposalStreams.DUE_KEY, ProposalStreams.sortable(due) + "|" + id)));
    });
    if (p.state() == ProposalState.BLOCKED) {
      keys.add(new UniqueKey(ProposalStreams.BLOCKED_KEY, id));
    }
    return keys;
  }

  static final class ProposalType implements StreamType<Proposal> {
    @Override public StreamId.Kind kind() { return ProposalStreams.PROPOSAL; }
    @Override public Class<Proposal> stateType() { return Proposal.class; }
    @Override public Proposal fold(Proposal state, LedgerEvent event) { return apply(state, event); }
    @Override public Set<UniqueKey> uniqueKeys(Proposal state) { return keys(state); }
  }

  static final class QueueType implements StreamType<OutboxQueue> {
    @Override public StreamId.Kind kind() { return ProposalStreams.OUTBOX; }
    @Override public Class<OutboxQueue> stateType() { return OutboxQueue.class; }
    @Override public OutboxQueue fold(OutboxQueue state, LedgerEvent event) { return applyQueue(state, event); }
  }
}
