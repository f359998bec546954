package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageBook;
import org.resellledger.core.message.MessageCommand.CloseMessage;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.outbox.WriteResult;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.ReviseProposal;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalId;

import static org.resellledger.core.message.MessageState.*;

/**
 * The buyer-message lifecycle: the table as written, and the table as the ledger keeps it, walked
 * exhaustively: from every state, every command that moves a message (draft, approve, reject, revise,
 * expire, the outbox's write, close) lands in a state the table allows, and every move the table allows is
 * made by one of them. A refused command changes nothing.
 */
class MessageTransitionsTest {

  private static final Map<MessageState, Set<MessageState>> TABLE = new EnumMap<>(Map.of(
      AWAITING_REPLY, EnumSet.of(REPLY_DRAFTED, CLOSED_WITHOUT_REPLY),
      REPLY_DRAFTED, EnumSet.of(REPLY_APPROVED, AWAITING_REPLY, CLOSED_WITHOUT_REPLY),
      REPLY_APPROVED, EnumSet.of(REPLY_DRAFTED, AWAITING_REPLY, REPLIED),
      REPLIED, EnumSet.noneOf(MessageState.class),
      CLOSED_WITHOUT_REPLY, EnumSet.noneOf(MessageState.class)));

  @Test
  void theTable_isExactlyTheDocumentedOne_everyPair() {
    for (MessageState from : MessageState.values()) {
      for (MessageState to : MessageState.values()) {
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(TABLE.get(from).contains(to));
      }
      assertThat(from.next()).isEqualTo(TABLE.get(from));
      assertThat(from.isFinal()).isEqualTo(TABLE.get(from).isEmpty());
    }
    assertThat(EnumSet.allOf(MessageState.class).stream().filter(MessageState::waiting))
        .containsExactlyInAnyOrder(AWAITING_REPLY, REPLY_DRAFTED);
  }

  /** A fresh ledger with one message brought to a state through the public API. */
  static final class World {
    final ProposalSetup s = new ProposalSetup();
    final MessageBook book = MessageBook.of(s.f.ledger, s.f.store);
    final BuyerMessageId id;

    World(MessageState state) {
      s.f.intake("JKT", 1);
      OrderId order = s.f.sell("JKT", 1);
      id = s.f.run(BuyerMessagesTest.message("m-1", Optional.of(order), "Shipped?", Fixture.NOW)).messageId()
          .orElseThrow();
      switch (state) {
        case AWAITING_REPLY -> { }
        case REPLY_DRAFTED -> draft();
        case REPLY_APPROVED -> approve(draft());
        case REPLIED -> {
          approve(draft());
          write();
        }
        case CLOSED_WITHOUT_REPLY -> s.f.run(new CloseMessage(id, "answered by phone", ProposalSetup.MAYA));
      }
      assertThat(state()).isEqualTo(state);
    }

    MessageState state() {
      return book.require(id).state();
    }

    Optional<ProposalId> reply() {
      return book.require(id).reply();
    }

    ProposalId draft() {
      return s.f.run(new DraftBuyerReply(id, "Tomorrow.", BuyerMessagesTest.AGENT)).proposals().get(0);
    }

    void approve(ProposalId p) {
      s.approve(p, ProposalSetup.MAYA);
    }

    void write() {
      Outbox.of(s.f.ledger, s.f.store, r -> WriteResult.written(), new java.util.Random(1)).runDue(10);
    }
  }

  private static final Map<String, BiConsumer<World, Optional<ProposalId>>> MOVES = new LinkedHashMap<>();

  static {
    MOVES.put("draft", (w, p) -> w.draft());
    MOVES.put("approve", (w, p) -> w.approve(p.orElseThrow(() -> new RejectionException(RejectionCode.NOT_APPROVED,
        "proposal", "none", "no reply to approve"))));
    MOVES.put("reject", (w, p) -> w.s.f.run(new RejectProposal(p.orElseThrow(), "no", ProposalSetup.MAYA)));
    MOVES.put("revise", (w, p) -> w.s.f.run(new ReviseProposal(p.orElseThrow(),
        Map.of("text", "Today!", "message", w.id.value()), w.s.proposal(p.get()).evidence(), BuyerMessagesTest.AGENT)));
    MOVES.put("expire", (w, p) -> {
      w.s.clock.advance(Duration.ofDays(3));
      w.s.f.run(new SettleProposal(p.orElseThrow(), ProposalSetup.MAYA));
    });
    MOVES.put("write", (w, p) -> w.write());
    MOVES.put("close", (w, p) -> w.s.f.run(new CloseMessage(w.id, "answered elsewhere", ProposalSetup.MAYA)));
  }

  @ParameterizedTest(name = "from {0}")
  @EnumSource(MessageState.class)
  void everyCommandFromEveryState_movesOnlyAlongTheTable_andEveryAllowedMoveIsMade(MessageState from) {
    Set<MessageState> reached = EnumSet.noneOf(MessageState.class);
    for (var move : MOVES.entrySet()) {
      World w = new World(from);
      Optional<ProposalId> reply = w.reply();
      int events = w.s.f.ledger.events().size();
      try {
        move.getValue().accept(w, reply);
      } catch (RejectionException | java.util.NoSuchElementException refused) {
        assertThat(w.s.f.ledger.events()).as("%s refused from %s changes nothing", move.getKey(), from)
            .hasSize(events);
      }
      MessageState to = w.state();
      if (to != from) {
        assertThat(from.canMoveTo(to)).as("%s moved %s -> %s", move.getKey(), from, to).isTrue();
        reached.add(to);
      }
      assertThat(w.s.f.ledger.replayMatchesProjections()).isTrue();
    }
    assertThat(reached).as("moves made from %s", from).isEqualTo(TABLE.get(from));
  }
}
