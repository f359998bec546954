package org.resellledger.testkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.outbox.OutboxRun;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.RetryProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.WriteOutcome;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;

/**
 * The outbox: approved writes reach the channel once each, compare-before-write never forces, failures
 * retry and then block only their own listing, and the edit budget holds with the last target winning.
 */
class OutboxTest {
  static final Origin MAYA = Origin.manual("maya");

  final MovingClock clock = new MovingClock(Samples.NOW);
  LedgerStore store = new InMemoryLedgerStore();
  Ledger ledger;
  ProposalBook book;

  OutboxTest() {
    open(ProposalPolicy.defaults());
  }

  void open(ProposalPolicy policy) {
    ledger = Ledger.open(store, WorkspaceId.of("shop"), LedgerConfig.defaults().withClock(clock)
        .withIds(IdGenerator.sequential("o-")).withProposals(policy));
    book = ProposalBook.of(ledger, store);
  }

  Outbox outbox(FakeChannel channel) {
    return Outbox.of(ledger, store, channel, new Random(7));
  }

  ListingId live(String sku, Channel channel, int listed) {
    return ledger.execute(new CreateListing(Sku.of(sku), ListingDetails.builder().channel(channel).title("Jacket")
        .price(Samples.usd("60.00")).listedQuantity(listed).build(), SyncStatus.LIVE, MAYA)).listingId().orElseThrow();
  }

  CommandResult ebaySale(ListingId through, String orderId) {
    return ledger.execute(new RecordChannelSale(Channel.EBAY, orderId,
        List.of(new SaleLine(Sku.of("JKT"), Optional.of(through), 1, Samples.usd("60.00"))), Samples.usd("6.00"),
        Samples.usd("0.00"), OrderStatus.PAID, Origin.webhook("ebay", "n-" + orderId, Samples.NOW)));
  }

  Proposal sync(ListingId listing) {
    return book.syncOf(listing).get(0);
  }

  void approve(ProposalId id) {
    ledger.execute(new ApproveProposal(id, book.require(id).digest(), MAYA));
  }

  @Test
  void theDemoLoop_ebaySale_endPoshmarkProposal_mayaApproves_outboxWritesOnce() {
    ledger.execute(Samples.intake("JKT", 1));
    ListingId ebay = live("JKT", Channel.EBAY, 1);
    ListingId poshmark = live("JKT", Channel.POSHMARK, 1);
    FakeChannel channel = FakeChannel.keepingKeys();

    CommandResult sale = ebaySale(ebay, "E-1");
    Proposal end = sync(poshmark);
    assertThat(end.kind()).isEqualTo(ProposalKind.END_LISTING);
    assertThat(sale.proposals()).contains(end.id());
    assertThat(outbox(channel).runDue(100).attempts()).as("nothing unapproved is written").isZero();

    approve(end.id());
    OutboxRun run = outbox(channel).runDue(100);

    assertThat(run.written()).isEqualTo(1);
    assertThat(channel.shows(poshmark)).contains(new FakeChannel.Shown(1, SyncStatus.ENDED));
    assertThat(book.require(end.id()).state()).isEqualTo(ProposalState.APPLIED);
    assertThat(ledger.listing(poshmark).orElseThrow().status()).isEqualTo(SyncStatus.ENDED);
    assertThat(outbox(channel).runDue(100).attempts()).isZero();
    assertThat(channel.effects()).isEqualTo(1);
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void anApprovedExternalWrite_isEnqueuedByTheApprovalItself() {
    ledger.execute(Samples.intake("JKT", 1));
    ListingId ebay = live("JKT", Channel.EBAY, 1);
    ListingId poshmark = live("JKT", Channel.POSHMARK, 1);
    ebaySale(ebay, "E-1");
    ProposalId end = sync(poshmark).id();

    CommandResult approval = ledger.execute(new ApproveProposal(end, book.require(end).digest(), MAYA));

    assertThat(approval.events()).hasSize(1);
    assertThat(book.require(end).outbox()).isPresent();
    assertThat(book.outbox(poshmark.value())).extracting(Proposal::id).containsExactly(end);
  }

  private ProposalId approvedEnd(ListingId poshmark) {
    ProposalId end = sync(poshmark).id();
    approve(end);
    return end;
  }

  @Test
  void aCrashBetweenApprovalAndWrite_isWrittenOnceByTheNextRun() {
    ledger.execute(Samples.intake("JKT", 1));
    ListingId ebay = live("JKT", Channel.EBAY, 1);
    ListingId poshmark = live("JKT", Channel.POSHMARK, 1);
    ebaySale(ebay, "E-1");
    ProposalId end = approvedEnd(poshmark);
    FakeChannel channel = FakeChannel.keepingKeys().crashBeforeWrite();

    assertThatThrownBy(() -> outbox(channel).runDue(100)).isInstanceOf(FakeChannel.Crash.class);
    assertThat(book.require(end).state()).as("the attempt was recorded before the call").isEqualTo(ProposalState.APPLYING);
    assertThat(outbox(channel).runDue(100).attempts()).as("not due before its backoff").isZero();
    clock.advance(Duration.ofHours(2));
    OutboxRun again = outbox(channel).runDue(100);

    assertThat(again.written()).isEqualTo(1);
    assertThat(channel.effects(book.require(end).approval().isPresent() ? "rl-" + end.value() : "")).isEqualTo(1);
    assertThat(channel.effects()).isEqualTo(1);
    assertThat(book.require(end).state()).isEqualTo(ProposalState.APPLIED);
  }

  @Test
  void aCrashBetweenWriteAndAcknowledgement_hasOneEffect_withKeysOrWithoutThem() {
    for (FakeChannel channel : List.of(FakeChannel.keepingKeys(), FakeChannel.ignoringKeys())) {
      store = new InMemoryLedgerStore();
      open(ProposalPolicy.defaults());
      ledger.execute(Samples.intake("JKT", 1));
      ListingId ebay = live("JKT", Channel.EBAY, 1);
      ListingId poshmark = live("JKT", Channel.POSHMARK, 1);
      ebaySale(ebay, "E-1");
      ProposalId end = approvedEnd(poshmark);
      channel.crashAfterWrite();

      assertThatThrownBy(() -> outbox(channel).runDue(100)).isInstanceOf(FakeChannel.Crash.class);
      clock.advance(Duration.ofHours(2));
      OutboxRun again = outbox(channel).runDue(100);

      assertThat(again.alreadyAtTarget()).isEqualTo(1);
      assertThat(channel.calls()).isEqualTo(2);
      assertThat(channel.effects()).as("exactly one external effect").isEqualTo(1);
      assertThat(book.require(end).state()).isEqualTo(ProposalState.APPLIED);
      assertThat(ledger.listing(poshmark).orElseThrow().status()).isEqualTo(SyncStatus.ENDED);
    }
  }

  @Test
  void compareBeforeWrite_aDifferentFigureOnTheChannel_isNotForced_andANewProposalCarriesIt() {
    ledger.execute(Samples.intake("JKT", 3));
    ListingId ebay = live("JKT", Channel.EBAY, 3);
    ListingId poshmark = live("JKT", Channel.POSHMARK, 3);
    ebaySale(ebay, "E-1");
    Proposal lower = sync(poshmark);
    assertThat(lower.params()).containsEntry("quantity", "2");
    approve(lower.id());
    FakeChannel channel = FakeChannel.keepingKeys().show(poshmark, 5, SyncStatus.LIVE);

    OutboxRun run = outbox(channel).runDue(100);

    assertThat(run.mismatched()).isEqualTo(1);
    assertThat(channel.shows(poshmark)).as("not forced").contains(new FakeChannel.Shown(5, SyncStatus.LIVE));
    assertThat(channel.effects()).isZero();
    Proposal old = book.require(lower.id());
    assertThat(old.state()).isEqualTo(ProposalState.SUPERSEDED);
    Proposal redrafted = book.require(old.supersededBy().orElseThrow());
    assertThat(redrafted.state()).isEqualTo(ProposalState.PENDING);
    assertThat(redrafted.evidence().figures()).containsEntry("channel.quantity", "5").containsEntry("channel.status", "LIVE");
    assertThat(redrafted.params()).isEqualTo(lower.params());

    approve(redrafted.id());
    assertThat(outbox(channel).runDue(100).written()).as("now expecting the channel's figure").isEqualTo(1);
    assertThat(channel.shows(poshmark)).contains(new FakeChannel.Shown(2, SyncStatus.LIVE));
  }

  @Test
  void failures_retryWithBackoff_thenBlock_andBlockOnlyTheirOwnListing() {
    open(ProposalPolicy.defaults().withMaxAttempts(3));
    ledger.execute(Samples.intake("JKT", 1));
    ListingId ebay = live("JKT", Channel.EBAY, 1);
    ListingId poshmark = live("JKT", Channel.POSHMARK, 1);
    ListingId mercari = live("JKT", Channel.MERCARI, 1);
    ebaySale(ebay, "E-1");
    ProposalId toPoshmark = approvedEnd(poshmark);
    FakeChannel failing = FakeChannel.keepingKeys().failAlways(poshmark);

    OutboxRun first = outbox(failing).runDue(100);
    assertThat(first.failed()).isEqualTo(1);
    Proposal failed = book.require(toPoshmark);
    assertThat(failed.state()).isEqualTo(ProposalState.FAILED);
    assertThat(failed.outbox().orElseThrow().dueAt().orElseThrow())
        .isAfterOrEqualTo(Samples.NOW.plusSeconds(15)).isBeforeOrEqualTo(Samples.NOW.plusSeconds(30));
    assertThat(outbox(failing).runDue(100).attempts()).as("backoff").isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(outbox(failing).runDue(100).failed()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(2));
    assertThat(outbox(failing).runDue(100).blocked()).isEqualTo(1);
    assertThat(book.blocked(10)).extracting(Proposal::id).containsExactly(toPoshmark);

    ProposalId toMercari = approvedEnd(mercari);
    assertThat(outbox(failing).runDue(100).written()).as("another listing is not held back").isEqualTo(1);
    assertThat(book.require(toMercari).state()).isEqualTo(ProposalState.APPLIED);

    ledger.execute(new RetryProposal(toPoshmark, MAYA));
    assertThat(outbox(failing.heal(poshmark)).runDue(100).written()).isEqualTo(1);
    assertThat(book.require(toPoshmark).state()).isEqualTo(ProposalState.APPLIED);
    assertThat(book.blocked(10)).isEmpty();
  }

  @Test
  void writesOfOneListing_goOneAtATime_inTheOrderApproved() {
    ledger.execute(Samples.intake("JKT", 2));
    ListingId poshmark = live("JKT", Channel.POSHMARK, 2);
    ProposalId price = draft(ProposalKind.CHANGE_LISTING_PRICE, poshmark, Map.of("price", "55.00", "currency", "USD"));
    ProposalId quantity = draft(ProposalKind.SET_LISTING_QUANTITY, poshmark, Map.of("quantity", "1"));
    approve(price);
    approve(quantity);
    FakeChannel channel = FakeChannel.keepingKeys();

    OutboxRun first = outbox(channel).runDue(100);
    assertThat(first.written()).isEqualTo(1);
    assertThat(first.waiting()).isEqualTo(1);
    assertThat(book.require(price).state()).isEqualTo(ProposalState.APPLIED);
    assertThat(book.require(quantity).state()).isEqualTo(ProposalState.APPROVED);
    assertThat(outbox(channel).runDue(100).written()).isEqualTo(1);
    assertThat(ledger.listing(poshmark).orElseThrow().details().listedQuantity()).isEqualTo(1);
    assertThat(ledger.listing(poshmark).orElseThrow().details().price()).isEqualTo(Samples.usd("55.00"));
  }

  private ProposalId draft(ProposalKind kind, ListingId listing, Map<String, String> params) {
    return ledger.execute(new DraftProposal(kind, ProposalTarget.listing(listing), params,
        Evidence.of("repricing", List.of(), Map.of("sell-through.days", "40")), Origin.manual("ana")))
        .proposals().get(0);
  }

  @Test
  void threeHundredQuantityChangesInADay_takeAtMostTheBudget_andTheLastTargetWins() {
    int budget = 10;
    open(ProposalPolicy.defaults().withEditBudget(Channel.POSHMARK, budget)
        .withAutoApprove(Set.of(ProposalKind.SET_LISTING_QUANTITY, ProposalKind.END_LISTING)));
    ledger.execute(Samples.intake("JKT", 301));
    ListingId poshmark = live("JKT", Channel.POSHMARK, 301);
    FakeChannel channel = FakeChannel.keepingKeys();

    for (int i = 0; i < 300; i++) {
      ledger.execute(new HoldUnits(Sku.of("JKT"), 1, MAYA.because("set aside " + i)));
      outbox(channel).runDue(100);
      clock.advance(Duration.ofSeconds(30));
    }

    assertThat(channel.effects()).as("writes on the first day").isEqualTo(budget);
    assertThat(book.queue(poshmark.value()).writesOn(java.time.LocalDate.of(2026, 3, 1))).isEqualTo(budget);
    clock.advance(Duration.between(clock.instant(), java.time.Instant.parse("2026-03-02T00:00:01Z")));
    OutboxRun nextDay = outbox(channel).runDue(100);
    assertThat(nextDay.written()).isEqualTo(1);
    assertThat(channel.shows(poshmark)).as("the last target wins").contains(new FakeChannel.Shown(1, SyncStatus.LIVE));
    assertThat(ledger.listing(poshmark).orElseThrow().details().listedQuantity()).isEqualTo(1);
    assertThat(book.outbox(poshmark.value())).isEmpty();
  }

  @Test
  void unitsComingBack_relistWhatASyncEnded() {
    ledger.execute(Samples.intake("JKT", 1));
    ListingId ebay = live("JKT", Channel.EBAY, 1);
    ListingId poshmark = live("JKT", Channel.POSHMARK, 1);
    CommandResult sale = ebaySale(ebay, "E-1");
    approvedEnd(poshmark);
    outbox(FakeChannel.keepingKeys()).runDue(100);
    assertThat(ledger.listing(poshmark).orElseThrow().status()).isEqualTo(SyncStatus.ENDED);

    CommandResult cancel = ledger.execute(new CancelOrder(sale.orderId().orElseThrow(), MAYA));

    Proposal relist = sync(poshmark);
    assertThat(cancel.proposals()).contains(relist.id());
    assertThat(relist.kind()).isEqualTo(ProposalKind.RELIST);
    assertThat(relist.params()).containsEntry("quantity", "1");
    assertThat(relist.state()).isEqualTo(ProposalState.PENDING);
    assertThat(WriteOutcome.values()).hasSize(4);
  }
}
