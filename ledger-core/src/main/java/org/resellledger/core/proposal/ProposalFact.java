package org.resellledger.core.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.listing.Channel;

/**
 * The facts of a proposal's stream (kind {@code PROPOSAL}), and of an outbox queue's stream (kind
 * {@code OUTBOX}: one per listing or order a channel write goes to). The author, approver or writer of each
 * is its event's actor; causation and time are on the envelope.
 */
public sealed interface ProposalFact extends EventPayload {

  /** A proposal was drafted: its kind, target and the version drafted against, exact parameters, evidence. */
  record ProposalDrafted(ProposalId proposal, ProposalKind kind, ProposalTarget target, String targetVersion,
      Map<String, String> params, String digest, Evidence evidence, Set<RiskFlag> risks, Optional<Channel> channel,
      Optional<ProposalId> replaces) implements ProposalFact {}

  /** Its parameters or evidence changed; any approval it had is void, it is PENDING again. */
  record ProposalRevised(Map<String, String> params, String digest, Evidence evidence, Set<RiskFlag> risks,
      String targetVersion) implements ProposalFact {}

  /** Approved for exactly {@code digest} at {@code targetVersion}; an external one enters the outbox. */
  record ProposalApproved(String digest, String targetVersion, Instant expiresAt, boolean automatic,
      Optional<OutboxEntry> outbox) implements ProposalFact {}

  /** A person said no. */
  record ProposalRejected(String reason) implements ProposalFact {}

  /** Replaced by {@code by} (coalesced, re-planned or redrafted with the channel's figure), or simply closed. */
  record ProposalSuperseded(Optional<ProposalId> by, String reason) implements ProposalFact {}

  /** Its approval ran out before it was applied; nothing was applied. */
  record ProposalExpired(Instant expiredAt) implements ProposalFact {}

  /** The outbox started attempt {@code attempt} of its write; if no answer is recorded, it retries at {@code retryAt}. */
  record ProposalWriteStarted(int attempt, Instant retryAt) implements ProposalFact {}

  /** The channel's answer to an attempt that did not apply it: a failure to retry at {@code retryAt}, or blocked. */
  record ProposalWriteFailed(int attempt, String error, Optional<Instant> retryAt) implements ProposalFact {}

  /** A person sent a blocked write back to the outbox. */
  record ProposalRetried(Instant dueAt) implements ProposalFact {}

  /** Applied: written to its channel (WRITTEN, or ALREADY_AT_TARGET), or in the ledger (no outcome). */
  record ProposalApplied(Optional<WriteOutcome> outcome) implements ProposalFact {}

  /** An outbox queue counted one write against the day's edit budget. */
  record WriteCounted(Channel channel, LocalDate day) implements ProposalFact {}

  /**
   * An outbox queue remembers the listed quantity a sync lowering started from (empty: forget it), so that
   * relist and raise proposals restore it when units come back.
   */
  record RestorePointSet(Optional<Integer> quantity) implements ProposalFact {}
}
