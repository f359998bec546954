package org.resellledger.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Page;
import org.resellledger.core.store.StreamState;
import org.resellledger.core.store.UniqueKey;

/**
 * Reads of one workspace's buyer messages: by id, by the provider's message id, the messages waiting for a
 * person (oldest first, paged with a keyset cursor), and the messages of an order. Changes go through
 * {@link Ledger#execute} with {@link MessageCommand}s (and, for replies, the proposal lane).
 *
 * <ul>
 *   <li>Reads only; each answer is one store read of the keys plus one per message.
 *   <li>The ledger must be open on {@code store}.
 * </ul>
 */
public final class MessageBook {
  private final Ledger ledger;
  private final LedgerStore store;

  private MessageBook(Ledger ledger, LedgerStore store) {
    this.ledger = ledger;
    this.store = store;
  }

  public static MessageBook of(Ledger ledger, LedgerStore store) {
    return new MessageBook(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(store, "store"));
  }

  public Optional<BuyerMessage> message(BuyerMessageId id) {
    return store.state(ledger.workspace(), MessageStreams.of(Objects.requireNonNull(id, "id")))
        .map(s -> (BuyerMessage) s.state());
  }

  /** The message, or an {@code UNKNOWN_MESSAGE} rejection naming it. */
  public BuyerMessage require(BuyerMessageId id) {
    return message(id).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_MESSAGE, "message", id, "no buyer message with this id"));
  }

  /** The message recorded for a channel's message id, if it was recorded. */
  public Optional<BuyerMessage> byProvider(Channel channel, String providerMessageId) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    return store.streamWithKey(ledger.workspace(), MessageStreams.MESSAGE,
            new UniqueKey(MessageStreams.PROVIDER_KEY, MessageStreams.providerKey(channel, providerMessageId)))
        .flatMap(s -> message(BuyerMessageId.of(s.id())));
  }

  /**
   * Messages waiting for a person (AWAITING_REPLY, REPLY_DRAFTED), oldest received first, at most
   * {@code limit} (1-1,000) after the cursor a previous page gave; the next cursor is empty on the last page.
   */
  public Page<BuyerMessage> waiting(Optional<String> after, int limit) {
    Page.limit(limit);
    return MessageStreams.waiting(store, ledger.workspace(), Objects.requireNonNull(after, "after"), limit);
  }

  /** The messages about an order, oldest received first, at most {@code limit}. */
  public List<BuyerMessage> ofOrder(OrderId order, int limit) {
    return read(store.streamsWithKeyPrefix(ledger.workspace(), MessageStreams.MESSAGE, MessageStreams.ORDER_KEY,
        MessageStreams.orderPrefix(Objects.requireNonNull(order, "order")), limit));
  }

  private List<BuyerMessage> read(List<KeyedStream> keys) {
    List<BuyerMessage> found = new ArrayList<>();
    for (KeyedStream k : keys) {
      store.state(ledger.workspace(), k.stream()).map(StreamState::state).map(BuyerMessage.class::cast)
          .ifPresent(found::add);
    }
    return found;
  }
}
