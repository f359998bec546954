package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageBook;
import org.resellledger.core.message.MessageCommand;
import org.resellledger.core.message.MessageCommand.CloseMessage;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import org.resellledger.core.message.MessageFact.MessageReplied;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.outbox.WriteRequest;
import org.resellledger.core.outbox.WriteResult;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.DailyDashboard;
import org.resellledger.core.report.Figure;
import org.resellledger.core.report.Reports;
import org.resellledger.core.store.Page;

/**
 * Buyer messages: recorded once per provider message, a reply drafted as a {@code SEND_BUYER_REPLY} proposal,
 * approved by a person, written by the outbox, and the message REPLIED; in queue 6 and on the dashboard while
 * it waits for a person; refusals typed with field and value.
 */
class BuyerMessagesTest {
  static final Origin AGENT = ProposalSetup.AGENT;
  static final Origin MAYA = ProposalSetup.MAYA;

  final ProposalSetup s = new ProposalSetup();
  final Fixture f = s.f;
  final MessageBook book = MessageBook.of(f.ledger, f.store);
  final Queues queues = Queues.open(f.store, f.ledger.workspace(), f.ledger.config(), QueuePolicy.defaults(),
      Optional.empty());
  final List<WriteRequest> written = new ArrayList<>();

  static RecordBuyerMessage message(String providerId, Optional<OrderId> order, String text, Instant at) {
    return new RecordBuyerMessage(Channel.EBAY, providerId, order, Optional.empty(), "buyer_jo", text, at,
        Origin.of(Source.WEBHOOK, Actor.channel("ebay")));
  }

  OrderId order() {
    f.intake("JKT-" + (f.ledger.orders().size() + 1), 1);
    return f.sell("JKT-" + (f.ledger.orders().size() + 1), 1);
  }

  BuyerMessageId record(String providerId, OrderId order) {
    return f.run(message(providerId, Optional.of(order), "Has it shipped yet?", Fixture.NOW.minusSeconds(3600)))
        .messageId().orElseThrow();
  }

  BuyerMessage msg(BuyerMessageId id) {
    return book.require(id);
  }

  ProposalId draft(BuyerMessageId id, Origin by) {
    return f.run(new DraftBuyerReply(id, "It ships tomorrow morning.", by)).proposals().get(0);
  }

  void runOutbox() {
    Outbox.of(f.ledger, f.store, r -> {
      written.add(r);
      return WriteResult.written();
    }, new java.util.Random(1)).runDue(10);
  }

  List<QueueEntry> queue6() {
    return queues.page(QueueKind.BUYER_MESSAGE, Optional.empty(), 100).rows();
  }

  Figure needsReply() {
    DailyDashboard d = Reports.open(f.store, f.ledger.workspace(), Optional.empty())
        .daily(LocalDate.of(2026, 11, 20), ZoneOffset.UTC, Currency.getInstance("USD"));
    assertThat(d.needsReply().partsSum()).isEqualByComparingTo(d.needsReply().value());
    return d.needsReply();
  }

  // ---- recording ------------------------------------------------------------------------------------------

  @Test
  void recordingTheSameProviderMessageTwice_recordsItOnce() {
    OrderId order = order();
    RecordBuyerMessage m = message("m-1", Optional.of(order), "Has it shipped?", Fixture.NOW);

    CommandResult first = f.run(m);
    CommandResult again = f.run(m);

    assertThat(first.messageId()).isPresent();
    assertThat(again.events()).isEmpty();
    assertThat(f.ledger.events().stream().filter(e -> e.stream().kind() == MessageStreams.MESSAGE)).hasSize(1);
    assertThat(book.byProvider(Channel.EBAY, "m-1").map(BuyerMessage::id)).isEqualTo(first.messageId());
    assertThat(book.waiting(Optional.empty(), 10).rows()).hasSize(1);
  }

  @Test
  void aProviderMessageDeliveredTwiceByWebhook_isADuplicate_andOtherContentUnderItsIdIsRefused() {
    OrderId order = order();
    Origin hook = Origin.webhook("ebay", "m-7", Fixture.NOW);
    RecordBuyerMessage m = new RecordBuyerMessage(Channel.EBAY, "m-7", Optional.of(order), Optional.empty(), "jo",
        "Is it authentic?", Fixture.NOW, hook);

    CommandResult first = f.run(m);
    CommandResult again = f.run(m);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.messageId()).isEqualTo(first.messageId());
    RejectionException e = f.refused(new RecordBuyerMessage(Channel.EBAY, "m-7", Optional.of(order),
        Optional.empty(), "jo", "Other words", Fixture.NOW, Origin.manual("ana")), RejectionCode.IDEMPOTENCY_CONFLICT);
    assertThat(e.field()).isEqualTo("providerMessageId");
    assertThat(e.value()).contains("ebay/m-7");
  }

  @Test
  void refusals_nameFieldAndValue_andChangeNothing() {
    OrderId order = order();
    RejectionException unknown = f.refused(message("m-1", Optional.of(OrderId.of("no-such")), "Hi", Fixture.NOW),
        RejectionCode.UNKNOWN_ORDER);
    assertThat(unknown.field()).isEqualTo("order");
    assertThat(unknown.value()).contains("no-such");

    RejectionException blank = f.refused(message("m-1", Optional.of(order), "   ", Fixture.NOW),
        RejectionCode.INVALID_VALUE);
    assertThat(blank.field()).isEqualTo("text");

    RejectionException tooLong = f.refused(message("m-1", Optional.of(order), "x".repeat(MessageCommand.MAX_TEXT + 1),
        Fixture.NOW), RejectionCode.INVALID_VALUE);
    assertThat(tooLong.field()).isEqualTo("text");
    assertThat(tooLong.getMessage()).contains("at most " + MessageCommand.MAX_TEXT);
    f.run(message("m-max", Optional.of(order), "x".repeat(MessageCommand.MAX_TEXT), Fixture.NOW));

    RejectionException listing = f.refused(new RecordBuyerMessage(Channel.EBAY, "m-2", Optional.empty(),
        Optional.of(ListingId.of("no-listing")), "jo", "Still available?", Fixture.NOW, Fixture.ANA),
        RejectionCode.UNKNOWN_LISTING);
    assertThat(listing.field()).isEqualTo("listing");

    RejectionException channel = f.refused(new RecordBuyerMessage(Channel.ETSY, "m-3", Optional.of(order),
        Optional.empty(), "jo", "Hi", Fixture.NOW, Fixture.ANA), RejectionCode.INVALID_VALUE);
    assertThat(channel.field()).isEqualTo("channel");
    assertThat(channel.getMessage()).contains("ebay");

    RejectionException noMessage = f.refused(new DraftBuyerReply(BuyerMessageId.of("nope"), "Hi", AGENT),
        RejectionCode.UNKNOWN_MESSAGE);
    assertThat(noMessage.field()).isEqualTo("message");
  }

  @Test
  void aMessageBeforeASale_namesAListing_andIsClosedOrAnsweredOnTheChannel() {
    f.intake("LMP", 1);
    ListingId listing = f.list("LMP", Channel.EBAY, org.resellledger.core.listing.SyncStatus.LIVE);
    BuyerMessageId id = f.run(new RecordBuyerMessage(Channel.EBAY, "q-1", Optional.empty(), Optional.of(listing),
        "jo", "Would you take 20?", Fixture.NOW, Fixture.ANA)).messageId().orElseThrow();

    RejectionException e = f.refused(new DraftBuyerReply(id, "No, sorry", AGENT), RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("message.order");
    assertThat(queue6()).singleElement().satisfies(q -> assertThat(q.suggestedAction()).contains("CloseMessage"));
    f.run(new CloseMessage(id, "answered on eBay", MAYA));
    assertThat(msg(id).state()).isEqualTo(MessageState.CLOSED_WITHOUT_REPLY);
    assertThat(queue6()).isEmpty();
  }

  // ---- the reply loop -------------------------------------------------------------------------------------

  @Test
  void draftApproveWrite_repliesToTheMessage_whichLeavesQueue6WhenApproved() {
    OrderId order = order();
    BuyerMessageId id = record("m-1", order);
    assertThat(queue6()).singleElement().satisfies(q -> {
      assertThat(q.subject()).isEqualTo(id.value());
      assertThat(q.figures()).containsEntry("order", order.value()).containsEntry("age", "PT1H")
          .containsEntry("receivedAt", Fixture.NOW.minusSeconds(3600).toString()).doesNotContainKey("proposal");
      assertThat(q.evidence()).containsExactly(msg(id).received());
      assertThat(q.suggestedAction()).contains("DraftBuyerReply");
    });
    assertThat(needsReply().value()).isEqualByComparingTo(BigDecimal.ONE);

    ProposalId reply = draft(id, AGENT);
    assertThat(msg(id).state()).isEqualTo(MessageState.REPLY_DRAFTED);
    assertThat(msg(id).reply()).contains(reply);
    assertThat(s.proposal(reply).kind()).isEqualTo(ProposalKind.SEND_BUYER_REPLY);
    assertThat(s.proposal(reply).params()).containsEntry("message", id.value());
    assertThat(s.proposal(reply).evidence().events()).containsExactly(msg(id).received());
    assertThat(queue6()).singleElement().satisfies(q -> {
      assertThat(q.figures()).containsEntry("proposal", reply.value()).containsEntry("state", "REPLY_DRAFTED");
      assertThat(q.suggestedAction()).contains("ApproveProposal " + reply);
    });
    assertThat(needsReply().parts()).extracting(Figure.Part::event).containsExactly(msg(id).received());

    RejectionException agent = f.refused(s.approval(reply, AGENT), RejectionCode.APPROVER_NOT_A_PERSON);
    assertThat(agent.field()).isEqualTo("actor");
    assertThat(msg(id).state()).isEqualTo(MessageState.REPLY_DRAFTED);

    s.approve(reply, MAYA);
    assertThat(msg(id).state()).isEqualTo(MessageState.REPLY_APPROVED);
    assertThat(queue6()).isEmpty();
    assertThat(needsReply().value()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(needsReply().parts()).isEmpty();

    runOutbox();
    assertThat(written).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(ProposalKind.SEND_BUYER_REPLY);
      assertThat(w.params()).containsEntry("text", "It ships tomorrow morning.").containsEntry("message", id.value());
    });
    assertThat(s.proposal(reply).state()).isEqualTo(ProposalState.APPLIED);
    assertThat(msg(id).state()).isEqualTo(MessageState.REPLIED);
    assertThat(msg(id).reply()).contains(reply);
    LedgerEvent replied = f.store.stream(f.ledger.workspace(), MessageStreams.of(id)).stream()
        .filter(e -> e.payload() instanceof MessageReplied).findFirst().orElseThrow();
    assertThat(((MessageReplied) replied.payload()).proposal()).isEqualTo(reply);
    assertThat(replied.causation()).contains(reply.value());
    assertThat(book.ofOrder(order, 10)).extracting(BuyerMessage::id).containsExactly(id);
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void aPersonsDraftIsApprovedByAnother_andARejectedDraftSendsTheMessageBackToWaiting() {
    OrderId order = order();
    BuyerMessageId id = record("m-1", order);
    ProposalId own = draft(id, Fixture.ANA);
    f.refused(s.approval(own, Fixture.ANA), RejectionCode.SELF_APPROVAL);

    f.run(new org.resellledger.core.proposal.ProposalCommand.RejectProposal(own, "too curt", MAYA));

    assertThat(msg(id).state()).isEqualTo(MessageState.AWAITING_REPLY);
    assertThat(msg(id).reply()).isEmpty();
    assertThat(msg(id).note()).hasValueSatisfying(n -> assertThat(n).contains("too curt"));
    ProposalId second = draft(id, AGENT);
    assertThat(msg(id).reply()).contains(second);
    assertThat(queue6()).hasSize(1);
  }

  @Test
  void anExpiredApproval_sendsTheMessageBackToWaiting_andARevisionBackToApproval() {
    OrderId order = order();
    BuyerMessageId id = record("m-1", order);
    ProposalId reply = draft(id, AGENT);
    s.approve(reply, MAYA);
    f.run(new org.resellledger.core.proposal.ProposalCommand.ReviseProposal(reply,
        Map.of("text", "Shipping today!", "message", id.value()), s.proposal(reply).evidence(), AGENT));
    assertThat(msg(id).state()).isEqualTo(MessageState.REPLY_DRAFTED);
    s.approve(reply, MAYA);
    assertThat(msg(id).state()).isEqualTo(MessageState.REPLY_APPROVED);

    s.clock.advance(Duration.ofDays(3));
    f.run(new org.resellledger.core.proposal.ProposalCommand.SettleProposal(reply, MAYA));

    assertThat(s.proposal(reply).state()).isEqualTo(ProposalState.EXPIRED);
    assertThat(msg(id).state()).isEqualTo(MessageState.AWAITING_REPLY);
    assertThat(queue6()).singleElement().satisfies(q -> assertThat(q.figures()).containsEntry("age", "PT73H"));
  }

  @Test
  void aReplyProposal_mustFitItsMessage() {
    OrderId order = order();
    OrderId other = order();
    BuyerMessageId id = record("m-1", order);
    Evidence evidence = Evidence.of("reply", List.of(), Map.of("message", id.value()));

    RejectionException wrongOrder = f.refused(new DraftProposal(ProposalKind.SEND_BUYER_REPLY,
        ProposalTarget.order(other), Map.of("text", "Hi", "message", id.value()), evidence, AGENT),
        RejectionCode.INVALID_VALUE);
    assertThat(wrongOrder.field()).isEqualTo("params.message");
    f.refused(new DraftProposal(ProposalKind.SEND_BUYER_REPLY, ProposalTarget.order(order),
        Map.of("text", "Hi", "message", "no-such"), evidence, AGENT), RejectionCode.UNKNOWN_MESSAGE);

    ProposalId first = f.run(new DraftProposal(ProposalKind.SEND_BUYER_REPLY, ProposalTarget.order(order),
        Map.of("text", "Hi", "message", id.value()), evidence, AGENT)).proposals().get(0);
    assertThat(msg(id).reply()).contains(first);
    RejectionException second = f.refused(new DraftProposal(ProposalKind.SEND_BUYER_REPLY,
        ProposalTarget.order(order), Map.of("text", "Hello", "message", id.value()), evidence, AGENT),
        RejectionCode.ILLEGAL_MESSAGE_TRANSITION);
    assertThat(second.getMessage()).contains(first.value());
    assertThat(f.refused(new DraftBuyerReply(id, "Hello", AGENT), RejectionCode.ILLEGAL_MESSAGE_TRANSITION)
        .getMessage()).contains("REPLY_DRAFTED with reply " + first, "revise or reject");
    RejectionException revised = f.refused(new org.resellledger.core.proposal.ProposalCommand.ReviseProposal(first,
        Map.of("text", "Hello"), evidence, AGENT), RejectionCode.INVALID_VALUE);
    assertThat(revised.field()).isEqualTo("params.message");
    assertThat(revised.getMessage()).contains(id.value());
    // a reply that names no message is the proposal lane's alone, as before
    f.run(new DraftProposal(ProposalKind.SEND_BUYER_REPLY, ProposalTarget.order(order), Map.of("text", "Thanks!"),
        evidence, AGENT));
    assertThat(msg(id).reply()).contains(first);
  }

  // ---- closing --------------------------------------------------------------------------------------------

  @Test
  void closing_isAPersonsDecision_rejectsAPendingDraft_andWaitsWhileAnApprovedReplyIsSent() {
    OrderId order = order();
    BuyerMessageId id = record("m-1", order);
    ProposalId reply = draft(id, AGENT);

    RejectionException agent = f.refused(new CloseMessage(id, "no reply needed", AGENT),
        RejectionCode.APPROVER_NOT_A_PERSON);
    assertThat(agent.field()).isEqualTo("actor");
    f.refused(new CloseMessage(id, " ", MAYA), RejectionCode.INVALID_VALUE);

    f.run(new CloseMessage(id, "answered by phone", MAYA));
    assertThat(msg(id).state()).isEqualTo(MessageState.CLOSED_WITHOUT_REPLY);
    assertThat(msg(id).note()).contains("answered by phone");
    assertThat(s.proposal(reply).state()).isEqualTo(ProposalState.REJECTED);
    assertThat(queue6()).isEmpty();
    RejectionException again = f.refused(new CloseMessage(id, "again", MAYA), RejectionCode.ILLEGAL_MESSAGE_TRANSITION);
    assertThat(again.getMessage()).contains("CLOSED_WITHOUT_REPLY");

    BuyerMessageId sending = record("m-2", order);
    s.approve(draft(sending, AGENT), MAYA);
    RejectionException approved = f.refused(new CloseMessage(sending, "never mind", MAYA),
        RejectionCode.ILLEGAL_MESSAGE_TRANSITION);
    assertThat(approved.getMessage()).contains("REPLY_APPROVED");
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  // ---- queue 6 and paging ---------------------------------------------------------------------------------

  @Test
  void queue6_pagesOldestFirst_withAKeysetCursor() {
    OrderId order = order();
    List<BuyerMessageId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(f.run(message("m-" + i, Optional.of(order), "question " + i, Fixture.NOW.minusSeconds(600 - i * 60)))
          .messageId().orElseThrow());
    }
    s.approve(draft(ids.get(2), AGENT), MAYA); // waits for nobody now

    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    int pages = 0;
    do {
      Page<QueueEntry> page = queues.page(QueueKind.BUYER_MESSAGE, after, 2);
      page.rows().forEach(q -> seen.add(q.subject()));
      after = page.next();
      pages++;
    } while (after.isPresent());

    assertThat(seen).containsExactly(ids.get(0).value(), ids.get(1).value(), ids.get(3).value(), ids.get(4).value());
    assertThat(pages).as("two full pages, then an empty one: a full page may have more after it").isEqualTo(3);
    assertThat(queues.top(100)).filteredOn(q -> q.kind() == QueueKind.BUYER_MESSAGE).hasSize(4);
    Page<BuyerMessage> first = book.waiting(Optional.empty(), 3);
    assertThat(first.rows()).extracting(BuyerMessage::id).containsExactly(ids.get(0), ids.get(1), ids.get(3));
    assertThat(book.waiting(first.next(), 3).rows()).extracting(BuyerMessage::id).containsExactly(ids.get(4));
    assertThat(needsReply().parts()).hasSize(4);
  }
}
