package org.resellledger.core.proposal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.SyncStatus;

/**
 * The commands of the proposal lane. People and agents draft; only people approve and reject; the outbox
 * ({@code outbox.Outbox}) records its writes with {@link StartWrite} and {@link FinishWrite}. The actor of
 * each is its origin's.
 */
public sealed interface ProposalCommand extends Command {

  /** Draft a proposal; its evidence must name at least one event or figure. Causation: the origin's. */
  record DraftProposal(ProposalKind kind, ProposalTarget target, Map<String, String> params, Evidence evidence,
      Origin origin) implements ProposalCommand {}

  /** Change a pending or approved proposal's parameters or evidence; any approval is void. */
  record ReviseProposal(ProposalId proposal, Map<String, String> params, Evidence evidence, Origin origin)
      implements ProposalCommand {}

  /**
   * Approve a pending proposal as shown: {@code digest} is the digest the approver saw ({@link Proposal#digest()}).
   * A person approves; the system approves only under the workspace's auto-approval policy.
   */
  record ApproveProposal(ProposalId proposal, String digest, Origin origin) implements ProposalCommand {}

  /** Reject a pending (or blocked) proposal, saying why. A person only. */
  record RejectProposal(ProposalId proposal, String reason, Origin origin) implements ProposalCommand {}

  /** Apply an approved proposal that changes the ledger only (external ones go through the outbox). */
  record ApplyProposal(ProposalId proposal, Origin origin) implements ProposalCommand {}

  /**
   * Record what an approved proposal that can no longer be applied has become: EXPIRED when its approval
   * ran out, SUPERSEDED by a re-planned proposal when its target moved. Nothing when neither.
   */
  record SettleProposal(ProposalId proposal, Origin origin) implements ProposalCommand {}

  /** Send a blocked outbox write back to the queue. A person only. */
  record RetryProposal(ProposalId proposal, Origin origin) implements ProposalCommand {}

  /** The outbox starts attempt {@code attempt} of a write; unanswered, it is due again at {@code retryAt}. */
  record StartWrite(ProposalId proposal, int attempt, Instant retryAt, Origin origin) implements ProposalCommand {}

  /**
   * The outbox records the channel's answer: applied (WRITTEN, ALREADY_AT_TARGET: the local listing follows),
   * MISMATCH (superseded by a proposal carrying the channel's figure), FAILED (retried at {@code retryAt}, or
   * blocked when empty).
   */
  record FinishWrite(ProposalId proposal, WriteOutcome outcome, Optional<Integer> channelQuantity,
      Optional<SyncStatus> channelStatus, Optional<String> error, Optional<Instant> retryAt, Origin origin)
      implements ProposalCommand {}
}
