package org.resellledger.samples.web;

import org.resellledger.core.RejectionException;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalId;

/**
 * {@code POST /proposal/approve} (fields {@code proposal}, {@code digest}): approves the proposal as the
 * dashboard's person, bound to the digest the page showed; then back to the proposals page.
 *
 * <ul>
 *   <li>The digest comes from the form, never from the book: a proposal revised since the page was shown is
 *       refused by the ledger ({@code PROPOSAL_CHANGED}, 409) and stays as it is.
 * </ul>
 */
final class ProposalApproveAction implements Page {
  private final Books books;

  ProposalApproveAction(Books books) {
    this.books = books;
  }

  @Override
  public Response handle(Request request) {
    ProposalBook book = books.proposals()
        .orElseThrow(() -> new WebException(404, "This dashboard was started without its store's proposals."));
    ProposalId id = id(request);
    String digest = request.requireForm("digest");
    book.require(id);
    books.ledger().execute(new ApproveProposal(id, digest, books.origin()));
    return Response.seeOther(Urls.proposalsDecided(id.value()));
  }

  static ProposalId id(Request request) {
    try {
      return ProposalId.of(request.requireForm("proposal"));
    } catch (RejectionException e) {
      throw new WebException(400, "Not a proposal id: " + e.why());
    }
  }
}
