-- Approvals of proposals (core's org.resellledger.core.proposal), one row per approval event, written in
-- the same transaction as the event. Core refuses these cases first (SELF_APPROVAL, APPROVER_NOT_A_PERSON);
-- the checks here keep them out even from a writer that skips core: the author never approves its own
-- proposal, and only a person (or the system, under the workspace's auto-approval policy) approves.
-- Actors are kept as core writes them ("person:maya", "agent:repricer", "system:sync").
CREATE TABLE ledger_proposal_approvals (
  workspace_id        VARCHAR(64)  NOT NULL,
  proposal_id         VARCHAR(64)  NOT NULL,
  event_id            VARCHAR(64)  NOT NULL,
  author              VARCHAR(140) NOT NULL,
  approver            VARCHAR(140) NOT NULL,
  approver_kind       VARCHAR(16)  NOT NULL,
  CONSTRAINT ledger_proposal_approvals_pk PRIMARY KEY (workspace_id, event_id),
  CONSTRAINT ledger_proposal_approvals_not_own CHECK (author <> approver),
  CONSTRAINT ledger_proposal_approvals_person CHECK (approver_kind IN ('PERSON', 'SYSTEM'))
);

CREATE INDEX ledger_proposal_approvals_proposal_ix ON ledger_proposal_approvals (workspace_id, proposal_id);
