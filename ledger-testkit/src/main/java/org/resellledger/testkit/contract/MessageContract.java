package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageBook;
import org.resellledger.core.message.MessageCommand.DraftBuyerReply;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import org.resellledger.core.message.MessageState;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.outbox.WriteResult;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Page;
import org.resellledger.core.store.StreamState;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.outbox.MovingClock;

/**
 * What every store must do for buyer messages: the messages group of {@link LedgerStoreContract}. It keeps
 * message streams as documents with their keys, recognises a provider's message recorded again, pages the
 * waiting messages with a keyset cursor ({@code streamsWithKeyAfter}), and carries the reply loop to REPLIED.
 */
public abstract class MessageContract {

  private final Supplier<LedgerStore> store;
  private final Supplier<WorkspaceId> ws;
  private final Supplier<WorkspaceId> other;

  /** The store under test, a workspace of this test only and a second one, each read when a test runs. */
  protected MessageContract(Supplier<LedgerStore> store, Supplier<WorkspaceId> ws, Supplier<WorkspaceId> other) {
    this.store = store;
    this.ws = ws;
    this.other = other;
  }

  private LedgerStore store() {
    return store.get();
  }

  private WorkspaceId ws() {
    return ws.get();
  }

  private WorkspaceId otherWs() {
    return other.get();
  }

  private final MovingClock clock = new MovingClock(Samples.NOW);

  private Ledger ledger(WorkspaceId ws) {
    return Ledger.open(store(), ws, LedgerConfig.defaults().withClock(clock).withIds(IdGenerator.sequential("mc-")));
  }

  private static OrderId sale(Ledger ledger, String sku, String orderId) {
    ledger.execute(Samples.intake(sku, 1));
    return ledger.execute(new RecordChannelSale(Channel.EBAY, orderId,
        List.of(new SaleLine(Sku.of(sku), Optional.empty(), 1, Samples.usd("60.00"))), Samples.usd("6.00"),
        Samples.usd("0.00"), OrderStatus.PAID, Origin.manual("ana"))).orderId().orElseThrow();
  }

  private static RecordBuyerMessage message(String providerId, OrderId order, int minutesAgo) {
    return new RecordBuyerMessage(Channel.EBAY, providerId, Optional.of(order), Optional.empty(), "buyer_jo — ジョー",
        "Has it shipped? ✓\nThanks", Samples.NOW.minus(Duration.ofMinutes(minutesAgo)),
        Origin.webhook("ebay", "msg-" + providerId, Samples.NOW));
  }

  @Test
  void aMessage_isRecordedOnce_readsBackWhole_andReplayAndRebuildEqual() {
    Ledger ledger = ledger(ws());
    MessageBook book = MessageBook.of(ledger, store());
    OrderId order = sale(ledger, "JKT", "E-1");

    CommandResult first = ledger.execute(message("m-1", order, 5));
    CommandResult again = ledger.execute(message("m-1", order, 5));
    RecordBuyerMessage byHand = new RecordBuyerMessage(Channel.EBAY, "m-1", Optional.of(order), Optional.empty(),
        "buyer_jo — ジョー", "Has it shipped? ✓\nThanks", Samples.NOW.minus(Duration.ofMinutes(5)), Origin.manual("ana"));
    CommandResult thirdLane = ledger.execute(byHand);

    BuyerMessageId id = first.messageId().orElseThrow();
    assertThat(again.duplicate()).isTrue();
    assertThat(thirdLane.events()).as("recorded already under its provider key").isEmpty();
    assertThat(store().stream(ws(), MessageStreams.of(id))).hasSize(1);
    StreamState stored = store().state(ws(), MessageStreams.of(id)).orElseThrow();
    BuyerMessage replayed = org.resellledger.core.Projector.replay(store().stream(ws(), MessageStreams.of(id)));
    assertThat(stored.state()).isEqualTo(replayed);
    assertThat(book.require(id).text()).isEqualTo("Has it shipped? ✓\nThanks");
    assertThat(book.byProvider(Channel.EBAY, "m-1").map(BuyerMessage::id)).contains(id);
    assertThat(book.ofOrder(order, 10)).extracting(BuyerMessage::id).containsExactly(id);
    assertThat(ledger.replayMatchesProjections()).isTrue();
    ledger.rebuildProjections();
    assertThat(store().state(ws(), MessageStreams.of(id))).contains(stored);
    assertThat(book.waiting(Optional.empty(), 10).rows()).extracting(BuyerMessage::id).containsExactly(id);
  }

  @Test
  void waitingMessages_pageOldestFirstWithACursor_andStayInTheirWorkspace() {
    Ledger ledger = ledger(ws());
    MessageBook book = MessageBook.of(ledger, store());
    OrderId order = sale(ledger, "JKT", "E-1");
    List<BuyerMessageId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(ledger.execute(message("m-" + i, order, 50 - i)).messageId().orElseThrow());
    }
    Ledger other = ledger(otherWs());
    other.execute(message("m-0", sale(other, "JKT", "E-1"), 60));

    List<BuyerMessageId> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page<BuyerMessage> page = book.waiting(after, 2);
      assertThat(page.rows().size()).isLessThanOrEqualTo(2);
      page.rows().forEach(m -> seen.add(m.id()));
      after = page.next();
    } while (after.isPresent());
    assertThat(seen).isEqualTo(ids);

    List<KeyedStream> afterSecond = store().streamsWithKeyAfter(ws(), MessageStreams.MESSAGE,
        MessageStreams.WAITING_KEY, "", Optional.of(keyOf(book, ids.get(1))), 10);
    assertThat(afterSecond).extracting(KeyedStream::stream)
        .containsExactly(ids.subList(2, 5).stream().map(MessageStreams::of).toArray(StreamId[]::new));
    assertThat(store().streamsWithKeyAfter(ws(), MessageStreams.MESSAGE, MessageStreams.WAITING_KEY, "",
        Optional.of(keyOf(book, ids.get(4))), 10)).isEmpty();
    assertThat(MessageBook.of(other, store()).waiting(Optional.empty(), 10).rows()).hasSize(1);
  }

  private String keyOf(MessageBook book, BuyerMessageId id) {
    return store().state(ws(), MessageStreams.of(id)).orElseThrow().keys().stream()
        .filter(k -> k.name().equals(MessageStreams.WAITING_KEY)).findFirst().orElseThrow().value();
  }

  @Test
  void theReplyLoop_draftApprovalOutboxWrite_repliesOnThisStore() {
    Ledger ledger = ledger(ws());
    MessageBook book = MessageBook.of(ledger, store());
    Queues queues = Queues.open(store(), ws(), ledger.config(), QueuePolicy.defaults(), Optional.empty());
    OrderId order = sale(ledger, "JKT", "E-1");
    BuyerMessageId id = ledger.execute(message("m-1", order, 5)).messageId().orElseThrow();
    ProposalId reply = ledger.execute(new DraftBuyerReply(id, "Ships today.", Origin.manual("ana"))).proposals()
        .get(0);
    assertThat(queues.page(QueueKind.BUYER_MESSAGE, Optional.empty(), 10).rows()).extracting(QueueEntry::subject)
        .containsExactly(id.value());

    ledger.execute(new ApproveProposal(reply, ProposalBook.of(ledger, store()).require(reply).digest(),
        Origin.manual("maya")));
    assertThat(queues.page(QueueKind.BUYER_MESSAGE, Optional.empty(), 10).rows()).isEmpty();
    Outbox.of(ledger, store(), r -> WriteResult.written(), new Random(1)).runDue(10);

    assertThat(book.require(id).state()).isEqualTo(MessageState.REPLIED);
    assertThat(book.require(id).reply()).contains(reply);
    assertThat(book.waiting(Optional.empty(), 10).rows()).isEmpty();
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }
}
