package org.resellledger.jooq.internal;

import static org.resellledger.jooq.internal.schema.Tables.LEDGER_PROPOSAL_APPROVALS;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalFact.ProposalApproved;
import org.resellledger.core.store.Commit;
import org.resellledger.core.store.StreamState;
import org.resellledger.jooq.internal.schema.tables.records.LedgerProposalApprovalsRecord;

/**
 * The approval rows of a commit (table {@code ledger_proposal_approvals}, migration V6): the database's
 * own guard that the author of a proposal never approves it and that only a person or the system does.
 * Core refuses both first; a commit that breaks them anyway is refused here, whole.
 */
final class ApprovalRows {
  private ApprovalRows() {}

  static void write(DSLContext dsl, WorkspaceId ws, Commit commit) {
    List<LedgerProposalApprovalsRecord> rows = new ArrayList<>();
    for (LedgerEvent e : commit.events()) {
      if (e.payload() instanceof ProposalApproved) {
        Proposal p = commit.streams().stream().filter(s -> s.stream().equals(e.stream())).map(StreamState::state)
            .map(Proposal.class::cast).findFirst()
            .orElseThrow(() -> new IllegalStateException("an approval without its proposal's state: " + e.stream()));
        LedgerProposalApprovalsRecord r = dsl.newRecord(LEDGER_PROPOSAL_APPROVALS);
        r.setWorkspaceId(ws.value());
        r.setProposalId(p.id().value());
        r.setEventId(e.id().value());
        r.setAuthor(p.author().toString());
        r.setApprover(e.actor().toString());
        r.setApproverKind(e.actor().kind().name());
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    // a refusal (ledger_proposal_approvals_not_own, _person) fails the whole commit, named by its constraint
    dsl.batchInsert(rows).execute();
  }
}
