package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RecordFoundUnit;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderCommand.SubstituteSaleLine;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.RetryProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.DailyDashboard;
import org.resellledger.core.report.Reports;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.Page;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.outbox.FakeChannel;
import org.resellledger.testkit.outbox.MovingClock;

/**
 * The exception queues that read the proposals' keys (blocked writes, risky changes, stale approvals), the
 * dashboard's approval and blocked-outbox figures, and the ways out of a double sale, on the store under
 * test: each entry appears with its evidence, pages with its cursor, and leaves after its action; the new
 * facts replay and rebuild equal.
 */
public abstract class QueueContract {
  private static final Origin MAYA = Origin.manual("maya");
  private static final Origin AGENT = Origin.of(org.resellledger.core.ledger.Source.AGENT,
      org.resellledger.core.ledger.Actor.agent("repricer"));

  private final Supplier<LedgerStore> store;
  private final Supplier<WorkspaceId> ws;
  private final MovingClock clock = new MovingClock(Samples.NOW);

  protected QueueContract(Supplier<LedgerStore> store, Supplier<WorkspaceId> ws) {
    this.store = store;
    this.ws = ws;
  }

  private Ledger ledger(ProposalPolicy policy) {
    return Ledger.open(store.get(), ws.get(), LedgerConfig.defaults().withClock(clock)
        .withIds(IdGenerator.sequential("qc-")).withProposals(policy));
  }

  private Queues queues(Ledger ledger) {
    return Queues.open(store.get(), ledger.workspace(), ledger.config(), QueuePolicy.defaults(), Optional.empty());
  }

  private List<QueueEntry> entries(Ledger ledger, QueueKind kind) {
    return queues(ledger).page(kind, Optional.empty(), 100).rows();
  }

  private static ListingId live(Ledger ledger, String sku, int listed) {
    return ledger.execute(new CreateListing(Sku.of(sku), ListingDetails.builder().channel(Channel.POSHMARK)
        .title("Jacket").price(Samples.usd("60.00")).listedQuantity(listed).build(), SyncStatus.LIVE,
        Origin.manual("ana"))).listingId().orElseThrow();
  }

  private static ProposalId quantity(Ledger ledger, ListingId listing, int quantity) {
    return ledger.execute(new DraftProposal(ProposalKind.SET_LISTING_QUANTITY, ProposalTarget.listing(listing),
        Map.of("quantity", Integer.toString(quantity)), Evidence.of("counted", List.of(), Map.of("counted", "1")),
        AGENT)).proposals().get(0);
  }

  @Test
  void proposalQueues_blockedRiskyAndStale_onThisStore_untilTheirActions() {
    Ledger ledger = ledger(ProposalPolicy.defaults().withMaxAttempts(1));
    ProposalBook book = ProposalBook.of(ledger, store.get());
    for (String sku : List.of("A", "B", "C")) {
      ledger.execute(Samples.intake(sku, 2));
    }
    ListingId a = live(ledger, "A", 2);
    ListingId b = live(ledger, "B", 2);
    ListingId c = live(ledger, "C", 2);
    ProposalId write = quantity(ledger, a, 1);
    ledger.execute(new ApproveProposal(write, book.require(write).digest(), MAYA));
    Outbox.of(ledger, store.get(), FakeChannel.keepingKeys().failAlways(a), new Random(3)).runDue(10);
    assertThat(book.require(write).state()).isEqualTo(ProposalState.BLOCKED);
    clock.advance(Duration.ofMinutes(1));
    ProposalId risky = quantity(ledger, b, 9);
    clock.advance(Duration.ofMinutes(1));
    ProposalId routine = quantity(ledger, c, 1);
    clock.advance(Duration.ofDays(3));

    assertThat(entries(ledger, QueueKind.BLOCKED_WRITE)).singleElement().satisfies(e -> {
      assertThat(e.subject()).isEqualTo(write.value());
      assertThat(e.figures()).containsEntry("attempts", "1").containsKey("lastError")
          .containsEntry("target", "listing:" + a.value());
      assertThat(e.suggestedAction()).contains("RetryProposal").contains("RejectProposal");
    });
    assertThat(entries(ledger, QueueKind.RISKY_CHANGE)).extracting(QueueEntry::subject)
        .containsExactly(risky.value());
    assertThat(entries(ledger, QueueKind.RISKY_CHANGE).get(0).figures()).containsEntry("available", "2")
        .containsEntry("risks", "QUANTITY_ABOVE_AVAILABLE");
    assertThat(entries(ledger, QueueKind.STALE_APPROVAL)).extracting(QueueEntry::subject)
        .containsExactly(risky.value(), routine.value());
    Page<QueueEntry> first = queues(ledger).page(QueueKind.STALE_APPROVAL, Optional.empty(), 1);
    Page<QueueEntry> second = queues(ledger).page(QueueKind.STALE_APPROVAL, first.next(), 1);
    assertThat(first.rows()).extracting(QueueEntry::subject).containsExactly(risky.value());
    assertThat(second.rows()).extracting(QueueEntry::subject).containsExactly(routine.value());
    assertThat(second.next()).isEmpty();

    DailyDashboard d = Reports.open(store.get(), ledger.workspace(), Optional.empty())
        .daily(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), ZoneOffset.UTC, Currency.getInstance("USD"));
    assertThat(d.needsApproval().value()).isEqualByComparingTo(BigDecimal.valueOf(2));
    assertThat(d.riskyApprovals().value()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(d.blockedWrites().value()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(d.blocked()).extracting(DailyDashboard.BlockedWrite::proposal).containsExactly(write);

    ledger.execute(new RetryProposal(write, MAYA));
    ledger.execute(new RejectProposal(risky, "no", MAYA));
    ledger.execute(new ApproveProposal(routine, book.require(routine).digest(), MAYA));
    assertThat(entries(ledger, QueueKind.BLOCKED_WRITE)).isEmpty();
    assertThat(entries(ledger, QueueKind.RISKY_CHANGE)).isEmpty();
    assertThat(entries(ledger, QueueKind.STALE_APPROVAL)).isEmpty();
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  private static OrderId sale(Ledger ledger, String sku, String external) {
    return ledger.execute(new RecordChannelSale(Channel.EBAY, external,
        List.of(new SaleLine(Sku.of(sku), Optional.empty(), 1, Samples.usd("60.00"))), Samples.usd("6.00"),
        Samples.usd("0.00"), OrderStatus.PAID, Origin.manual("ana"))).orderId().orElseThrow();
  }

  @Test
  void doubleSales_resolvedByAFoundUnitAndBySubstitutes_onThisStore_leaveTheQueue_andRebuildEqual() {
    Ledger ledger = ledger(ProposalPolicy.defaults());
    ledger.execute(Samples.intake("A", 1));
    ledger.execute(Samples.intake("B", 2));
    List<OrderId> orders = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      orders.add(sale(ledger, "A", "E-" + i));
    }
    assertThat(entries(ledger, QueueKind.DOUBLE_SALE)).singleElement().satisfies(e ->
        assertThat(e.suggestedAction()).contains("RecordFoundUnit").contains("SubstituteSaleLine")
            .contains("CancelOrder"));

    ledger.execute(new RecordFoundUnit(orders.get(1), Sku.of("A"), 1, MAYA.because("a second unit in the box")));
    assertThat(entries(ledger, QueueKind.DOUBLE_SALE)).hasSize(1);
    ledger.execute(new SubstituteSaleLine(orders.get(2), Sku.of("A"), Sku.of("B"), 1, MAYA.because("like for like")));
    assertThat(entries(ledger, QueueKind.DOUBLE_SALE)).isEmpty();
    for (OrderId o : orders) {
      ledger.execute(new ShipOrder(o, "USPS", "9400" + o.value(), Samples.usd("4.00"), MAYA));
    }
    assertThat(ledger.requireItem(Sku.of("A")).balances().get(Bucket.BUYER)).isEqualTo(2);
    assertThat(ledger.requireItem(Sku.of("A")).balances().get(Bucket.ADJUSTMENT)).isEqualTo(-1);
    assertThat(ledger.requireItem(Sku.of("B")).balances().get(Bucket.BUYER)).isEqualTo(1);
    assertThat(ledger.requireItem(Sku.of("B")).available()).isEqualTo(1);
    assertThat(ledger.order(orders.get(2)).orElseThrow().lines()).singleElement()
        .satisfies(l -> assertThat(l.sku()).isEqualTo(Sku.of("B")));
    assertThat(ledger.replayMatchesProjections()).isTrue();
    ledger.rebuildProjections();
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }
}
