package org.resellledger.core.proposal.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.ItemCommand.ChangeItemDetails;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalCommand.ApplyProposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.RetryProposal;
import org.resellledger.core.proposal.ProposalCommand.ReviseProposal;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalFact.ProposalApplied;
import org.resellledger.core.proposal.ProposalFact.ProposalExpired;
import org.resellledger.core.proposal.ProposalFact.ProposalRejected;
import org.resellledger.core.proposal.ProposalFact.ProposalRetried;
import org.resellledger.core.proposal.ProposalFact.ProposalRevised;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.value.Checks;

/** Decides the proposal commands of people and agents; checks in the precedence order of {@code RejectionCode}. */
final class ProposalHandlers {
  private ProposalHandlers() {}

  static void draft(DraftProposal x, Tx tx) {
    Planner.draft(tx, x.kind(), x.target(), x.params(), x.evidence(), Optional.empty());
  }

  static void revise(ReviseProposal x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    var canonical = p.kind().canonical(x.params());
    ProposalRules.sameMessage(p, canonical);
    Evidence evidence = Checks.present("evidence", x.evidence());
    ProposalRules.hasEvidence(evidence);
    ProposalRules.open(p);
    if (p.state() != ProposalState.PENDING && !(p.state() == ProposalState.APPROVED
        && p.outbox().map(o -> o.attempts() == 0).orElse(true))) {
      ProposalRules.move(p, ProposalState.PENDING);
    }
    Targets.Resolved t = Targets.resolve(tx, p.target());
    Proposal revised = Proposals.append(tx, p, new ProposalRevised(canonical, Digest.of(p.kind(), p.target(),
        canonical), evidence, RiskRules.flags(p.kind(), canonical, t, tx.config()), Targets.version(p.kind(), t)),
        tx.origin().causation());
    Planner.coalescePending(tx, revised, "revised");
  }

  static void approve(ApproveProposal x, Tx tx) {
    Checks.present("digest", x.digest());
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    Actor by = x.origin().actor();
    boolean automatic = by.kind() == Actor.Kind.SYSTEM;
    if (automatic) {
      ProposalRules.autoApprovable(p, tx.config().proposals());
    } else {
      ProposalRules.decidedByAPerson(by, "approve");
    }
    ProposalRules.notTheAuthor(p, by);
    ProposalRules.notApprovedAlready(p);
    ProposalRules.open(p);
    ProposalRules.sameParameters(p, x.digest());
    ProposalRules.targetUnmoved(p, Targets.version(p.kind(), Targets.resolve(tx, p.target())));
    Planner.approve(tx, p, automatic);
  }

  static void reject(RejectProposal x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    String reason = Checks.text("reason", x.reason(), 1000);
    ProposalRules.decidedByAPerson(x.origin().actor(), "reject");
    ProposalRules.open(p);
    ProposalRules.move(p, ProposalState.REJECTED);
    Proposals.append(tx, p, new ProposalRejected(reason), tx.origin().causation());
  }

  static void retry(RetryProposal x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    ProposalRules.decidedByAPerson(x.origin().actor(), "retry");
    ProposalRules.open(p);
    ProposalRules.blocked(p);
    Proposals.append(tx, p, new ProposalRetried(tx.config().clock().instant()), tx.origin().causation());
  }

  /** Applies an approved proposal that changes the ledger only; see {@link #checkApplicable}. */
  static void apply(ApplyProposal x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    if (p.kind().external()) {
      throw RejectionException.invalid("proposal", p.id(),
          p.kind() + " writes to a channel: the outbox applies it once approved");
    }
    Targets.Resolved t = checkApplicable(tx, p);
    ProposalRules.move(p, ProposalState.APPLIED);
    String reasoning = p.evidence().reasoning();
    // a count's adjustment names the count in its reason: the ledger entry says why units moved
    Origin because = x.origin().causedBy(p.id().value()).because("proposal " + p.id() + " (" + p.kind() + ")"
        + (p.kind() == ProposalKind.ADJUST_FROM_COUNT && !reasoning.isEmpty()
            ? ": " + reasoning.substring(0, Math.min(reasoning.length(), 900)) : ""));
    Item item = t.item();
    if (p.kind() == ProposalKind.ADJUST_FROM_COUNT) {
      long delta = p.intParam("counted") - item.available();
      if (delta != 0) {
        Registry.standard().dispatch(new AdjustQuantity(item.sku(), (int) delta, because), tx);
      }
    } else if (p.kind() == ProposalKind.CHANGE_ITEM_FIELDS) {
      Map<String, String> f = p.params();
      ItemDetails.Builder after = ItemDetails.builder().from(item.details());
      if (f.containsKey("title")) {
        after.title(f.get("title"));
      }
      if (f.containsKey("brand")) {
        after.brand(f.get("brand"));
      }
      if (f.containsKey("notes")) {
        after.notes(f.get("notes"));
      }
      Registry.standard().dispatch(new ChangeItemDetails(item.sku(), after.build(), because), tx);
    }
    Proposals.append(tx, Proposals.proposal(tx, p.id()), new ProposalApplied(Optional.empty()),
        Optional.of(p.id().value()));
  }

  /**
   * The rules an apply (or an outbox write's first attempt) passes: not applied already, not closed,
   * approved for its current parameters, not expired, target unmoved.
   */
  static Targets.Resolved checkApplicable(Tx tx, Proposal p) {
    ProposalRules.notApplied(p);
    ProposalRules.open(p);
    ProposalRules.approved(p);
    ProposalRules.notExpired(p, tx.config().clock().instant());
    Targets.Resolved t = Targets.resolve(tx, p.target());
    ProposalRules.targetUnmoved(p, Targets.version(p.kind(), t));
    return t;
  }

  /** Records what an approved, unstarted proposal that can no longer apply has become (expired, re-planned). */
  static void settle(SettleProposal x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    boolean unstarted = p.state() == ProposalState.APPROVED && p.outbox().map(o -> o.attempts() == 0).orElse(true);
    if (!unstarted) {
      return;
    }
    Instant now = tx.config().clock().instant();
    if (p.approval().isPresent() && p.approval().get().expiredAt(now)) {
      Proposals.append(tx, p, new ProposalExpired(now), Optional.of(p.id().value()));
      return;
    }
    Targets.Resolved t = Targets.resolve(tx, p.target());
    if (!Targets.version(p.kind(), t).equals(p.targetVersion())) {
      Replan.replan(tx, p, t);
    }
  }
}
