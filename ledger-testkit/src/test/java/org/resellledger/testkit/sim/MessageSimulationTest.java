package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageBook;
import org.resellledger.core.message.MessageFact.MessageReceived;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * Buyer messages in the simulator: over random sequences (webhook deliveries and redeliveries, drafts by
 * agents and people, approvals, outbox writes with every answer, revisions, expiries, closings) every message
 * stands where its reply proposal says, and the sequences (of a fixed seed, so that the coverage asserted
 * here holds on every run) reach every message state.
 */
class MessageSimulationTest {

  @Test
  void everyMessage_followsItsReply_overRandomSequences() {
    AtomicReference<InMemoryLedgerStore> store = new AtomicReference<>();
    Set<MessageState> seen = EnumSet.noneOf(MessageState.class);
    SimulationReport report = LedgerSimulator.against(() -> {
          store.set(new InMemoryLedgerStore());
          return store.get();
        }).ignoringSystemProperties().seed(0x6d657373L).sequences(800).steps(40)
        .check("a message stands where its reply says", ledger -> follows(ledger, store.get(), seen))
        .run();

    assertThat(report.commandsByKind()).containsKeys("RecordBuyerMessage", "DraftBuyerReply", "CloseMessage");
    assertThat(report.rejectionsByCode()).containsKeys(RejectionCode.UNKNOWN_MESSAGE,
        RejectionCode.ILLEGAL_MESSAGE_TRANSITION);
    assertThat(seen).as("states reached").isEqualTo(EnumSet.allOf(MessageState.class));
  }

  private static Optional<String> follows(Ledger ledger, InMemoryLedgerStore store, Set<MessageState> seen) {
    MessageBook messages = MessageBook.of(ledger, store);
    ProposalBook proposals = ProposalBook.of(ledger, store);
    for (LedgerEvent e : ledger.events()) {
      if (!(e.payload() instanceof MessageReceived r)) {
        continue;
      }
      BuyerMessage m = messages.require(r.message());
      seen.add(m.state());
      Optional<ProposalState> reply = m.reply().flatMap(proposals::proposal).map(Proposal::state);
      boolean fits = switch (m.state()) {
        case AWAITING_REPLY, CLOSED_WITHOUT_REPLY -> m.reply().isEmpty();
        case REPLY_DRAFTED -> reply.filter(s -> s == ProposalState.PENDING).isPresent();
        case REPLY_APPROVED -> reply.filter(ProposalState::isApproved).isPresent();
        case REPLIED -> reply.filter(s -> s == ProposalState.APPLIED).isPresent();
      };
      boolean names = m.reply().flatMap(proposals::proposal)
          .map(p -> m.id().value().equals(p.params().get("message"))).orElse(true);
      if (!fits || !names) {
        return Optional.of("message " + m.id() + " is " + m.state() + " with reply " + m.reply() + " " + reply);
      }
    }
    return Optional.empty();
  }
}
