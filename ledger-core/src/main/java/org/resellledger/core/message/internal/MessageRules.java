package org.resellledger.core.message.internal;

import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageState;

/** The rules of buyer messages, each a named rule that refuses with its own code. */
final class MessageRules {
  private MessageRules() {}

  /** A move along {@link MessageState}'s table. */
  static void move(BuyerMessage m, MessageState to) {
    if (!m.state().canMoveTo(to)) {
      throw new RejectionException(RejectionCode.ILLEGAL_MESSAGE_TRANSITION, "state", to,
          "message " + m.id() + " cannot move from " + m.state() + " to " + to + "; allowed: " + m.state().next()
              + m.reply().map(r -> " (its reply is proposal " + r + ")").orElse(""));
    }
  }

  /** A new reply is drafted for a message that waits for one; one with a reply open is revised or rejected. */
  static void awaitingReply(BuyerMessage m) {
    if (m.state() != MessageState.AWAITING_REPLY) {
      throw new RejectionException(RejectionCode.ILLEGAL_MESSAGE_TRANSITION, "message", m.id(),
          "message " + m.id() + " is " + m.state() + m.reply().map(r -> " with reply " + r + "; revise or reject that"
              + " reply instead of drafting another").orElse("; a reply is drafted only while it awaits one"));
    }
  }

  /** Only a person decides that a message gets no reply; an agent drafts replies, it never closes work. */
  static void closedByAPerson(Actor by) {
    if (by.kind() != Actor.Kind.PERSON) {
      throw new RejectionException(RejectionCode.APPROVER_NOT_A_PERSON, "actor", by,
          "only a person may close a buyer message without a reply; " + by.kind() + " actors never do");
    }
  }

  /** A reply is drafted for a message about an order: a {@code SEND_BUYER_REPLY} proposal targets the order. */
  static void aboutAnOrder(BuyerMessage m) {
    if (m.order().isEmpty()) {
      throw RejectionException.invalid("message.order", "none",
          "a reply is drafted to a message about an order; message " + m.id() + " names none (close it, or"
              + " answer it on the channel)");
    }
  }
}
