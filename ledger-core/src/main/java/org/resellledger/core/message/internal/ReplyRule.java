package org.resellledger.core.message.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.command.Command;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageFact.MessageReplied;
import org.resellledger.core.message.MessageFact.ReplyApproved;
import org.resellledger.core.message.MessageFact.ReplyDrafted;
import org.resellledger.core.message.MessageFact.ReplyWithdrawn;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalFact.ProposalApplied;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;

/**
 * A message follows its reply, in the transaction of every command that moves a {@code SEND_BUYER_REPLY}
 * proposal naming it ({@code message} parameter): drafted, approved, revised back to pending, ended unsent
 * (rejected, superseded, expired: it waits again), written by the outbox (REPLIED, citing the proposal).
 * A reply to a message that is closed, replied, about another order, or that has another reply open is
 * refused with the command that drafted it. It reads only the proposals the command changed, and decides
 * from their states, so running again (a nested command, then the outer one) adds nothing.
 */
final class ReplyRule {
  private ReplyRule() {}

  static void after(Command command, Tx tx, int firstEvent) {
    Map<BuyerMessageId, List<Proposal>> touched = new LinkedHashMap<>();
    Map<BuyerMessageId, LedgerEvent> applied = new LinkedHashMap<>();
    for (LedgerEvent e : tx.eventsSince(firstEvent)) {
      if (e.stream().kind() != ProposalStreams.PROPOSAL) {
        continue;
      }
      Proposal p = tx.held(e.stream());
      String message = p.params().get("message");
      if (p.kind() != ProposalKind.SEND_BUYER_REPLY || message == null) {
        continue;
      }
      BuyerMessageId id = BuyerMessageId.of(message);
      List<Proposal> ofMessage = touched.computeIfAbsent(id, k -> new ArrayList<>());
      if (!ofMessage.contains(p)) {
        ofMessage.add(p);
      }
      if (e.payload() instanceof ProposalApplied) {
        applied.put(id, e);
      }
    }
    touched.forEach((id, proposals) -> follow(tx, Messages.message(tx, "params.message", id), proposals,
        Optional.ofNullable(applied.get(id))));
  }

  private static void follow(Tx tx, BuyerMessage m, List<Proposal> proposals, Optional<LedgerEvent> appliedEvent) {
    Optional<Proposal> current = m.reply().flatMap(r -> proposals.stream().filter(p -> p.id().equals(r)).findFirst());
    if (current.isPresent() && ended(current.get().state()) && !m.state().isFinal()) {
      Proposal q = current.get();
      m = step(tx, m, MessageState.AWAITING_REPLY, new ReplyWithdrawn(q.id(), q.state(),
          q.note().orElse(q.state().name().toLowerCase(java.util.Locale.ROOT))), q);
    }
    Optional<Proposal> live = proposals.stream().filter(p -> p.state() == ProposalState.APPLIED
        || p.state() == ProposalState.PENDING || p.state().isApproved()).reduce((a, b) -> b);
    if (live.isEmpty()) {
      return;
    }
    Proposal p = live.get();
    boolean ours = m.reply().filter(p.id()::equals).isPresent();
    if (!ours) {
      fits(m, p);
      m = step(tx, m, MessageState.REPLY_DRAFTED, new ReplyDrafted(p.id()), p);
    }
    if (p.state() == ProposalState.PENDING && m.state() != MessageState.REPLY_DRAFTED) {
      m = step(tx, m, MessageState.REPLY_DRAFTED, new ReplyDrafted(p.id()), p); // revised: approval void
    }
    if ((p.state().isApproved() || p.state() == ProposalState.APPLIED) && m.state() == MessageState.REPLY_DRAFTED) {
      m = step(tx, m, MessageState.REPLY_APPROVED, new ReplyApproved(p.id()), p);
    }
    if (p.state() == ProposalState.APPLIED && m.state() == MessageState.REPLY_APPROVED) {
      step(tx, m, MessageState.REPLIED, new MessageReplied(p.id(),
          appliedEvent.map(e -> ((ProposalApplied) e.payload()).outcome()).orElse(Optional.empty())), p);
    }
  }

  private static boolean ended(ProposalState s) {
    return s == ProposalState.REJECTED || s == ProposalState.SUPERSEDED || s == ProposalState.EXPIRED;
  }

  /** A new reply is to an open message with no other reply open, about the order the proposal targets. */
  private static void fits(BuyerMessage m, Proposal p) {
    if (m.order().filter(o -> o.value().equals(p.target().id())).isEmpty()) {
      throw RejectionException.invalid("params.message", m.id(), "message " + m.id() + " is about "
          + m.order().map(o -> "order " + o).orElse("no order") + ", not " + p.target());
    }
    if (m.reply().isPresent()) {
      throw new RejectionException(RejectionCode.ILLEGAL_MESSAGE_TRANSITION, "params.message", m.id(),
          "message " + m.id() + " has reply " + m.reply().get() + " (" + m.state() + "); revise or reject it"
              + " instead of drafting another");
    }
  }

  private static BuyerMessage step(Tx tx, BuyerMessage m, MessageState to,
      org.resellledger.core.message.MessageFact fact, Proposal cause) {
    MessageRules.move(m, to);
    return Messages.append(tx, m, fact, Optional.of(cause.id().value()));
  }
}
