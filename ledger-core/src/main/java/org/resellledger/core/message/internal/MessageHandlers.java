package org.resellledger.core.message.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageCommand;
import org.resellledger.core.message.MessageCommand.CloseMessage;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import org.resellledger.core.message.MessageFact.MessageClosed;
import org.resellledger.core.message.MessageFact.MessageReceived;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.value.Checks;

/** Decides the buyer-message commands; checks in the precedence order of {@code RejectionCode}. */
final class MessageHandlers {
  private MessageHandlers() {}

  static void record(RecordBuyerMessage x, Tx tx) {
    Channel channel = Checks.present("channel", x.channel());
    String providerId = Checks.text("providerMessageId", x.providerMessageId(), 160);
    String buyer = Checks.text("buyer", x.buyer(), 100);
    String text = Checks.text("text", x.text(), MessageCommand.MAX_TEXT);
    Checks.instant("receivedAt", Checks.present("receivedAt", x.receivedAt()));
    Optional<OrderId> order = Checks.present("order", x.order());
    Optional<ListingId> listing = Checks.present("listing", x.listing());
    order.ifPresent(o -> sameChannel(channel, order(tx, o)));
    listing.ifPresent(l -> listingExists(tx, l));
    Optional<BuyerMessage> before = Messages.byProvider(tx, channel, providerId);
    if (before.isPresent()) {
      sameContent(before.get(), x, order, listing, buyer, text);
      return; // recorded already: a provider's message is recorded once
    }
    BuyerMessageId id = BuyerMessageId.of(tx.newId());
    Messages.start(tx, id, order,
        new MessageReceived(id, channel, providerId, order, listing, buyer, text, x.receivedAt()));
  }

  static void draft(DraftBuyerReply x, Tx tx) {
    BuyerMessage m = Messages.message(tx, "message", x.message());
    String text = Checks.text("text", x.text(), MessageCommand.MAX_TEXT);
    MessageRules.aboutAnOrder(m);
    MessageRules.awaitingReply(m);
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("message", m.id().value());
    figures.put("message.buyer", m.buyer());
    figures.put("message.receivedAt", m.receivedAt().toString());
    Evidence evidence = Evidence.of("a reply to " + m.buyer() + "'s message " + m.id() + " on " + m.channel(),
        List.of(m.received()), figures);
    Registry.standard().dispatch(new DraftProposal(ProposalKind.SEND_BUYER_REPLY,
        ProposalTarget.order(m.order().orElseThrow()), Map.of("text", text, "message", m.id().value()), evidence,
        x.origin()), tx);
  }

  static void close(CloseMessage x, Tx tx) {
    BuyerMessage m = Messages.message(tx, "message", x.message());
    String reason = Checks.text("reason", x.reason(), 1000);
    MessageRules.closedByAPerson(x.origin().actor());
    MessageRules.move(m, MessageState.CLOSED_WITHOUT_REPLY);
    if (m.state() == MessageState.REPLY_DRAFTED) {
      // the drafted reply is rejected with it; the message follows its proposal back to AWAITING_REPLY
      Registry.standard().dispatch(new RejectProposal(m.reply().orElseThrow(),
          "message " + m.id() + " closed without a reply: " + reason, x.origin()), tx);
      m = Messages.message(tx, "message", m.id());
    }
    Messages.append(tx, m, new MessageClosed(reason), tx.origin().causation());
  }

  /** An order read to check it (without joining its stream: a message does not conflict with order changes). */
  private static Order order(Tx tx, OrderId id) {
    Order held = tx.held(StreamId.of(id));
    if (held != null) {
      return held;
    }
    return tx.store().order(tx.workspace(), id).orElseThrow(() -> RejectionException.unknownOrder(id));
  }

  private static void listingExists(Tx tx, ListingId id) {
    boolean held = tx.held(StreamId.Kind.ITEM, org.resellledger.core.item.Item.class).stream()
        .anyMatch(i -> i.listings().containsKey(id));
    if (!held && tx.store().itemIdOfListing(tx.workspace(), id).isEmpty()) {
      throw new RejectionException(RejectionCode.UNKNOWN_LISTING, "listing", id, "no listing with this id");
    }
  }

  /** A message about an order arrives on the order's channel. */
  private static void sameChannel(Channel channel, Order order) {
    if (!order.channel().equals(channel)) {
      throw RejectionException.invalid("channel", channel,
          "order " + order.id() + " is on " + order.channel() + "; a message about it comes from there");
    }
  }

  /** The same provider message again records nothing; the same id with other content is refused. */
  private static void sameContent(BuyerMessage before, RecordBuyerMessage again, Optional<OrderId> order,
      Optional<ListingId> listing, String buyer, String text) {
    boolean same = before.order().equals(order) && before.listing().equals(listing) && before.buyer().equals(buyer)
        && before.text().equals(text) && before.receivedAt().equals(again.receivedAt());
    if (!same) {
      throw new RejectionException(RejectionCode.IDEMPOTENCY_CONFLICT, "providerMessageId",
          before.channel() + "/" + before.providerMessageId(),
          "this provider message was recorded already as " + before.id() + " with different content");
    }
  }
}
