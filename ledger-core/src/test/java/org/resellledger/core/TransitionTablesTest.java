package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.usd;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;

/**
 * Walks every (from, to) pair of the three lifecycles through the public API: each legal move is accepted
 * and lands in the target status, every other move is refused and changes nothing.
 */
class TransitionTablesTest {

  /** A shortest path of legal moves from {@code start} to {@code target}. */
  static <S extends Enum<S>> List<S> path(Class<S> type, S start, S target, BiPredicate<S, S> allows) {
    Map<S, S> previous = new EnumMap<>(type);
    ArrayDeque<S> queue = new ArrayDeque<>(List.of(start));
    previous.put(start, start);
    while (!queue.isEmpty()) {
      S s = queue.poll();
      for (S n : type.getEnumConstants()) {
        if (allows.test(s, n) && !previous.containsKey(n)) {
          previous.put(n, s);
          queue.add(n);
        }
      }
    }
    assertThat(previous).as("%s reachable from %s", target, start).containsKey(target);
    List<S> path = new ArrayList<>();
    for (S s = target; s != start; s = previous.get(s)) {
      path.add(0, s);
    }
    return path;
  }

  static <S extends Enum<S>> Stream<Arguments> pairs(Class<S> type) {
    return Stream.of(type.getEnumConstants()).flatMap(a -> Stream.of(type.getEnumConstants()).map(b -> Arguments.of(a, b)));
  }

  static Stream<Arguments> itemPairs() {
    return pairs(ItemStatus.class);
  }

  static Stream<Arguments> listingPairs() {
    return pairs(SyncStatus.class);
  }

  static Stream<Arguments> orderPairs() {
    return pairs(OrderStatus.class);
  }

  // ---- items -------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "item {0} -> {1}")
  @MethodSource("itemPairs")
  void itemMove(ItemStatus from, ItemStatus to) {
    Fixture f = new Fixture();
    f.intake("A-1", 0);
    for (ItemStatus step : path(ItemStatus.class, ItemStatus.READY_TO_LIST, from, ItemStatus::canMoveTo)) {
      f.run(new ChangeItemStatus(Sku.of("A-1"), step, ANA));
    }
    assertThat(f.item("A-1").status()).isEqualTo(from);

    Command move = new ChangeItemStatus(Sku.of("A-1"), to, ANA);
    if (from == ItemStatus.ARCHIVED) {
      // no command moves an archived item; its one legal move is a returned unit (EventKindsTest)
      f.refused(move, RejectionCode.ITEM_ARCHIVED);
    } else if (from.canMoveTo(to)) {
      f.run(move);
      assertThat(f.item("A-1").status()).isEqualTo(to);
    } else {
      f.refused(move, RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION);
      assertThat(f.item("A-1").status()).isEqualTo(from);
    }
  }

  // ---- listings ----------------------------------------------------------------------------------------

  @ParameterizedTest(name = "listing {0} -> {1}")
  @MethodSource("listingPairs")
  void listingMove(SyncStatus from, SyncStatus to) {
    Fixture f = new Fixture();
    f.intake("A-1", 1);
    ListingId listing = f.list("A-1", Channel.EBAY, SyncStatus.DRAFT);
    for (SyncStatus step : path(SyncStatus.class, SyncStatus.DRAFT, from, SyncStatus::canMoveTo)) {
      f.run(new ChangeListingStatus(listing, step, Optional.of("boom"), ANA));
    }
    assertThat(f.ledger.listing(listing).orElseThrow().status()).isEqualTo(from);

    Command move = new ChangeListingStatus(listing, to, Optional.of("boom"), ANA);
    if (from.canMoveTo(to)) {
      f.run(move);
      assertThat(f.ledger.listing(listing).orElseThrow().status()).isEqualTo(to);
    } else {
      f.refused(move, RejectionCode.ILLEGAL_LISTING_STATUS_TRANSITION);
    }
  }

  // ---- orders ------------------------------------------------------------------------------------------

  /** The command that asks for each order status; PENDING_PAYMENT is only ever a starting status. */
  static Command orderCommand(OrderId order, OrderStatus to) {
    return switch (to) {
      case PAID, PICKED, PACKED, PENDING_PAYMENT -> new AdvanceOrder(order, to, ANA);
      case SHIPPED -> new ShipOrder(order, "USPS", "9400", usd("4.00"), ANA);
      case DELIVERED -> new MarkDelivered(order, ANA);
      case LOCAL_PICKUP -> new RecordPickup(order, ANA);
      case CANCELLED -> new CancelOrder(order, ANA);
      case RETURN_REQUESTED -> new RequestReturn(order, Instant.parse("2026-12-10T00:00:00Z"), ANA);
      case RETURNED -> new ReceiveReturn(order, Sku.of("A-1"), 1, ANA);
      case REFUNDED -> new IssueRefund(order, usd("1.00"), ANA);
    };
  }

  @ParameterizedTest(name = "order {0} -> {1}")
  @MethodSource("orderPairs")
  void orderMove(OrderStatus from, OrderStatus to) {
    Fixture f = new Fixture();
    f.intake("A-1", 1);
    OrderId order = f.run(new RecordChannelSale(Channel.SHOPIFY, "S-1",
        List.of(SaleLine.of(Sku.of("A-1"), 1, usd("20.00"))), usd("1.00"), usd("0.00"),
        OrderStatus.PENDING_PAYMENT, ANA)).orderId().orElseThrow();
    for (OrderStatus step : path(OrderStatus.class, OrderStatus.PENDING_PAYMENT, from, OrderStatus::canMoveTo)) {
      f.run(orderCommand(order, step));
    }
    Function<OrderId, OrderStatus> status = id -> f.ledger.order(id).orElseThrow().status();
    assertThat(status.apply(order)).isEqualTo(from);

    Command move = orderCommand(order, to);
    if (from.canMoveTo(to) || from == OrderStatus.REFUNDED && to == OrderStatus.REFUNDED) {
      // a further partial refund of a refunded order stays REFUNDED
      f.run(move);
      assertThat(status.apply(order)).isEqualTo(to);
    } else {
      RejectionException e = catchThrowableOfType(RejectionException.class, () -> f.ledger.execute(move));
      assertThat(e).as("%s -> %s must be refused", from, to).isNotNull();
      assertThat(e.code()).isIn(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, RejectionCode.INVALID_VALUE);
      assertThat(status.apply(order)).isEqualTo(from);
    }
  }

  /**
   * A returned unit needs inspection whatever the item was doing when it came back: with another unit still
   * for sale (READY_TO_LIST) as after the last one sold (SOLD), so the end does not depend on whether a
   * later sale arrived before the return (found by the testkit's order-independence property).
   */
  @org.junit.jupiter.api.Test
  void aReturnArriving_movesTheItemToNeedsInspection_whetherItsOtherUnitsSoldBeforeOrAfter() {
    for (boolean otherSaleFirst : List.of(true, false)) {
      Fixture f = new Fixture();
      f.intake("R-1", 2);
      if (otherSaleFirst) {
        f.sell("R-1", 1);
      }
      OrderId returned = f.shippedOrder("R-1", 1);
      f.run(new RequestReturn(returned, Instant.parse("2026-12-01T00:00:00Z"), ANA));
      f.run(new ReceiveReturn(returned, Sku.of("R-1"), 1, ANA));
      if (!otherSaleFirst) {
        f.sell("R-1", 1);
      }
      assertThat(f.item("R-1").status()).as("other sale first: %s", otherSaleFirst).isEqualTo(ItemStatus.NEEDS_INSPECTION);
      assertThat(f.item("R-1").balances().get(org.resellledger.core.ledger.Bucket.INSPECTION)).isEqualTo(1);
    }
  }
}
