package org.resellledger.samples.web;

import java.time.Clock;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.Reports;

/**
 * What every page reads and writes through: the ledger, its inbox when the store keeps one, its proposals when
 * the dashboard was given the store, its exception queues and reports (also only with the store), and the person
 * the dashboard records as the actor of every change.
 */
record Books(Ledger ledger, Optional<InboxStore> inbox, Optional<ProposalBook> proposals, Optional<Queues> queues,
    Optional<Reports> reports, String person) {
  /** Every change made through the page: source MANUAL, the person as actor. */
  Origin origin() {
    return Origin.manual(person);
  }

  Clock clock() {
    return ledger.config().clock();
  }
}
