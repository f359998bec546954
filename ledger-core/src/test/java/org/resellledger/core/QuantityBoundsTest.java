package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.details;
import static org.resellledger.core.Fixture.usd;
import static org.resellledger.core.ledger.Balances.MAX_QUANTITY;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.bundle.BundleCommand.BundleChild;
import org.resellledger.core.bundle.BundleCommand.BundleInput;
import org.resellledger.core.bundle.BundleCommand.MergeBundle;
import org.resellledger.core.bundle.BundleCommand.SplitBundle;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Balances;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * One item holds at most {@link Balances#MAX_QUANTITY} units on hand (so no bucket holds more), every command
 * moves at most that many, and a command that would pass it is refused naming its field and the maximum.
 */
class QuantityBoundsTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Fixture f = new Fixture(store, WorkspaceId.of("shop"));

  private RejectionException refusedInvalid(Command c, String field) {
    RejectionException e = f.refused(c, RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(String.valueOf(MAX_QUANTITY));
    return e;
  }

  @Test
  void theMaximum_isTheLargestNineDigitNumber_andTwoInRangeQuantitiesStillAddUpInAnInt() {
    assertThat(MAX_QUANTITY).isEqualTo(999_999_999);
    assertThat((long) MAX_QUANTITY + MAX_QUANTITY).isLessThanOrEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void intake_atTheMaximum_isAccepted_andOneMoreIsRefused() {
    assertThat(f.intake("A-1", MAX_QUANTITY).quantity()).isEqualTo(MAX_QUANTITY);
    refusedInvalid(new IntakeItem(details("B-1").build(), MAX_QUANTITY + 1, ItemStatus.READY_TO_LIST, ANA),
        "quantity");
    refusedInvalid(new IntakeItem(details("B-1").build(), Integer.MAX_VALUE, ItemStatus.HELD, ANA), "quantity");
  }

  @Test
  void adjust_upToTheMaximum_isAccepted_andPastItRefusedNamingDelta() {
    f.intake("A-1", 10);
    f.run(new AdjustQuantity(Sku.of("A-1"), MAX_QUANTITY - 10, ANA.because("recount")));
    assertThat(f.item("A-1").quantity()).isEqualTo(MAX_QUANTITY);
    RejectionException e = refusedInvalid(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("recount")), "delta");
    assertThat(e.getMessage()).contains("would hold 1000000000");
    // the largest deltas either way are refused as values, before any arithmetic on them
    refusedInvalid(new AdjustQuantity(Sku.of("A-1"), Integer.MAX_VALUE, ANA.because("x")), "delta");
    refusedInvalid(new AdjustQuantity(Sku.of("A-1"), Integer.MIN_VALUE, ANA.because("x")), "delta");
    refusedInvalid(new AdjustQuantity(Sku.of("A-1"), -MAX_QUANTITY - 1, ANA.because("x")), "delta");
    f.run(new AdjustQuantity(Sku.of("A-1"), -MAX_QUANTITY, ANA.because("recount")));
    assertThat(f.item("A-1").quantity()).isZero();
  }

  @Test
  void theMaximum_countsEveryOnHandBucket_notOnlyAvailable() {
    f.intake("A-1", MAX_QUANTITY);
    f.run(new HoldUnits(Sku.of("A-1"), 400_000_000, ANA.because("shoot")));
    f.sell("A-1", 300_000_000);
    f.run(new MarkDamaged(Sku.of("A-1"), 100_000_000, Bucket.AVAILABLE, ANA));
    Item item = f.item("A-1");
    assertThat(item.available()).isEqualTo(199_999_999);
    assertThat(item.quantity()).isEqualTo(MAX_QUANTITY);
    assertThat(item.balances().isConserved()).isTrue();
    refusedInvalid(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("recount")), "delta");
  }

  @Test
  void aReturn_thatWouldPassTheMaximum_isRefused_andOneThatFitsIsTakenIn() {
    f.intake("A-1", 5);
    OrderId order = f.shippedOrder("A-1", 5);
    f.run(new AdjustQuantity(Sku.of("A-1"), MAX_QUANTITY - 1, ANA.because("found a pallet")));
    f.run(new RequestReturn(order, Instant.parse("2026-12-05T00:00:00Z"), ANA));
    f.run(new ReceiveReturn(order, Sku.of("A-1"), 1, ANA));
    assertThat(f.item("A-1").quantity()).isEqualTo(MAX_QUANTITY);
    refusedInvalid(new ReceiveReturn(order, Sku.of("A-1"), 1, ANA), "quantity");
    refusedInvalid(new ReceiveReturn(order, Sku.of("A-1"), MAX_QUANTITY + 1, ANA), "quantity");
  }

  @Test
  void unitMoves_refuseMoreThanTheMaximumAsAValue_beforeLookingAtStock() {
    f.intake("A-1", 3);
    refusedInvalid(new HoldUnits(Sku.of("A-1"), MAX_QUANTITY + 1, ANA.because("x")), "quantity");
    refusedInvalid(new ReleaseUnits(Sku.of("A-1"), MAX_QUANTITY + 1, ANA), "quantity");
    refusedInvalid(new MarkDamaged(Sku.of("A-1"), MAX_QUANTITY + 1, Bucket.AVAILABLE, ANA), "quantity");
    refusedInvalid(new MarkLost(Sku.of("A-1"), Integer.MAX_VALUE, Bucket.AVAILABLE, ANA), "quantity");
    refusedInvalid(new InspectReturn(Sku.of("A-1"), MAX_QUANTITY + 1, InspectionOutcome.RESTOCK,
        Optional.empty(), ANA), "quantity");
  }

  @Test
  void bundles_makeItemsOfAtMostTheMaximum() {
    f.intake("P-1", 10);
    refusedInvalid(new SplitBundle(Sku.of("P-1"), 1,
        List.of(new BundleChild(details("C-1").build(), MAX_QUANTITY + 1, 1)), ANA), "child.quantity");
    refusedInvalid(new SplitBundle(Sku.of("P-1"), MAX_QUANTITY + 1,
        List.of(new BundleChild(details("C-1").build(), 1, 1)), ANA), "units");
    f.run(new SplitBundle(Sku.of("P-1"), 1, List.of(new BundleChild(details("C-1").build(), MAX_QUANTITY, 1)), ANA));
    assertThat(f.item("C-1").quantity()).isEqualTo(MAX_QUANTITY);

    refusedInvalid(new MergeBundle(List.of(new BundleInput(Sku.of("P-1"), 1)), details("M-1").build(),
        MAX_QUANTITY + 1, ANA), "quantity");
    refusedInvalid(new MergeBundle(List.of(new BundleInput(Sku.of("P-1"), MAX_QUANTITY + 1)), details("M-1").build(),
        1, ANA), "part.quantity");
    f.run(new MergeBundle(List.of(new BundleInput(Sku.of("P-1"), 1)), details("M-1").build(), MAX_QUANTITY, ANA));
    assertThat(f.item("M-1").quantity()).isEqualTo(MAX_QUANTITY);
  }

  @Test
  void split_weightsThatAddUpPastAnInt_areStillWeights() {
    f.intake("P-1", 2);
    // two weights of Integer.MAX_VALUE used to add up (as ints) to -2, not to zero: the sum is a long now
    f.run(new SplitBundle(Sku.of("P-1"), 2, List.of(
        new BundleChild(details("C-1").build(), 1, Integer.MAX_VALUE),
        new BundleChild(details("C-2").build(), 1, Integer.MAX_VALUE)), ANA));
    assertThat(f.item("C-1").details().costBasis().plus(f.item("C-2").details().costBasis()))
        .isEqualTo(usd("10.00"));
  }

  @Test
  void aSale_ofMoreThanIsAvailable_isRecordedUpToTheMaximum_andPastItRefused() {
    f.intake("A-1", 1);
    OrderId order = f.sell("A-1", MAX_QUANTITY);
    assertThat(f.ledger.order(order).orElseThrow().lines().get(0).shortfall()).isEqualTo(MAX_QUANTITY - 1);
    assertThat(f.item("A-1").conflicts()).hasSize(1);
    refusedInvalid(new RecordChannelSale(Channel.EBAY, "E-2",
        List.of(SaleLine.of(Sku.of("A-1"), MAX_QUANTITY + 1, usd("1.00"))), usd("0.00"), usd("0.00"),
        OrderStatus.PAID, ANA), "line.quantity");
  }

  @Test
  void balances_sumBucketsInLongs_andNeverWrap() {
    Balances above = Balances.of(Map.of(Bucket.AVAILABLE, 3_999_999_996L, Bucket.HELD, 4_000_000_000L,
        Bucket.SUPPLIER, -7_999_999_996L));
    assertThat(above.onHand()).isEqualTo(7_999_999_996L);
    assertThat(above.isConserved()).isTrue();
    Balances edge = Balances.of(Map.of(Bucket.AVAILABLE, Long.MAX_VALUE - 1, Bucket.ADJUSTMENT, 1 - Long.MAX_VALUE));
    assertThat(edge.apply(Movement.of(1, Bucket.ADJUSTMENT, Bucket.AVAILABLE)).available()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> edge.apply(Movement.of(2, Bucket.ADJUSTMENT, Bucket.AVAILABLE)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Balances.of(Map.of(Bucket.AVAILABLE, Long.MAX_VALUE, Bucket.HELD, 1L)).onHand())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void anItemStoredAboveTheMaximum_readsBack_canBeBroughtDown_butTakesNoMoreUnits() {
    Item item = f.intake("A-1", 5);
    Item stored = new Item(item.id(), item.details(), item.status(),
        Balances.of(Map.of(Bucket.AVAILABLE, 3_999_999_996L, Bucket.SUPPLIER, -3_999_999_996L)), item.listings(),
        item.conflicts(), item.lotUnits(), item.version());
    store.replaceProjections(WorkspaceId.of("shop"), List.of(stored), List.of());
    assertThat(f.item("A-1").quantity()).isEqualTo(3_999_999_996L);

    refusedInvalid(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("recount")), "delta");
    f.run(new AdjustQuantity(Sku.of("A-1"), -MAX_QUANTITY, ANA.because("recount")));
    assertThat(f.item("A-1").quantity()).isEqualTo(2_999_999_997L);
    f.sell("A-1", MAX_QUANTITY);
    assertThat(f.item("A-1").available()).isEqualTo(1_999_999_998L);
    assertThat(f.item("A-1").balances().get(Bucket.COMMITTED)).isEqualTo(MAX_QUANTITY);
  }
}
