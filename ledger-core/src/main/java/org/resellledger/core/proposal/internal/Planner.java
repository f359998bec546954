package org.resellledger.core.proposal.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.OutboxEntry;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalFact.ProposalApproved;
import org.resellledger.core.proposal.ProposalFact.ProposalDrafted;
import org.resellledger.core.proposal.ProposalFact.ProposalSuperseded;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.RiskFlag;

/** Drafting and approving, for people's commands and the ledger's own rules alike. */
final class Planner {
  /** The actor of the workspace's auto-approval policy. */
  static final Actor AUTO_APPROVAL = Actor.system("auto-approval");

  private Planner() {}

  /**
   * Drafts a proposal by the transaction's current actor (evidence required, parameters checked, target
   * read, its version, risks and channel recorded), then approves it in the same transaction when the
   * workspace's policy auto-approves its kind and it is not risky.
   */
  static Proposal draft(Tx tx, ProposalKind kind, ProposalTarget target, Map<String, String> params,
      Evidence evidence, Optional<ProposalId> replaces) {
    org.resellledger.core.value.Checks.present("kind", kind);
    org.resellledger.core.value.Checks.present("target", target);
    if (target.type() != kind.target()) {
      throw org.resellledger.core.RejectionException.invalid("target", target,
          kind + " changes a " + kind.target().name().toLowerCase(java.util.Locale.ROOT));
    }
    SortedMap<String, String> canonical = kind.canonical(params);
    Targets.Resolved t = Targets.resolve(tx, target);
    ProposalRules.hasEvidence(org.resellledger.core.value.Checks.present("evidence", evidence));
    Set<RiskFlag> risks = RiskRules.flags(kind, canonical, t, tx.config());
    ProposalId id = ProposalId.of(tx.newId());
    Proposal p = Proposals.start(tx, id, new ProposalDrafted(id, kind, target, Targets.version(kind, t), canonical,
        Digest.of(kind, target, canonical), evidence, risks, kind.external() ? t.channel() : Optional.empty(), replaces),
        tx.origin().causation());
    coalescePending(tx, p, "drafted");
    ProposalPolicy policy = tx.config().proposals();
    if (policy.autoApprove().contains(kind) && risks.isEmpty()) {
      Proposal[] approved = {p};
      tx.within(Origin.of(Source.SYSTEM_RULE, AUTO_APPROVAL).causedBy(id.value()),
          () -> approved[0] = approve(tx, approved[0], true));
      p = approved[0];
    }
    return p;
  }

  /**
   * A listing has at most one pending sync proposal: the latest one ({@code latest}, just drafted or just
   * revised back to pending) supersedes the others.
   */
  static void coalescePending(Tx tx, Proposal latest, String how) {
    if (!latest.kind().sync()) {
      return;
    }
    for (Proposal other : Proposals.withKey(tx, ProposalStreams.SYNC_KEY, latest.target().id() + "|")) {
      if (!other.id().equals(latest.id()) && other.state() == ProposalState.PENDING) {
        supersede(tx, other, Optional.of(latest.id()), "coalesced: a later target for the listing was " + how);
      }
    }
  }

  /**
   * Records the approval of {@code p} by the transaction's actor, bound to its digest and target version,
   * with the workspace's expiry; an external change enters the outbox in the same transaction. A sync write
   * of the same listing that waits and has not started is superseded: the last target wins.
   */
  static Proposal approve(Tx tx, Proposal p, boolean automatic) {
    ProposalRules.move(p, ProposalState.APPROVED);
    Instant now = tx.config().clock().instant();
    Optional<OutboxEntry> entry = p.kind().external()
        ? Optional.of(new OutboxEntry(p.target().id(), p.channel().orElseThrow(), "rl-" + p.id().value(), now, 0,
            Optional.of(now), Optional.empty()))
        : Optional.empty();
    Proposal approved = Proposals.append(tx, p, new ProposalApproved(p.digest(), p.targetVersion(),
        now.plus(tx.config().proposals().approvalTtl()), automatic, entry), Optional.of(p.id().value()));
    if (p.kind().sync()) {
      for (Proposal other : Proposals.withKey(tx, ProposalStreams.SYNC_KEY, p.target().id() + "|")) {
        boolean waiting = other.state() == ProposalState.APPROVED
            && other.outbox().map(o -> o.attempts() == 0).orElse(false);
        if (!other.id().equals(p.id()) && waiting) {
          supersede(tx, other, Optional.of(p.id()), "coalesced: a later target for the listing was approved");
        }
      }
    }
    return approved;
  }

  /**
   * The write of {@code queue} that goes next: one whose attempt started (at most one, it holds the queue
   * until it is answered, even blocked), else the first enqueued. Empty when the queue is empty.
   */
  static Optional<Proposal> head(List<Proposal> queue) {
    return queue.stream().filter(p -> p.outbox().map(o -> o.attempts() > 0).orElse(false)).findFirst()
        .or(() -> queue.stream().findFirst());
  }

  static Proposal supersede(Tx tx, Proposal p, Optional<ProposalId> by, String reason) {
    ProposalRules.move(p, ProposalState.SUPERSEDED);
    return Proposals.append(tx, p, new ProposalSuperseded(by, reason), by.map(ProposalId::value));
  }
}
