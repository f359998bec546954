package org.resellledger.core.message;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.WriteOutcome;

/**
 * The facts of a buyer message's stream (kind {@code MESSAGE}). The reply facts follow the message's
 * {@code SEND_BUYER_REPLY} proposal and cite it (also as the event's causation); who acted is the event's actor.
 */
public sealed interface MessageFact extends EventPayload {

  /** A buyer's message arrived on {@code channel} as the provider's message {@code providerMessageId}. */
  record MessageReceived(BuyerMessageId message, Channel channel, String providerMessageId, Optional<OrderId> order,
      Optional<ListingId> listing, String buyer, String text, Instant receivedAt) implements MessageFact {}

  /** A reply was drafted as {@code proposal} (or a revision sent the approved one back for approval). */
  record ReplyDrafted(ProposalId proposal) implements MessageFact {}

  /** The drafted reply was approved: the outbox sends it. */
  record ReplyApproved(ProposalId proposal) implements MessageFact {}

  /** The reply {@code proposal} ended unsent ({@code outcome}: rejected, superseded, expired); it waits again. */
  record ReplyWithdrawn(ProposalId proposal, ProposalState outcome, String reason) implements MessageFact {}

  /** The outbox wrote the reply {@code proposal} to the channel. */
  record MessageReplied(ProposalId proposal, Optional<WriteOutcome> outcome) implements MessageFact {}

  /** A person closed it without a reply here, saying why (answered elsewhere, needs no reply). */
  record MessageClosed(String reason) implements MessageFact {}
}
