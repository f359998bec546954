package org.resellledger.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderFact.OrderPlaced;
import org.resellledger.core.order.OrderFact.OrderShipped;
import org.resellledger.core.order.OrderFact.PayoutReceived;
import org.resellledger.core.order.OrderFact.RefundIssued;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.report.DailyDashboard;
import org.resellledger.core.report.Figure;
import org.resellledger.core.report.Reports;
import org.resellledger.core.report.WeeklyReview;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;

/**
 * Every figure of the daily dashboard and the weekly review, over generated histories (the testkit's
 * simulator, seeded), equals an independent computation from the whole event list and the replayed
 * projections; and every figure's parts sum back to it and name events of the workspace. Checked after
 * every step; rerun a failure with the {@code -Dledger.seed=...} it prints.
 */
class ReportsProperties {
  static final Currency USD = Currency.getInstance("USD");
  static final Duration STALE = Duration.ofDays(5);

  @Test
  void everyFigure_equalsAnIndependentComputation_andItsPartsSumToIt() {
    LedgerStore[] current = new LedgerStore[1];
    var report = LedgerSimulator.against(() -> current[0] = new InMemoryLedgerStore())
        .sequences(100)
        .steps(40)
        .check("reports agree with the events", ledger -> check(ledger, current[0]))
        .run();
    assertThat(report.commandsByKind()).containsKeys("Payout", "Sale", "Ship", "Refund");
    assertThat(SEEN_APPROVALS.get()).as("dashboards that had proposals waiting for approval").isPositive();
    assertThat(SEEN_RISKY.get()).as("dashboards that had risky proposals waiting").isPositive();
    // the simulator's outbox rarely fails five times in a row, so blocked writes are mostly counted as none
    // here; ProposalQueuesTest's dashboard scenario counts one
  }

  static final java.util.concurrent.atomic.AtomicLong SEEN_APPROVALS = new java.util.concurrent.atomic.AtomicLong();
  static final java.util.concurrent.atomic.AtomicLong SEEN_RISKY = new java.util.concurrent.atomic.AtomicLong();


  static Optional<String> check(Ledger ledger, LedgerStore store) {
    List<LedgerEvent> events = ledger.events();
    if (events.isEmpty()) {
      return Optional.empty();
    }
    Instant first = events.stream().map(LedgerEvent::occurredAt).min(Instant::compareTo).orElseThrow();
    Instant last = events.stream().map(LedgerEvent::occurredAt).max(Instant::compareTo).orElseThrow();
    // a range that cuts the history in two, so that what falls outside must be left out
    Instant from = first.plus(Duration.between(first, last).dividedBy(3));
    Instant before = last.plusSeconds(1);
    Reports reports = Reports.open(store, ledger.workspace(), Optional.empty());
    WeeklyReview review = reports.weekly(from, before, USD, STALE);
    Expected want = new Expected(ledger, events, from, before);
    List<String> wrong = new ArrayList<>();
    same(wrong, review.sales(), want.sales);
    same(wrong, review.fees(), want.fees);
    same(wrong, review.cashCollected(), want.cash);
    same(wrong, review.feesWithheld(), want.withheld);
    same(wrong, review.refunds(), want.refunds);
    same(wrong, review.shippingSpend(), want.shipping);
    same(wrong, review.margin(), want.margin);
    same(wrong, review.stock().ledgerUnits(), BigDecimal.valueOf(want.units));
    same(wrong, review.stock().ledgerCost(), want.cost);
    same(wrong, review.staleItems(), BigDecimal.valueOf(want.stale));
    same(wrong, review.missingPhotos(), BigDecimal.valueOf(want.missingPhotos));
    same(wrong, review.missingListings(), BigDecimal.valueOf(want.missingListings));
    if (review.stock().projectionUnits() != want.units || review.stock().projectionCost().compareTo(want.cost) != 0
        || !review.stock().agrees()) {
      wrong.add("projection stock " + review.stock() + ", expected " + want.units + " / " + want.cost);
    }
    for (var e : review.cashByChannel().entrySet()) {
      same(wrong, e.getValue(), want.cashByChannel.getOrDefault(e.getKey(), BigDecimal.ZERO));
    }
    if (!review.cashByChannel().keySet().equals(want.cashByChannel.keySet())) {
      wrong.add("cash channels " + review.cashByChannel().keySet() + ", expected " + want.cashByChannel.keySet());
    }
    BigDecimal categoryMargins = BigDecimal.ZERO;
    for (WeeklyReview.Group g : review.byCategory()) {
      same(wrong, g.unitsSold(), BigDecimal.valueOf(want.soldByCategory.getOrDefault(g.name(), 0L)));
      same(wrong, g.margin(), want.marginByCategory.getOrDefault(g.name(), BigDecimal.ZERO));
      if (g.unitsOnHand() != want.onHandByCategory.getOrDefault(g.name(), 0L)) {
        wrong.add("on hand of " + g.name() + " " + g.unitsOnHand());
      }
      long sold = want.soldByCategory.getOrDefault(g.name(), 0L);
      long total = sold + g.unitsOnHand();
      BigDecimal through = total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(sold)
          .divide(BigDecimal.valueOf(total), 4, java.math.RoundingMode.HALF_EVEN);
      if (g.sellThrough().compareTo(through) != 0) {
        wrong.add("sell-through of " + g.name() + " " + g.sellThrough() + ", expected " + through);
      }
      categoryMargins = categoryMargins.add(g.margin().value());
    }
    if (categoryMargins.compareTo(review.margin().value()) != 0) {
      wrong.add("category margins sum to " + categoryMargins + ", not the margin " + review.margin().value());
    }
    BigDecimal sourceMargins = review.bySource().stream().map(g -> g.margin().value())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sourceMargins.compareTo(review.margin().value()) != 0) {
      wrong.add("source margins sum to " + sourceMargins + ", not the margin " + review.margin().value());
    }

    LocalDate day = LocalDate.ofInstant(last, ZoneOffset.UTC);
    DailyDashboard dash = reports.daily(day, ZoneOffset.UTC, USD);
    Map<String, BigDecimal> sold = new TreeMap<>();
    Map<String, BigDecimal> count = new TreeMap<>();
    for (LedgerEvent e : events) {
      if (e.payload() instanceof OrderPlaced p && p.fees().currency().equals(USD)
          && LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC).equals(day)) {
        sold.merge(p.channel().code(), total(p.lines()), BigDecimal::add);
        count.merge(p.channel().code(), BigDecimal.ONE, BigDecimal::add);
      }
    }
    if (!dash.soldByChannel().keySet().equals(sold.keySet())) {
      wrong.add("sold channels " + dash.soldByChannel().keySet() + ", expected " + sold.keySet());
    }
    sold.forEach((c, v) -> same(wrong, dash.soldByChannel().get(c), v));
    count.forEach((c, v) -> same(wrong, dash.ordersByChannel().get(c), v));
    long unshipped = ledger.orders().stream().filter(o -> o.status() == OrderStatus.PAID
        || o.status() == OrderStatus.PICKED || o.status() == OrderStatus.PACKED).count();
    if (dash.toShip().size() != unshipped) {
      wrong.add("to ship " + dash.toShip().size() + ", expected " + unshipped);
    }
    long estimates = events.stream().filter(e -> e.kind().equals("MarketValueEstimated")
        && LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC).equals(day)).count();
    if (dash.valueChanges().size() != estimates) {
      wrong.add("value changes " + dash.valueChanges().size() + ", expected " + estimates);
    }

    // what needs approval and the blocked outbox, counted from the replayed proposal states (not the keys)
    long pending = 0;
    long risky = 0;
    long blocked = 0;
    for (var state : ledger.replay().streams()) {
      if (state.state() instanceof Proposal p) {
        pending += p.state() == ProposalState.PENDING ? 1 : 0;
        risky += p.state() == ProposalState.PENDING && p.risky() ? 1 : 0;
        blocked += p.state() == ProposalState.BLOCKED ? 1 : 0;
      }
    }
    SEEN_APPROVALS.addAndGet(pending > 0 ? 1 : 0);
    SEEN_RISKY.addAndGet(risky > 0 ? 1 : 0);
    same(wrong, dash.needsApproval(), BigDecimal.valueOf(pending));
    same(wrong, dash.riskyApprovals(), BigDecimal.valueOf(risky));
    same(wrong, dash.blockedWrites(), BigDecimal.valueOf(blocked));
    if (dash.approvals().size() != pending || dash.approvals().stream().filter(a -> a.risky()).count() != risky
        || dash.blocked().size() != blocked) {
      wrong.add("approvals " + dash.approvals().size() + " / blocked " + dash.blocked().size() + ", expected "
          + pending + " (" + risky + " risky) / " + blocked);
    }

    Set<EventId> known = new HashSet<>();
    events.forEach(e -> known.add(e.id()));
    for (Figure f : allFigures(review, dash)) {
      if (f.partsSum().compareTo(f.value()) != 0) {
        wrong.add(f.name() + ": parts sum to " + f.partsSum() + ", figure is " + f.value());
      }
      f.parts().stream().filter(p -> !known.contains(p.event())).findFirst()
          .ifPresent(p -> wrong.add(f.name() + ": part names unknown event " + p.event()));
    }
    return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
  }

  static List<Figure> allFigures(WeeklyReview r, DailyDashboard d) {
    List<Figure> all = new ArrayList<>(List.of(r.sales(), r.fees(), r.cashCollected(), r.feesWithheld(), r.refunds(),
        r.shippingSpend(), r.margin(), r.stock().ledgerUnits(), r.stock().ledgerCost(), r.staleItems(),
        r.missingPhotos(), r.missingListings()));
    all.addAll(r.cashByChannel().values());
    r.byCategory().forEach(g -> all.addAll(List.of(g.unitsSold(), g.margin())));
    r.bySource().forEach(g -> all.addAll(List.of(g.unitsSold(), g.margin())));
    all.addAll(d.soldByChannel().values());
    all.addAll(d.ordersByChannel().values());
    all.addAll(List.of(d.needsApproval(), d.riskyApprovals(), d.blockedWrites()));
    return all;
  }

  static void same(List<String> wrong, Figure f, BigDecimal expected) {
    if (f == null) {
      wrong.add("missing figure, expected " + expected);
    } else if (f.value().compareTo(expected) != 0) {
      wrong.add(f.name() + " is " + f.value() + ", expected " + expected);
    }
  }

  static BigDecimal total(List<OrderLine> lines) {
    BigDecimal sum = BigDecimal.ZERO;
    for (OrderLine l : lines) {
      sum = sum.add(l.unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity())));
    }
    return sum;
  }

  /** The same figures, computed the plain way: the whole event list and the replayed projections. */
  static final class Expected {
    BigDecimal sales = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal cash = BigDecimal.ZERO;
    BigDecimal withheld = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    BigDecimal shipping = BigDecimal.ZERO;
    BigDecimal margin = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    long units;
    long stale;
    long missingPhotos;
    long missingListings;
    Map<String, BigDecimal> cashByChannel = new TreeMap<>();
    Map<String, Long> soldByCategory = new HashMap<>();
    Map<String, BigDecimal> marginByCategory = new HashMap<>();
    Map<String, Long> onHandByCategory = new HashMap<>();

    Expected(Ledger ledger, List<LedgerEvent> events, Instant from, Instant before) {
      Ledger.Projection replay = ledger.replay();
      Map<ItemId, Item> items = new HashMap<>();
      replay.items().forEach(i -> items.put(i.id(), i));
      Map<OrderId, Order> orders = new HashMap<>();
      replay.orders().forEach(o -> orders.put(o.id(), o));
      Set<OrderId> placedInRange = new HashSet<>();
      Map<ItemId, Instant> lastSale = new HashMap<>();
      Map<ItemId, Instant> firstAt = new HashMap<>();
      Instant staleSince = before.minus(STALE);
      for (LedgerEvent e : events) {
        if (e.version() == 1 && e.item().isPresent() && e.stream().kind() == org.resellledger.core.ledger.StreamId.Kind.ITEM) {
          firstAt.put(e.item().get(), e.occurredAt());
        }
        if ((e.kind().equals("ChannelSaleRecorded") || e.kind().equals("LocalSaleRecorded"))
            && e.occurredAt().isBefore(before)) {
          lastSale.merge(e.item().orElseThrow(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        boolean in = !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(before);
        if (!in) {
          continue;
        }
        if (e.payload() instanceof OrderPlaced p && p.fees().currency().equals(USD)) {
          sales = sales.add(total(p.lines()));
          fees = fees.add(p.fees().amount());
          placedInRange.add(e.order().orElseThrow());
        } else if (e.payload() instanceof PayoutReceived p && p.amount().currency().equals(USD)) {
          cash = cash.add(p.amount().amount());
          withheld = withheld.add(p.feesWithheld().amount());
          cashByChannel.merge(orders.get(e.order().orElseThrow()).channel().code(), p.amount().amount(),
              BigDecimal::add);
        } else if (e.payload() instanceof RefundIssued r && r.amount().currency().equals(USD)) {
          refunds = refunds.add(r.amount().amount());
        } else if (e.payload() instanceof OrderShipped s && s.shippingCost().currency().equals(USD)) {
          shipping = shipping.add(s.shippingCost().amount());
        }
      }
      for (OrderId id : placedInRange) {
        Order o = orders.get(id);
        if (o.status() == OrderStatus.CANCELLED) {
          continue;
        }
        BigDecimal m = o.salePrice().amount().subtract(o.fees().amount()).subtract(o.shippingCost().amount());
        List<Money> shares = o.fees().plus(o.shippingCost()).allocate(o.lines().stream().map(OrderLine::quantity)
            .toList());
        for (int i = 0; i < o.lines().size(); i++) {
          OrderLine line = o.lines().get(i);
          Item item = items.get(line.item());
          BigDecimal lineCost = Reports.unitCost(item).multiply(BigDecimal.valueOf(line.committed()));
          m = m.subtract(lineCost);
          String category = item.details().category().top();
          soldByCategory.merge(category, (long) line.committed(), Long::sum);
          marginByCategory.merge(category, line.total().amount().subtract(shares.get(i).amount()).subtract(lineCost),
              BigDecimal::add);
        }
        margin = margin.add(m);
      }
      for (Item i : replay.items()) {
        units += i.quantity();
        onHandByCategory.merge(i.details().category().top(), i.quantity(), Long::sum);
        if (i.details().costBasis().currency().equals(USD)) {
          cost = cost.add(Reports.unitCost(i).multiply(BigDecimal.valueOf(i.quantity())));
        }
        if (i.status() == ItemStatus.ARCHIVED) {
          continue;
        }
        if (i.available() > 0 && firstAt.get(i.id()).isBefore(staleSince)
            && (!lastSale.containsKey(i.id()) || lastSale.get(i.id()).isBefore(staleSince))) {
          stale++;
        }
        if (i.quantity() > 0 && i.details().photoStatus() != PhotoStatus.COMPLETE) {
          missingPhotos++;
        }
        if (i.available() > 0 && i.listings().isEmpty()) {
          missingListings++;
        }
      }
    }
  }
}
