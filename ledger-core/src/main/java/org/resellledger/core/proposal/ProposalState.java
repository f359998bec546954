package org.resellledger.core.proposal;

import java.util.Set;
import org.resellledger.core.value.Transitions;

/**
 * Where a proposal stands. Moves follow one explicit table ({@link #canMoveTo}); REJECTED, EXPIRED,
 * SUPERSEDED and APPLIED are final.
 *
 * <ul>
 *   <li>PENDING: drafted, waiting for a person (or the workspace's auto-approval policy).
 *   <li>APPROVED: approved for its exact parameters and target version; an external one is in the outbox.
 *       A revision before its write starts sends it back to PENDING; only an unstarted one expires.
 *   <li>APPLYING: the outbox has started writing it to the channel (an attempt may have reached it).
 *   <li>FAILED: the last attempt failed; it is retried after a backoff. BLOCKED: it failed too often and
 *       waits for a person (who retries it: FAILED, due now; or rejects it); only its own listing's queue
 *       waits with it.
 *   <li>SUPERSEDED: replaced by a newer proposal (coalesced, re-planned after its target moved, or redrafted
 *       with the channel's figure after compare-before-write found a difference).
 * </ul>
 */
public enum ProposalState {
  PENDING,
  APPROVED,
  REJECTED,
  EXPIRED,
  SUPERSEDED,
  APPLYING,
  APPLIED,
  FAILED,
  BLOCKED;

  private static final Transitions<ProposalState> TABLE =
      Transitions.of(ProposalState.class)
          .from(PENDING, APPROVED, REJECTED, SUPERSEDED)
          .from(APPROVED, PENDING, APPLYING, APPLIED, EXPIRED, SUPERSEDED)
          .from(APPLYING, APPLIED, FAILED, BLOCKED, SUPERSEDED)
          .from(FAILED, APPLYING, SUPERSEDED)
          .from(BLOCKED, FAILED, REJECTED, SUPERSEDED)
          .build();

  public boolean canMoveTo(ProposalState target) {
    return TABLE.allows(this, target);
  }

  public Set<ProposalState> next() {
    return TABLE.from(this);
  }

  /** Whether nothing more can happen to it. */
  public boolean isFinal() {
    return TABLE.from(this).isEmpty();
  }

  /** Whether it holds an approval that may still be applied (approved, in the outbox, retrying or blocked). */
  public boolean isApproved() {
    return this == APPROVED || this == APPLYING || this == FAILED || this == BLOCKED;
  }
}
