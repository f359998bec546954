package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.usd;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.RecordFoundUnit;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderCommand.SubstituteSaleLine;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;

/**
 * The two ways to resolve a double sale other than cancelling: a unit found later (an adjustment that
 * covers the shortfall) and a like-for-like substitute from another item. Given a double sale / when the
 * command / then the events, the buckets (still double entry), the order's lines, or a refusal.
 */
class DoubleSaleResolutionTest {
  final Fixture f = new Fixture();

  static void conserved(Item item) {
    long sum = Arrays.stream(Bucket.values()).mapToLong(b -> item.balances().get(b)).sum();
    assertThat(sum).as("units of %s in all buckets", item.sku()).isZero();
    for (Bucket b : Bucket.values()) {
      if (b.isOnHand()) {
        assertThat(item.balances().get(b)).as("%s %s", item.sku(), b).isNotNegative();
      }
    }
  }

  List<String> kinds(StreamId stream) {
    return f.store.stream(f.ledger.workspace(), stream).stream().map(LedgerEvent::kind).toList();
  }

  @Test
  void foundUnit_movesAdjustmentToCommitted_coversTheShortfall_andTheOrderShipsWhole() {
    Item a = f.intake("A", 1);
    f.sell("A", 1);
    OrderId second = f.sell("A", 2);
    assertThat(f.item("A").conflicts()).hasSize(1);

    f.run(new RecordFoundUnit(second, Sku.of("A"), 1, ANA.because("found in the back room")));
    Item after = f.item("A");
    assertThat(after.conflicts()).singleElement().satisfies(c -> assertThat(c.shortfall()).isEqualTo(1));
    f.run(new RecordFoundUnit(second, Sku.of("A"), 1, ANA.because("and another")));
    after = f.item("A");
    assertThat(after.hasConflict()).isFalse();
    assertThat(after.balances().get(Bucket.COMMITTED)).isEqualTo(3);
    assertThat(after.balances().get(Bucket.ADJUSTMENT)).isEqualTo(-2);
    assertThat(after.available()).isZero();
    conserved(after);
    List<LedgerEvent> found = f.store.stream(f.ledger.workspace(), StreamId.of(a.id())).stream()
        .filter(e -> e.kind().equals("FoundUnitsCommitted")).toList();
    assertThat(found).hasSize(2).allSatisfy(e -> {
      assertThat(e.order()).contains(second);
      assertThat(e.reason()).isPresent();
    });
    assertThat(kinds(StreamId.of(second))).contains("ShortfallCovered");
    assertThat(f.ledger.order(second).orElseThrow().lines().get(0).committed()).isEqualTo(2);

    f.run(new ShipOrder(second, "USPS", "9400", usd("4.00"), ANA));
    assertThat(f.item("A").balances().get(Bucket.BUYER)).isEqualTo(2);
    conserved(f.item("A"));
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void substitute_commitsTheOtherItem_movesTheLine_andCancellingGivesTheUnitsBackWhereTheyCameFrom() {
    f.intake("A", 1);
    f.intake("B", 2);
    f.sell("A", 1);
    OrderId second = f.sell("A", 1);

    f.run(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("B"), 1, ANA.because("same jacket, other size tag")));
    Item a = f.item("A");
    Item b = f.item("B");
    assertThat(a.hasConflict()).isFalse();
    assertThat(a.balances().get(Bucket.COMMITTED)).isEqualTo(1);
    assertThat(b.available()).isEqualTo(1);
    assertThat(b.balances().get(Bucket.COMMITTED)).isEqualTo(1);
    conserved(a);
    conserved(b);
    Order order = f.ledger.order(second).orElseThrow();
    assertThat(order.lines()).extracting(OrderLine::sku).containsExactly(Sku.of("B"));
    OrderLine line = order.lines().get(0);
    assertThat(line.quantity()).isEqualTo(1);
    assertThat(line.committed()).isEqualTo(1);
    assertThat(line.unitPrice()).isEqualTo(usd("20.00"));
    assertThat(kinds(StreamId.of(a.id()))).contains("SaleSubstitutedBy");
    assertThat(kinds(StreamId.of(b.id()))).contains("SubstituteCommitted");

    f.run(new CancelOrder(second, ANA));
    assertThat(f.item("B").available()).isEqualTo(2);
    conserved(f.item("B"));
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void substitute_ofTheLastUnit_marksTheOtherItemSold() {
    f.intake("A", 1);
    f.intake("B", 1);
    f.sell("A", 1);
    OrderId second = f.sell("A", 1);
    f.run(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("B"), 1, ANA.because("like for like")));
    assertThat(f.item("B").status()).isEqualTo(ItemStatus.SOLD);
  }

  @Test
  void refusals_nameWhatIsWrong_andChangeNothing() {
    f.intake("A", 1);
    f.intake("B", 1);
    f.sell("B", 1); // nothing of B is available
    f.intake("C", 5);
    OrderId first = f.sell("A", 1);
    OrderId second = f.sell("A", 1);

    f.refused(new RecordFoundUnit(second, Sku.of("A"), 1, ANA), RejectionCode.REASON_REQUIRED);
    f.refused(new RecordFoundUnit(second, Sku.of("A"), 2, ANA.because("x")), RejectionCode.NOT_IN_ORDER);
    f.refused(new RecordFoundUnit(first, Sku.of("A"), 1, ANA.because("x")), RejectionCode.NOT_IN_ORDER);
    f.refused(new RecordFoundUnit(second, Sku.of("C"), 1, ANA.because("x")), RejectionCode.NOT_IN_ORDER);
    f.refused(new RecordFoundUnit(second, Sku.of("A"), 0, ANA.because("x")), RejectionCode.INVALID_VALUE);
    f.refused(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("B"), 1, ANA.because("x")),
        RejectionCode.INSUFFICIENT_UNITS);
    f.refused(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("A"), 1, ANA.because("x")),
        RejectionCode.INVALID_VALUE);
    f.refused(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("Z"), 1, ANA.because("x")),
        RejectionCode.UNKNOWN_ITEM);
    f.refused(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("C"), 1, ANA), RejectionCode.REASON_REQUIRED);
    f.run(new CancelOrder(second, ANA));
    f.refused(new RecordFoundUnit(second, Sku.of("A"), 1, ANA.because("x")),
        RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION);
  }
}
