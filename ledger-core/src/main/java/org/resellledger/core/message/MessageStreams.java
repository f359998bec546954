package org.resellledger.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Page;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderId;

/**
 * The stream kind of buyer messages and the keys their states hold, for stores and readers.
 *
 * <ul>
 *   <li>{@link #MESSAGE}: one stream per message, id = the message id, state {@link BuyerMessage}.
 * </ul>
 *
 * Keys of a message (name: value), an index read with {@code LedgerStore.streamsWithKeyPrefix}:
 * {@code message.provider: <channel>|<provider message id>} always (a provider's message is recorded once);
 * {@code message.waiting: <received-at millis>|<id>} while it waits for a person (AWAITING_REPLY,
 * REPLY_DRAFTED); {@code message.order: <order>|<received-at millis>|<id>} when it is about an order.
 */
public final class MessageStreams {
  public static final StreamId.Kind MESSAGE = StreamId.Kind.of("MESSAGE");

  public static final String PROVIDER_KEY = "message.provider";
  public static final String WAITING_KEY = "message.waiting";
  public static final String ORDER_KEY = "message.order";

  private MessageStreams() {}

  public static StreamId of(BuyerMessageId id) {
    return new StreamId(MESSAGE, id.value());
  }

  /** The value of the provider key of a channel's message id. */
  public static String providerKey(Channel channel, String providerMessageId) {
    return channel.code() + "|" + providerMessageId;
  }

  /** The prefix of the order keys of an order's messages. */
  public static String orderPrefix(OrderId order) {
    return order.value() + "|";
  }

  /**
   * One page of the messages waiting for a person (AWAITING_REPLY, REPLY_DRAFTED), oldest received first,
   * after the cursor a previous page gave (a waiting key's value); for {@link MessageBook}, the queues and
   * the dashboard alike.
   */
  public static Page<BuyerMessage> waiting(LedgerStore store, WorkspaceId workspace, Optional<String> after,
      int limit) {
    List<KeyedStream> keys = store.streamsWithKeyAfter(workspace, MESSAGE, WAITING_KEY, "", after, limit);
    List<BuyerMessage> rows = new ArrayList<>();
    for (KeyedStream k : keys) {
      store.state(workspace, k.stream()).map(s -> (BuyerMessage) s.state()).ifPresent(rows::add);
    }
    return new Page<>(rows, keys.size() < limit ? Optional.empty()
        : Optional.of(keys.get(keys.size() - 1).key().value()));
  }
}
