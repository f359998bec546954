package org.resellledger.core.message.internal;

import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.UniqueKey;
import org.resellledger.core.value.Checks;

/** Message streams inside a transaction: reading one, finding one by its provider's id, appending. */
final class Messages {
  private Messages() {}

  /** The message, or an {@code UNKNOWN_MESSAGE} rejection naming {@code field}. */
  static BuyerMessage message(Tx tx, String field, BuyerMessageId id) {
    Checks.present(field, id);
    StreamId stream = MessageStreams.of(id);
    BuyerMessage held = tx.held(stream);
    if (held != null) {
      return held;
    }
    StreamState stored = tx.store().state(tx.workspace(), stream).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_MESSAGE, field, id, "no buyer message with this id"));
    return tx.join(stream, (BuyerMessage) stored.state(), stored.version());
  }

  /**
   * The message recorded for a provider's message id, in this transaction or the store; when the
   * transaction trusts keys the store is not read (the commit's unique provider key refuses a repeat).
   */
  static Optional<BuyerMessage> byProvider(Tx tx, Channel channel, String providerMessageId) {
    for (BuyerMessage m : tx.held(MessageStreams.MESSAGE, BuyerMessage.class)) {
      if (m.channel().equals(channel) && m.providerMessageId().equals(providerMessageId)) {
        return Optional.of(m);
      }
    }
    if (tx.trustKeys()) {
      return Optional.empty();
    }
    return tx.store().streamWithKey(tx.workspace(), MessageStreams.MESSAGE,
            new UniqueKey(MessageStreams.PROVIDER_KEY, MessageStreams.providerKey(channel, providerMessageId)))
        .map(s -> message(tx, "message", BuyerMessageId.of(s.id())));
  }

  static BuyerMessage start(Tx tx, BuyerMessageId id, Optional<org.resellledger.core.order.OrderId> order,
      EventPayload received) {
    return tx.append(MessageStreams.of(id), 1, Optional.empty(), Optional.empty(), order, Optional.empty(), received,
        tx.origin().causation());
  }

  static BuyerMessage append(Tx tx, BuyerMessage m, EventPayload fact, Optional<String> causation) {
    return tx.append(MessageStreams.of(m.id()), m.version() + 1, Optional.empty(), Optional.empty(), m.order(),
        Optional.empty(), fact, causation);
  }
}
