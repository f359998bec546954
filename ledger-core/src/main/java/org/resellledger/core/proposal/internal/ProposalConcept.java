package org.resellledger.core.proposal.internal;

import static org.resellledger.core.proposal.ProposalStreams.OUTBOX;
import static org.resellledger.core.proposal.ProposalStreams.PROPOSAL;

import org.resellledger.core.engine.Registry;
import org.resellledger.core.proposal.ProposalCommand.ApplyProposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.FinishWrite;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.RetryProposal;
import org.resellledger.core.proposal.ProposalCommand.ReviseProposal;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.ledger.LedgerEvent;
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

import org.resellledger.core.store.StreamTypes;

/**
 * The proposal concept's registration: its two stream kinds, a handler per command, a fold per fact, and
 * the sync rule that follows every command in its transaction.
 */
public final class ProposalConcept {
  private ProposalConcept() {}

  public static void register(Registry r) {
    StreamTypes.register(new ProposalFold.ProposalType());
    StreamTypes.register(new ProposalFold.QueueType());

    r.handle(DraftProposal.class, ProposalHandlers::draft);
    r.handle(ReviseProposal.class, ProposalHandlers::revise);
    r.handle(ApproveProposal.class, ProposalHandlers::approve);
    r.handle(RejectProposal.class, ProposalHandlers::reject);
    r.handle(ApplyProposal.class, ProposalHandlers::apply);
    r.handle(SettleProposal.class, ProposalHandlers::settle);
    r.handle(RetryProposal.class, ProposalHandlers::retry);
    r.handle(StartWrite.class, OutboxHandlers::start);
    r.handle(FinishWrite.class, OutboxHandlers::finish);

    r.fold(ProposalDrafted.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalRevised.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalApproved.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalRejected.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalSuperseded.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalExpired.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalWriteStarted.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalWriteFailed.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalRetried.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(ProposalApplied.class, PROPOSAL, ProposalConcept::proposal);
    r.fold(WriteCounted.class, OUTBOX, ProposalConcept::queue);
    r.fold(RestorePointSet.class, OUTBOX, ProposalConcept::queue);

    r.afterCommand(SyncRule::after);
  }

  private static Proposal proposal(Proposal state, LedgerEvent e, ProposalFact fact) {
    return ProposalFold.apply(state, e);
  }

  private static OutboxQueue queue(OutboxQueue state, LedgerEvent e, ProposalFact fact) {
    return ProposalFold.applyQueue(state, e);
  }
}
