package org.resellledger.testkit.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageCommand.CloseMessage;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import org.resellledger.core.message.MessageState;
import org.resellledger.testkit.gen.Gens;

/**
 * Plans buyer messages: channels delivering them by webhook (about a planned order, now and then about an
 * unknown one, now and then with blank text; redeliveries come from {@link Planner}'s faults), agents and
 * people drafting replies (the proposal lane approves and writes them), and people (now and then an agent,
 * refused) closing them without a reply. Which message a step acts on is picked when it runs, by a position
 * drawn here, so the seed still decides the sequence.
 */
final class MessagePlans implements ConceptPlans {
  private static final Origin HELPER = Origin.of(Source.AGENT, Actor.agent("reply-helper"));

  private final PlanContext p;
  private int received;

  MessagePlans(PlanContext context) {
    this.p = context;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("recordBuyerMessage", 3, this::record),
        new Move("draftBuyerReply", 2, this::draft),
        new Move("closeMessage", 1, this::close));
  }

  private static Optional<BuyerMessage> pick(Names n, int at, Predicate<BuyerMessage> which) {
    List<BuyerMessage> found = n.messages().stream().filter(which).toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(at % found.size()));
  }

  private static BuyerMessageId unknown(int at) {
    return BuyerMessageId.of("unknown-m" + at);
  }

  private List<Step> record() {
    Optional<PlanContext.PlannedOrder> order = p.orders.isEmpty() || p.chance(10) ? Optional.empty()
        : Optional.of(p.pick(p.orders));
    Channel channel = order.map(o -> o.channel).orElseGet(p::channel);
    String providerId = "msg-" + (++received);
    Instant at = p.tick();
    boolean blank = p.chance(5);
    boolean unknownOrder = order.isEmpty() && p.chance(30);
    String text = blank ? " " : "question " + received + " — is it still available?";
    Origin hook = Origin.webhook(channel.code(), providerId, at);
    String about = order.map(o -> "order " + o.name).orElse(unknownOrder ? "an unknown order" : "nothing");
    return List.of(new Step.Edit("RecordBuyerMessage", "buyer message " + providerId + " on " + channel + " about "
        + about + (blank ? " (blank)" : ""), hook, (n, o) -> new RecordBuyerMessage(channel, providerId,
            order.map(x -> n.order(x.name)).or(() -> unknownOrder ? Optional.of(n.order("O-none")) : Optional.empty()),
            Optional.empty(), "buyer_" + received % 7, text, at, o)));
  }

  private List<Step> draft() {
    int at = p.next(Gens.ints(0, 1000));
    Origin who = p.chance(70) ? HELPER : p.person();
    boolean any = p.chance(15); // now and then a message that has a reply already, or is closed: refused
    return List.of(new Step.Edit("DraftBuyerReply", "draft a reply to " + (any ? "any " : "") + "message #" + at
        + " by " + who.actor(), who, (n, o) -> new DraftBuyerReply(pick(n, at,
            m -> any || m.state() == MessageState.AWAITING_REPLY)
            .map(BuyerMessage::id).orElse(unknown(at)), "Thanks for asking: it ships tomorrow.", o)));
  }

  private List<Step> close() {
    int at = p.next(Gens.ints(0, 1000));
    Origin who = p.chance(90) ? p.person() : HELPER;
    boolean any = p.chance(15); // now and then one being sent, replied or closed already: refused
    return List.of(new Step.Edit("CloseMessage", "close " + (any ? "any " : "") + "message #" + at
        + " without reply as " + who.actor(), who, (n, o) -> new CloseMessage(pick(n, at,
            m -> any || m.state().waiting()).map(BuyerMessage::id).orElse(unknown(at)), "answered by phone", o)));
  }
}
