package org.resellledger.testkit.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.resellledger.core.CommandResult;
import org.resellledger.core.item.Condition;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.AdvanceOrder;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.InspectReturn;
import org.resellledger.core.order.OrderCommand.IssueRefund;
import org.resellledger.core.order.OrderCommand.MarkDelivered;
import org.resellledger.core.order.OrderCommand.ReceiveReturn;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.RecordFoundUnit;
import org.resellledger.core.order.OrderCommand.RecordPickup;
import org.resellledger.core.order.OrderCommand.SubstituteSaleLine;
import org.resellledger.core.order.OrderCommand.RequestReturn;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Gen;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.sim.PlanContext.PlannedItem;
import org.resellledger.testkit.sim.PlanContext.PlannedOrder;

/**
 * Plans sales and what follows them: channel and local sales, double sales of the last unit, the order's
 * lifecycle (mostly its plausible next fact, now and then an implausible one), cancellations racing
 * shipments, provider events out of order, returns with their inspection, and refunds.
 */
final class OrderPlans implements ConceptPlans {
  static final Form<RecordChannelSale> SALE = Form.named("Sale", (Optional<String> name, RecordChannelSale c) ->
      "sale " + name.orElse("?") + " on " + c.channel() + ", order " + c.externalOrderId() + " (" + c.status()
          + "): " + lines(c.lines()) + ", fees " + c.fees() + ", shipping " + c.shippingCharged())
      .simpler(c -> simplerLines(c.lines()).stream().map(l -> new RecordChannelSale(c.channel(),
          c.externalOrderId(), l, c.fees(), c.shippingCharged(), c.status(), c.origin())).toList())
      .channel(c -> c.channel().code())
      .creates(CommandResult::orderId);
  static final Form<RecordLocalSale> LOCAL_SALE = Form.named("LocalSale", (Optional<String> name, RecordLocalSale c) ->
      "local sale " + name.orElse("?") + ": " + lines(c.lines()))
      .simpler(c -> simplerLines(c.lines()).stream().map(l -> new RecordLocalSale(l, c.origin())).toList())
      .channel(c -> "local")
      .creates(CommandResult::orderId);
  static final Form<AdvanceOrder> ADVANCE = Form.of("Advance", (AdvanceOrder c) -> "order " + c.order() + " -> "
      + c.to());
  static final Form<CancelOrder> CANCEL = Form.of("Cancel", (CancelOrder c) -> "cancel " + c.order());
  static final Form<ShipOrder> SHIP = Form.of("Ship", (ShipOrder c) -> "ship " + c.order() + " with " + c.carrier()
      + " " + c.tracking() + " for " + c.shippingCost());
  static final Form<RecordPickup> PICKUP = Form.of("Pickup", (RecordPickup c) -> "buyer picks up " + c.order());
  static final Form<MarkDelivered> DELIVER = Form.of("Deliver", (MarkDelivered c) -> "carrier delivers "
      + c.order());
  static final Form<RequestReturn> ASK_RETURN = Form.of("AskReturn", (RequestReturn c) -> "buyer asks to return "
      + c.order());
  static final Form<ReceiveReturn> RETURN_ARRIVES = Form.of("ReturnArrives", (ReceiveReturn c) -> "return of "
      + c.quantity() + " x " + c.sku() + " from " + c.order() + " arrives")
      .simpler(c -> Step.smaller(c.quantity()).stream()
          .map(q -> new ReceiveReturn(c.order(), c.sku(), q, c.origin())).toList());
  static final Form<InspectReturn> INSPECT = Form.of("Inspect", (InspectReturn c) -> "inspect " + c.quantity()
      + " of " + c.sku() + ": " + c.outcome() + c.newCondition().map(x -> " as " + x).orElse(""))
      .simpler(c -> Step.smaller(c.quantity()).stream()
          .map(q -> new InspectReturn(c.sku(), q, c.outcome(), c.newCondition(), c.origin())).toList());
  static final Form<RecordFoundUnit> FOUND_UNIT = Form.of("FoundUnit", (RecordFoundUnit c) -> "found "
      + c.quantity() + " more of " + c.sku() + " for " + c.order())
      .simpler(c -> Step.smaller(c.quantity()).stream()
          .map(q -> new RecordFoundUnit(c.order(), c.sku(), q, c.origin())).toList());
  static final Form<SubstituteSaleLine> SUBSTITUTE = Form.of("Substitute", (SubstituteSaleLine c) -> "fulfil "
      + c.quantity() + " of " + c.from() + " in " + c.order() + " from " + c.to())
      .simpler(c -> Step.smaller(c.quantity()).stream()
          .map(q -> new SubstituteSaleLine(c.order(), c.from(), c.to(), q, c.origin())).toList());
  static final Form<IssueRefund> REFUND = Form.of("Refund", (IssueRefund c) -> "refund " + c.amount() + " on "
      + c.order());

  private final PlanContext p;
  private final ItemPlans items;

  OrderPlans(PlanContext context, ItemPlans items) {
    this.p = context;
    this.items = items;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("channelSale", 12, this::channelSale),
        new Move("localSale", 3, this::localSale),
        new Move("doubleSale", 3, this::doubleSale),
        new Move("resolveDoubleSale", 2, this::resolveDoubleSale),
        new Move("progressOrder", 20, this::progressOrder),
        new Move("cancelRacesShipment", 2, this::cancelRacesShipment),
        new Move("outOfOrder", 2, this::outOfOrder),
        new Move("returnFlow", 3, this::returnFlow),
        new Move("inspect", 5, this::inspect));
  }

  @Override
  public List<Supplier<List<Step>>> batchParts() {
    return List.of(this::localSale, this::inspect);
  }

  /** A sale re-sent under its provider event id with another shipping charge, half the time. */
  @Override
  public Optional<Step> otherContent(Step earlier) {
    if (earlier instanceof Step.Send<?> s && s.command() instanceof RecordChannelSale c && p.chance(50)) {
      Money shipping = c.fees().plus(c.shippingCharged()).plus(new Money(java.math.BigDecimal.ONE,
          c.fees().currency()));
      return Optional.of(SALE.step(s.name().orElseThrow(), new RecordChannelSale(c.channel(), c.externalOrderId(),
          c.lines(), c.fees(), shipping, c.status(), c.origin())));
    }
    return Optional.empty();
  }

  // ---- sales ---------------------------------------------------------------------------------------------

  private static String lines(List<SaleLine> lines) {
    return lines.stream().map(l -> l.quantity() + " x " + l.sku() + l.listing().map(x -> " via " + x).orElse("")
        + " @ " + l.unitPrice()).collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<List<SaleLine>> simplerLines(List<SaleLine> lines) {
    List<List<SaleLine>> out = new ArrayList<>();
    if (lines.size() > 1) {
      for (SaleLine line : lines) {
        out.add(List.of(line));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      SaleLine l = lines.get(i);
      for (int q : Step.smaller(l.quantity())) {
        List<SaleLine> c = new ArrayList<>(lines);
        c.set(i, new SaleLine(l.sku(), l.listing(), q, l.unitPrice()));
        out.add(c);
      }
    }
    return out;
  }

  private List<SaleLine> lines(Channel channel, List<PlannedItem> forItems, boolean toExhaustion) {
    List<SaleLine> lines = new ArrayList<>();
    for (PlannedItem i : forItems) {
      Optional<String> via = Optional.empty();
      if (!channel.equals(Channel.LOCAL) && p.chance(70)) {
        via = p.listings.stream().filter(l -> l.item == i && l.channel.equals(channel)).map(l -> l.name)
            .findFirst();
        if (via.isEmpty() && p.chance(5) && !p.listings.isEmpty()) {
          via = Optional.of(p.pick(p.listings).name); // a listing of another item or channel: refused
        }
      }
      int q = toExhaustion ? (int) Math.max(1, i.available) : p.quantity(Math.min(i.available, 3));
      lines.add(new SaleLine(i.sku, via.map(ListingId::of), q, p.price(i.currency)));
      i.available -= Math.min(q, Math.max(0, i.available));
    }
    return lines;
  }

  private List<PlannedItem> saleItems() {
    int n = Math.min(p.items.size(), p.chance(80) ? 1 : 2);
    List<PlannedItem> chosen = new ArrayList<>();
    while (chosen.size() < n) {
      PlannedItem i = p.pick(p.items);
      if (!chosen.contains(i)) {
        chosen.add(i);
      }
    }
    return chosen;
  }

  private Step sale(Channel channel, List<SaleLine> lines, Currency currency) {
    String name = "O" + (p.orders.size() + 1);
    OrderStatus status = p.chance(70) ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT;
    String external = p.next(Gens.externalOrderIds(channel));
    if (p.chance(4)) {
      Optional<PlannedOrder> same = p.orders.stream().filter(o -> o.channel.equals(channel)).findFirst();
      if (same.isPresent()) {
        external = same.get().externalId;
      }
    }
    p.orders.add(new PlannedOrder(name, channel, lines, currency, external, status));
    Money fees = p.modest(currency);
    Money shipping = p.modest(currency);
    Origin origin = p.chance(90) ? p.webhook(channel) : Origin.of(Source.POLL, Actor.channel(channel.code()));
    return SALE.step(name, new RecordChannelSale(channel, external, lines, fees, shipping, status, origin));
  }

  List<Step> channelSale() {
    if (p.items.isEmpty()) {
      return items.intake();
    }
    Channel channel = p.channel();
    List<PlannedItem> chosen = saleItems();
    return List.of(sale(channel, lines(channel, chosen, false), chosen.get(0).currency));
  }

  private List<Step> localSale() {
    if (p.items.isEmpty()) {
      return items.intake();
    }
    List<PlannedItem> chosen = saleItems();
    List<SaleLine> lines = lines(Channel.LOCAL, chosen, false);
    String name = "O" + (p.orders.size() + 1);
    p.orders.add(new PlannedOrder(name, Channel.LOCAL, lines, chosen.get(0).currency, "none", OrderStatus.PAID));
    return List.of(LOCAL_SALE.step(name, new RecordLocalSale(lines, Origin.of(Source.LOCAL_POS,
        Actor.person("ben")))));
  }

  /** The last units sell on two channels at once: the second sale is a double sale. */
  private List<Step> doubleSale() {
    Optional<PlannedItem> item = p.item();
    if (item.isEmpty()) {
      return items.intake();
    }
    Channel first = p.pick(PlanContext.MAIN);
    Channel second = p.pick(PlanContext.MAIN.stream().filter(c -> !c.equals(first)).toList());
    List<Step> out = new ArrayList<>();
    for (Channel ch : List.of(first, second)) {
      out.add(sale(ch, lines(ch, List.of(item.get()), true), item.get().currency));
    }
    if (p.chance(40)) {
      out.add(resolve(p.orders.get(p.orders.size() - 1)));
    }
    return out;
  }

  /** Some order (mostly one not yet handed over) is resolved as a double sale without cancelling it. */
  private List<Step> resolveDoubleSale() {
    List<PlannedOrder> open = p.orders.stream().filter(o -> o.status.beforeHandover()).toList();
    if (open.isEmpty() && p.orders.isEmpty()) {
      return doubleSale();
    }
    return List.of(resolve(open.isEmpty() || p.chance(10) ? p.pick(p.orders) : p.pick(open)));
  }

  /**
   * A unit found later (an adjustment, with a reason) or a like-for-like unit of another item; now and
   * then with no reason, too many units, or from an item with none available: those are refused.
   */
  private Step resolve(PlannedOrder o) {
    SaleLine line = p.pick(o.lines);
    int q = p.chance(85) ? 1 : 2;
    Origin by = p.chance(95) ? p.withReason(p.person()) : p.person();
    List<PlannedItem> others = p.items.stream().filter(i -> !i.sku.equals(line.sku()) && i.currency.equals(o.currency)
        && (i.available >= q || p.chance(10))).toList();
    if (others.isEmpty() || p.chance(50)) {
      return FOUND_UNIT.step(new RecordFoundUnit(id(o), line.sku(), q, by));
    }
    PlannedItem to = p.pick(others);
    to.available -= Math.min(q, Math.max(0, to.available));
    return SUBSTITUTE.step(new SubstituteSaleLine(id(o), line.sku(), to.sku, q, by));
  }

  // ---- the order's lifecycle -----------------------------------------------------------------------------

  private static OrderId id(PlannedOrder o) {
    return OrderId.of(o.name);
  }

  /** Mostly an order with a future: refunded and cancelled orders have little left to happen. */
  private Optional<PlannedOrder> order() {
    if (p.orders.isEmpty()) {
      return Optional.empty();
    }
    List<PlannedOrder> open = p.orders.stream()
        .filter(o -> o.status != OrderStatus.REFUNDED && o.status != OrderStatus.CANCELLED).toList();
    return Optional.of(open.isEmpty() || p.chance(10) ? p.pick(p.orders) : p.pick(open));
  }

  private Origin orderOrigin(PlannedOrder o) {
    return p.channelOrPerson(o.channel);
  }

  /** A plausible next fact for some order (and now and then an implausible one). */
  private List<Step> progressOrder() {
    Optional<PlannedOrder> maybe = order();
    if (maybe.isEmpty()) {
      return channelSale();
    }
    PlannedOrder o = maybe.get();
    if (p.chance(3)) {
      return List.of(CANCEL.step(new CancelOrder(OrderId.of("O" + (p.orders.size() + 5)), p.person())));
    }
    List<Supplier<Step>> options = new ArrayList<>();
    switch (p.chance(85) ? o.status : p.next(Gens.orderStatuses())) {
      case PENDING_PAYMENT -> {
        options.add(() -> advance(o, OrderStatus.PAID));
        options.add(() -> cancel(o));
      }
      case PAID, PICKED, PACKED -> {
        options.add(() -> advance(o, o.status == OrderStatus.PAID ? OrderStatus.PICKED : OrderStatus.PACKED));
        options.add(() -> o.channel.equals(Channel.LOCAL) ? pickup(o) : ship(o));
        options.add(() -> o.channel.equals(Channel.LOCAL) ? pickup(o) : ship(o));
        options.add(() -> cancel(o));
      }
      case SHIPPED -> {
        options.add(() -> deliver(o));
        options.add(() -> askReturn(o));
        options.add(() -> askReturn(o));
        options.add(() -> refund(o));
      }
      case DELIVERED, LOCAL_PICKUP -> {
        options.add(() -> askReturn(o));
        options.add(() -> askReturn(o));
        options.add(() -> refund(o));
      }
      case RETURN_REQUESTED -> {
        options.add(() -> returnArrives(o));
        options.add(() -> returnArrives(o));
        options.add(() -> refund(o));
      }
      default -> options.add(() -> refund(o));
    }
    return List.of(p.pick(options).get());
  }

  private Step advance(PlannedOrder o, OrderStatus to) {
    o.status = to;
    return ADVANCE.step(new AdvanceOrder(id(o), to, orderOrigin(o)));
  }

  private Step cancel(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.CANCELLED)) {
      o.status = OrderStatus.CANCELLED;
      for (SaleLine l : o.lines) {
        p.item(l.sku()).ifPresent(i -> i.available += l.quantity());
      }
    }
    return CANCEL.step(new CancelOrder(id(o), orderOrigin(o)));
  }

  private Step ship(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.SHIPPED)) {
      o.status = OrderStatus.SHIPPED;
    }
    String carrier = p.pick(List.of("USPS", "UPS", "Royal Mail", "ヤマト運輸"));
    String tracking = "1Z" + Long.toString(Math.abs(p.random.nextLong()) % 1_000_000_000_000L);
    Money cost = p.modest(o.currency);
    return SHIP.step(new ShipOrder(id(o), carrier, tracking, cost, orderOrigin(o)));
  }

  private Step pickup(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.LOCAL_PICKUP)) {
      o.status = OrderStatus.LOCAL_PICKUP;
    }
    return PICKUP.step(new RecordPickup(id(o), p.person()));
  }

  private Step deliver(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.DELIVERED)) {
      o.status = OrderStatus.DELIVERED;
    }
    return DELIVER.step(new MarkDelivered(id(o), orderOrigin(o)));
  }

  private Step askReturn(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.RETURN_REQUESTED)) {
      o.status = OrderStatus.RETURN_REQUESTED;
    }
    return ASK_RETURN.step(new RequestReturn(id(o), Samples.NOW.plus(Duration.ofDays(30)), orderOrigin(o)));
  }

  private Step returnArrives(PlannedOrder o) {
    SaleLine line = p.pick(o.lines);
    int q = p.quantity(Math.min(line.quantity(), 2));
    p.item(line.sku()).ifPresent(i -> i.inspection += q);
    if (p.chance(50)) {
      o.status = OrderStatus.RETURNED;
    }
    return RETURN_ARRIVES.step(new ReceiveReturn(id(o), p.chance(95) ? line.sku() : p.targetSku(), q, p.person()));
  }

  private Step refund(PlannedOrder o) {
    o.status = OrderStatus.REFUNDED;
    Currency c = p.chance(95) ? o.currency : p.currency();
    return REFUND.step(new IssueRefund(id(o), p.chance(5) ? Money.zero(c) : p.modest(c), orderOrigin(o)));
  }

  /** A cancellation and a shipment for the same paid order, in either order: one of them must be refused. */
  private List<Step> cancelRacesShipment() {
    Optional<PlannedOrder> o = p.orders.stream().filter(x -> x.status.beforeHandover()).findFirst();
    if (o.isEmpty()) {
      return channelSale();
    }
    PlannedOrder order = o.get();
    String tracking = "9400" + p.random.nextInt(1_000_000);
    Step ship = SHIP.step(new ShipOrder(id(order), "USPS", tracking, p.modest(order.currency), orderOrigin(order)));
    Step cancel = CANCEL.step(new CancelOrder(id(order), orderOrigin(order)));
    order.status = OrderStatus.CANCELLED;
    return p.chance(50) ? List.of(ship, cancel) : List.of(cancel, ship);
  }

  /** A provider's later event arrives first, is refused, then comes again after the earlier one. */
  private List<Step> outOfOrder() {
    Optional<PlannedOrder> o = p.orders.stream().filter(x -> !x.channel.equals(Channel.LOCAL)
        && x.status.beforeHandover()).findFirst();
    if (o.isEmpty()) {
      return channelSale();
    }
    PlannedOrder order = o.get();
    Step deliver = DELIVER.step(new MarkDelivered(id(order), p.webhook(order.channel)));
    String tracking = "1Z" + p.random.nextInt(1_000_000);
    Step ship = SHIP.step(new ShipOrder(id(order), "UPS", tracking, p.modest(order.currency),
        p.webhook(order.channel)));
    order.status = OrderStatus.DELIVERED;
    return List.of(deliver, ship, deliver);
  }

  // ---- returns -------------------------------------------------------------------------------------------

  /** A handed-over order comes back: the request, the parcel, the inspection. */
  private List<Step> returnFlow() {
    Optional<PlannedOrder> o = p.orders.stream().filter(x -> x.status == OrderStatus.SHIPPED
        || x.status == OrderStatus.DELIVERED || x.status == OrderStatus.LOCAL_PICKUP).findAny();
    if (o.isEmpty()) {
      return progressOrder();
    }
    PlannedOrder order = o.get();
    Step ask = askReturn(order);
    SaleLine line = p.pick(order.lines);
    int q = p.chance(80) ? 1 : line.quantity();
    Step back = RETURN_ARRIVES.step(new ReceiveReturn(id(order), line.sku(), q, p.person()));
    InspectionOutcome outcome = p.next(Gen.elements(InspectionOutcome.values()));
    Origin by = outcome == InspectionOutcome.WRITE_OFF ? p.withReason(p.person()) : p.person();
    Step look = INSPECT.step(new InspectReturn(line.sku(), q, outcome, Optional.empty(), by));
    if (outcome == InspectionOutcome.RESTOCK) {
      p.item(line.sku()).ifPresent(i -> i.available += q);
    }
    return List.of(ask, back, look);
  }

  private List<Step> inspect() {
    Optional<PlannedItem> item = p.items.stream().filter(i -> i.inspection > 0).findFirst().or(p::item);
    if (item.isEmpty()) {
      return items.intake();
    }
    PlannedItem i = item.get();
    int q = p.quantity(i.inspection);
    InspectionOutcome outcome = p.next(Gen.elements(InspectionOutcome.values()));
    if (q <= i.inspection) {
      i.inspection -= q;
      if (outcome == InspectionOutcome.RESTOCK) {
        i.available += q;
      }
    }
    Optional<Condition> condition = p.chance(40) ? Optional.of(p.next(Gens.conditions())) : Optional.empty();
    Origin origin = outcome == InspectionOutcome.WRITE_OFF ? p.withReason(p.person()) : p.person();
    return List.of(INSPECT.step(new InspectReturn(i.sku, q, outcome, condition, origin)));
  }
}
