package org.resellledger.samples.web;

import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalId;

/**
 * {@code POST /proposal/reject} (fields {@code proposal}, {@code reason}): rejects the proposal as the
 * dashboard's person, with the reason given; then back to the proposals page.
 */
final class ProposalRejectAction implements Page {
  private final Books books;

  ProposalRejectAction(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    ProposalBook book = books.proposals()
        .orElseThrow(() -> new WebException(404, "This dashboard was started without its store's proposals."));
    ProposalId id = ProposalApproveAction.id(request);
    String reason = request.requireForm("reason");
    book.require(id);
    books.ledger().execute(new RejectProposal(id, reason, books.origin()));
    return Response.seeOther(Urls.proposalsDecided(id.value()));
  }
}
