package org.resellledger.testkit.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.ItemCommand.EstimateMarketValue;
import org.resellledger.core.order.OrderCommand.AddTracking;
import org.resellledger.core.order.OrderCommand.RecordPayout;
import org.resellledger.core.order.OrderCommand.SetShipBy;
import org.resellledger.core.order.OrderId;
import org.resellledger.testkit.sim.PlanContext.PlannedItem;
import org.resellledger.testkit.sim.PlanContext.PlannedOrder;

/**
 * Plans what the exception queues and the reports read beside sales: ship-by dates, tracking added after
 * shipping, payouts, and market value estimates. Mostly for orders and items that can take them, now and
 * then for ones that cannot (handed over, not shipped), which must be refused.
 */
final class FulfilmentPlans implements ConceptPlans {
  static final Form<SetShipBy> SHIP_BY = Form.of("ShipBy", (SetShipBy c) -> "ship " + c.order() + " by "
      + c.shipBy());
  static final Form<AddTracking> TRACKING = Form.of("Tracking", (AddTracking c) -> "tracking " + c.carrier() + " "
      + c.tracking() + " for " + c.order());
  static final Form<RecordPayout> PAYOUT = Form.of("Payout", (RecordPayout c) -> "payout " + c.payoutId() + " of "
      + c.amount() + " (fees withheld " + c.feesWithheld() + ") for " + c.order());
  static final Form<EstimateMarketValue> ESTIMATE = Form.of("Estimate", (EstimateMarketValue c) -> "estimate "
      + c.sku() + " at " + c.value());

  private final PlanContext p;
  private final ItemPlans items;

  FulfilmentPlans(PlanContext context, ItemPlans items) {
    this.p = context;
    this.items = items;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("shipBy", 2, this::shipBy),
        new Move("tracking", 1, this::tracking),
        new Move("payout", 2, this::payout),
        new Move("estimate", 2, this::estimate));
  }

  private Optional<PlannedOrder> order() {
    return p.orders.isEmpty() ? Optional.empty() : Optional.of(p.pick(p.orders));
  }

  private List<Step> shipBy() {
    Optional<PlannedOrder> o = order();
    if (o.isEmpty()) {
      return estimate();
    }
    return List.of(SHIP_BY.step(new SetShipBy(OrderId.of(o.get().name),
        p.tick().plus(Duration.ofHours(p.random.nextInt(96))), p.channelOrPerson(o.get().channel))));
  }

  private List<Step> tracking() {
    Optional<PlannedOrder> o = order();
    if (o.isEmpty()) {
      return estimate();
    }
    String tracking = "9405" + p.random.nextInt(1_000_000);
    return List.of(TRACKING.step(new AddTracking(OrderId.of(o.get().name), "USPS", tracking, p.person())));
  }

  private List<Step> payout() {
    Optional<PlannedOrder> o = order();
    if (o.isEmpty()) {
      return estimate();
    }
    PlannedOrder order = o.get();
    return List.of(PAYOUT.step(new RecordPayout(OrderId.of(order.name), "PO-" + p.random.nextInt(100_000),
        p.price(order.currency), p.modest(order.currency), p.channelOrPerson(order.channel))));
  }

  private List<Step> estimate() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return items.intake();
    }
    PlannedItem i = item.get();
    Optional<String> basis = p.chance(50) ? Optional.of("sold comps") : Optional.empty();
    return List.of(ESTIMATE.step(new EstimateMarketValue(i.sku, p.price(i.currency), basis, p.person())));
  }
}
