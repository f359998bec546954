package org.resellledger.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageState;

/** A buyer message waiting for a person (for a reply, or for approval of its drafted reply) as a queue entry. */
final class MessageRuleOfQueues {
  private static final int SHOWN = 80;

  private MessageRuleOfQueues() {}

  static QueueEntry entry(BuyerMessage m, Instant now) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("message", m.id().value());
    figures.put("state", m.state().name());
    figures.put("channel", m.channel().code());
    figures.put("buyer", m.buyer());
    m.order().ifPresent(o -> figures.put("order", o.value()));
    m.listing().ifPresent(l -> figures.put("listing", l.value()));
    figures.put("receivedAt", m.receivedAt().toString());
    figures.put("age", Duration.between(m.receivedAt(), now).isNegative() ? Duration.ZERO.toString()
        : Duration.between(m.receivedAt(), now).toString());
    m.reply().ifPresent(r -> figures.put("proposal", r.value()));
    String action = m.state() == MessageState.REPLY_DRAFTED
        ? "approve (ApproveProposal " + m.reply().orElseThrow() + ") or reject the drafted reply"
        : m.order().isPresent() ? "draft a reply (DraftBuyerReply " + m.id() + "), or close it (CloseMessage)"
            : "answer it on " + m.channel() + ", then close it (CloseMessage " + m.id() + ")";
    String text = m.text().length() > SHOWN ? m.text().substring(0, SHOWN) + "…" : m.text();
    String about = m.order().map(o -> " about order " + o).or(() -> m.listing().map(l -> " about listing " + l))
        .orElse("");
    return new QueueEntry(QueueKind.BUYER_MESSAGE, m.id().value(),
        m.state() + ": " + m.buyer() + " on " + m.channel() + about + ": " + text, List.of(m.received()), figures,
        action, Optional.empty());
  }
}
