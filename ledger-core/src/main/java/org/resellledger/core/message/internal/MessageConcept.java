package org.resellledger.core.message.internal;

import static org.resellledger.core.message.MessageStreams.MESSAGE;

import org.resellledger.core.engine.Registry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageCommand.CloseMessage;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import org.resellledger.core.message.MessageFact;
import org.resellledger.core.message.MessageFact.MessageClosed;
import org.resellledger.core.message.MessageFact.MessageReceived;
import org.resellledger.core.message.MessageFact.MessageReplied;
import org.resellledger.core.message.MessageFact.ReplyApproved;
import org.resellledger.core.message.MessageFact.ReplyDrafted;
import org.resellledger.core.message.MessageFact.ReplyWithdrawn;
import org.resellledger.core.store.StreamTypes;

/**
 * The buyer-message concept's registration: its stream kind, a handler per command, a fold per fact, and
 * the rule that makes a message follow its reply proposal in the same transaction.
 */
public final class MessageConcept {
  private MessageConcept() {}

  public static void register(Registry r) {
    StreamTypes.register(new MessageFold.MessageType());

    r.handle(RecordBuyerMessage.class, MessageHandlers::record);
    r.handle(DraftBuyerReply.class, MessageHandlers::draft);
    r.handle(CloseMessage.class, MessageHandlers::close);

    r.fold(MessageReceived.class, MESSAGE, MessageConcept::message);
    r.fold(ReplyDrafted.class, MESSAGE, MessageConcept::message);
    r.fold(ReplyApproved.class, MESSAGE, MessageConcept::message);
    r.fold(ReplyWithdrawn.class, MESSAGE, MessageConcept::message);
    r.fold(MessageReplied.class, MESSAGE, MessageConcept::message);
    r.fold(MessageClosed.class, MESSAGE, MessageConcept::message);

    r.afterCommand(ReplyRule::after);
  }

  private static BuyerMessage message(BuyerMessage state, LedgerEvent e, MessageFact fact) {
    return MessageFold.apply(state, e);
  }
}
