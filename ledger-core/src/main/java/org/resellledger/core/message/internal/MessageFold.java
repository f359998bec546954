package org.resellledger.core.message.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageFact;
import org.resellledger.core.message.MessageFact.MessageClosed;
import org.resellledger.core.message.MessageFact.MessageReceived;
import org.resellledger.core.message.MessageFact.MessageReplied;
import org.resellledger.core.message.MessageFact.ReplyApproved;
import org.resellledger.core.message.MessageFact.ReplyDrafted;
import org.resellledger.core.message.MessageFact.ReplyWithdrawn;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.store.StreamType;
import org.resellledger.core.store.UniqueKey;

/** How message facts fold into a message's state, and the keys that state holds. */
final class MessageFold {
  private MessageFold() {}

  static BuyerMessage apply(BuyerMessage m, LedgerEvent e) {
    MessageFact fact = (MessageFact) e.payload();
    long v = e.version();
    java.time.Instant at = e.recordedAt();
    if (fact instanceof MessageReceived r) {
      return new BuyerMessage(r.message(), r.channel(), r.providerMessageId(), r.order(), r.listing(), r.buyer(),
          r.text(), r.receivedAt(), MessageState.AWAITING_REPLY, Optional.empty(), Optional.empty(), e.id(), at, v);
    }
    if (m == null) {
      throw new IllegalStateException(e.kind() + " before MessageReceived in " + e.stream());
    }
    if (fact instanceof ReplyDrafted d) {
      return m.moved(MessageState.REPLY_DRAFTED, Optional.of(d.proposal()), Optional.empty(), at, v);
    }
    if (fact instanceof ReplyApproved a) {
      return m.moved(MessageState.REPLY_APPROVED, Optional.of(a.proposal()), Optional.empty(), at, v);
    }
    if (fact instanceof ReplyWithdrawn w) {
      return m.moved(MessageState.AWAITING_REPLY, Optional.empty(),
          Optional.of("reply " + w.proposal() + " " + w.outcome() + ": " + w.reason()), at, v);
    }
    if (fact instanceof MessageReplied r) {
      return m.moved(MessageState.REPLIED, Optional.of(r.proposal()), Optional.empty(), at, v);
    }
    if (fact instanceof MessageClosed c) {
      return m.moved(MessageState.CLOSED_WITHOUT_REPLY, Optional.empty(), Optional.of(c.reason()), at, v);
    }
    throw new IllegalStateException("not a message's fact: " + e.kind());
  }

  /** The index keys a message holds in its state (see {@link MessageStreams}). */
  static Set<UniqueKey> keys(BuyerMessage m) {
    Set<UniqueKey> keys = new HashSet<>();
    String received = org.resellledger.core.proposal.ProposalStreams.sortable(m.receivedAt()) + "|" + m.id().value();
    keys.add(new UniqueKey(MessageStreams.PROVIDER_KEY, MessageStreams.providerKey(m.channel(), m.providerMessageId())));
    if (m.state().waiting()) {
      keys.add(new UniqueKey(MessageStreams.WAITING_KEY, received));
    }
    m.order().ifPresent(o -> keys.add(new UniqueKey(MessageStreams.ORDER_KEY, MessageStreams.orderPrefix(o) + received)));
    return keys;
  }

  static final class MessageType implements StreamType<BuyerMessage> {
    @Override public StreamId.Kind kind() { return MessageStreams.MESSAGE; }
    @Override public Class<BuyerMessage> stateType() { return BuyerMessage.class; }
    @Override public BuyerMessage fold(BuyerMessage state, LedgerEvent event) { return apply(state, event); }
    @Override public Set<UniqueKey> uniqueKeys(BuyerMessage state) { return keys(state); }
  }
}
