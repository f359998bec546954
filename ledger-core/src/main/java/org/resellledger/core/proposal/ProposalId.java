package org.resellledger.core.proposal;

import org.resellledger.core.value.Checks;

/** The ledger's identity of one proposal, and the id of its stream. */
public record ProposalId(String value) {
  public ProposalId {
    value = Checks.text("proposalId", value, 64);
  }

  public static ProposalId of(String value) {
    return new ProposalId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
