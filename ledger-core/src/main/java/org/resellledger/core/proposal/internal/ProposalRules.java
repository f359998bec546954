package org.resellledger.core.proposal.internal;

import java.time.Instant;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;

/**
 * The approval rules, in one place: each a named rule that refuses with its own code. Handlers call them in
 * the precedence order of {@code RejectionCode}.
 */
public final class ProposalRules {
  private ProposalRules() {}

  /** A draft (or revision) names at least one event or figure it rests on. */
  static void hasEvidence(Evidence evidence) {
    if (evidence.isEmpty()) {
      throw new RejectionException(RejectionCode.EVIDENCE_REQUIRED, "evidence", "none",
          "a proposal names the events or figures it rests on (and the reasoning that links them)");
    }
  }

  /** Only a person approves, rejects or retries; an agent, a channel or an import never does. */
  static void decidedByAPerson(Actor by, String what) {
    if (by.kind() != Actor.Kind.PERSON) {
      throw new RejectionException(RejectionCode.APPROVER_NOT_A_PERSON, "actor", by,
          "only a person may " + what + " a proposal; " + by.kind() + " actors never do");
    }
  }

  /** The author of a proposal never approves it. */
  static void notTheAuthor(Proposal p, Actor by) {
    if (p.author().equals(by)) {
      throw new RejectionException(RejectionCode.SELF_APPROVAL, "actor", by,
          "proposal " + p.id() + " was drafted by " + by + ", who may not approve it");
    }
  }

  /** The system approves only kinds the workspace's policy names, and never a risky change. */
  static void autoApprovable(Proposal p, ProposalPolicy policy) {
    if (!policy.autoApprove().contains(p.kind())) {
      throw new RejectionException(RejectionCode.AUTO_APPROVAL_OFF, "kind", p.kind(),
          "the workspace auto-approves only " + policy.autoApprove() + "; a person must approve");
    }
    if (p.risky()) {
      throw new RejectionException(RejectionCode.RISKY_AUTO_APPROVAL, "risks", p.risks(),
          "proposal " + p.id() + " is flagged " + p.risks() + "; a risky change is never auto-approved");
    }
  }

  /**
   * An approval sent again has no second effect: refused when the proposal holds an approval of its current
   * parameters (approved, in the outbox, or applied already).
   */
  static void notApprovedAlready(Proposal p) {
    boolean current = p.approval().filter(a -> a.digest().equals(p.digest())).isPresent();
    if (current && (p.state().isApproved() || p.state() == ProposalState.APPLIED)) {
      throw new RejectionException(RejectionCode.APPROVAL_REPLAYED, "proposal", p.id(),
          "proposal " + p.id() + " was approved already by " + p.approval().get().by() + " (" + p.state() + ")");
    }
  }

  /** Nothing more is decided on a closed proposal (rejected, superseded, expired, applied). */
  static void open(Proposal p) {
    if (p.state().isFinal()) {
      throw new RejectionException(RejectionCode.PROPOSAL_CLOSED, "proposal", p.id(),
          "proposal " + p.id() + " is " + p.state() + p.supersededBy().map(b -> " by " + b).orElse("")
              + "; nothing more can be decided on it");
    }
  }

  /** Applying twice has one effect: an applied proposal, or one whose write started, is not applied again. */
  static void notApplied(Proposal p) {
    if (p.state() == ProposalState.APPLIED) {
      throw new RejectionException(RejectionCode.ALREADY_APPLIED, "proposal", p.id(),
          "proposal " + p.id() + " is applied already");
    }
  }

  /** The approval (or what the approver saw) is of the proposal's current parameters. */
  static void sameParameters(Proposal p, String digest) {
    if (!p.digest().equals(digest)) {
      throw new RejectionException(RejectionCode.PROPOSAL_CHANGED, "digest", digest,
          "proposal " + p.id() + " now has digest " + p.digest() + "; its parameters changed, approve it again");
    }
  }

  /** Applying needs a current approval: none is NOT_APPROVED, one of other parameters PROPOSAL_CHANGED. */
  static void approved(Proposal p) {
    if (p.approval().isPresent() && !p.approval().get().digest().equals(p.digest())) {
      sameParameters(p, p.approval().get().digest());
    }
    if (!p.state().isApproved()) {
      throw new RejectionException(RejectionCode.NOT_APPROVED, "proposal", p.id(),
          "proposal " + p.id() + " is " + p.state() + "; only an approved proposal is applied");
    }
  }

  /** An expired approval applies nothing. */
  static void notExpired(Proposal p, Instant now) {
    if (p.approval().isPresent() && p.approval().get().expiredAt(now)) {
      throw new RejectionException(RejectionCode.APPROVAL_EXPIRED, "approval.expiresAt",
          p.approval().get().expiresAt(), "the approval of proposal " + p.id() + " expired; approve it again");
    }
  }

  /** The target is at the version the proposal rests on; otherwise it is re-planned, never forced. */
  static void targetUnmoved(Proposal p, String current) {
    if (!p.targetVersion().equals(current)) {
      throw new RejectionException(RejectionCode.TARGET_MOVED, "targetVersion", current,
          "proposal " + p.id() + " rests on " + p.target() + " at " + p.targetVersion() + ", which is now " + current);
    }
  }

  /** Only a blocked write is retried by hand (a failed one retries by itself). */
  static void blocked(Proposal p) {
    if (p.state() != ProposalState.BLOCKED) {
      throw new RejectionException(RejectionCode.ILLEGAL_PROPOSAL_TRANSITION, "state", p.state(),
          "proposal " + p.id() + " is " + p.state() + "; only a BLOCKED write is retried by hand");
    }
  }

  /** Only a started attempt (APPLYING) gets the channel's answer. */
  static void writing(Proposal p) {
    if (p.state() != ProposalState.APPLYING) {
      throw new RejectionException(RejectionCode.ILLEGAL_PROPOSAL_TRANSITION, "state", p.state(),
          "proposal " + p.id() + " is " + p.state() + "; only a started write (APPLYING) gets an answer");
    }
  }

  /**
   * A reply answers the buyer message it was drafted for: a revision keeps its {@code message} parameter
   * (the message follows its reply), and a reply to another message is drafted anew.
   */
  static void sameMessage(Proposal p, java.util.Map<String, String> revised) {
    String before = p.params().get("message");
    if (!java.util.Objects.equals(before, revised.get("message"))) {
      throw RejectionException.invalid("params.message", revised.getOrDefault("message", "none"),
          "proposal " + p.id() + " answers " + (before == null ? "no buyer message" : "buyer message " + before)
              + "; a revision keeps that, a reply to another message is drafted anew");
    }
  }

  /** A move along {@link ProposalState}'s table. */
  static void move(Proposal p, ProposalState to) {
    if (!p.state().canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_PROPOSAL_TRANSITION, "state", to,
          "proposal " + p.id() + " cannot move from " + p.state() + " to " + to + "; allowed: " + p.state().next());
    }
  }
}
