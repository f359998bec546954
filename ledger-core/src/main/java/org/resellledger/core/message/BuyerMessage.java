package org.resellledger.core.message;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.proposal.ProposalId;

/**
 * A buyer's message as it stands now: the projection of its own stream (kind {@code MESSAGE}).
 *
 * <ul>
 *   <li>A provider's message ({@code channel}, {@code providerMessageId}) is recorded once per workspace.
 *   <li>{@code order} and {@code listing}, when present, existed when it was recorded; a message about an
 *       order is on the order's channel.
 *   <li>{@code state} moves only along {@link MessageState}'s table; {@code reply} is the
 *       {@code SEND_BUYER_REPLY} proposal it follows (drafted, approved, or the one that replied), empty
 *       while AWAITING_REPLY and when closed without reply.
 *   <li>{@code received} is the event that recorded it; {@code note} why it was closed or its draft withdrawn.
 *   <li>{@code version} is the number of events in its stream. Replaying the stream gives an equal value.
 * </ul>
 */
public record BuyerMessage(
    BuyerMessageId id,
    Channel channel,
    String providerMessageId,
    Optional<OrderId> order,
    Optional<ListingId> listing,
    String buyer,
    String text,
    Instant receivedAt,
    MessageState state,
    Optional<ProposalId> reply,
    Optional<String> note,
    EventId received,
    Instant updatedAt,
    long version) {

  /** This message after one more event that moves it to {@code s} (for the fold). */
  public BuyerMessage moved(MessageState s, Optional<ProposalId> r, Optional<String> why, Instant at, long v) {
    return new BuyerMessage(id, channel, providerMessageId, order, listing, buyer, text, receivedAt, s, r, why,
        received, at, v);
  }
}
