package org.resellledger.core.message;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;

/**
 * The commands of buyer messages. A reply is a {@code SEND_BUYER_REPLY} proposal whose {@code message}
 * parameter names the message: drafted with {@link DraftBuyerReply} (or a {@code DraftProposal} of that
 * kind), approved by a person, written by the outbox; the message follows it in the same transactions.
 */
public sealed interface MessageCommand extends Command {
  /** The longest message text kept, in characters (a reply's text has the same bound). */
  int MAX_TEXT = 5000;

  /**
   * Record a buyer's message as received. A provider's message ({@code channel}, {@code providerMessageId})
   * is recorded once: the same again records nothing, the same id with other content is an
   * {@code IDEMPOTENCY_CONFLICT}. {@code order} and {@code listing} are optional (a question before a sale
   * names a listing, or nothing).
   */
  record RecordBuyerMessage(Channel channel, String providerMessageId, Optional<OrderId> order,
      Optional<ListingId> listing, String buyer, String text, Instant receivedAt, Origin origin)
      implements MessageCommand {}

  /**
   * Draft a reply to a message about an order: a {@code SEND_BUYER_REPLY} proposal on the order with
   * {@code text}, whose evidence is the message. A person or an agent drafts; a person approves.
   */
  record DraftBuyerReply(BuyerMessageId message, String text, Origin origin) implements MessageCommand {}

  /**
   * A person closes a message without a reply here ({@code reason}: answered elsewhere, needs no reply); a
   * drafted reply that waits for approval is rejected with it. Not while an approved reply is being sent.
   */
  record CloseMessage(BuyerMessageId message, String reason, Origin origin) implements MessageCommand {}
}
