package org.resellledger.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.resellledger.core.Projector;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.inbox.InboxStore;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemFact.MarketValueEstimated;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderFact.OrderPlaced;
import org.resellledger.core.order.OrderFact.OrderShipped;
import org.resellledger.core.order.OrderFact.PayoutReceived;
import org.resellledger.core.order.OrderFact.RefundIssued;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.ChannelSaleRecorded;
import org.resellledger.core.order.OrderItemFact.LocalSaleRecorded;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.EventQuery;
import org.resellledger.core.message.BuyerMessage;
import org.resellledger.core.message.MessageStreams;
import org.resellledger.core.store.ItemQuery;
import org.resellledger.core.count.CountBook;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.OrderQuery;
import org.resellledger.core.store.Page;

/**
 * The daily dashboard and the weekly review of one workspace, computed from the ledger's records through
 * the store's paged reads (and, for the stock check, one streamed pass over the events).
 *
 * <ul>
 *   <li>Every figure carries its parts: the events behind it, each with its contribution, summing to it.
 *   <li>Memory holds one page at a time, plus what a figure needs per item (a unit cost, a group) or per
 *       order of the range; never every event.
 *   <li>Reads only.
 * </ul>
 */
public final class Reports {
  static final int BATCH = 500;
  /** The scale of unit costs and of the amounts computed from them. */
  public static final int COST_SCALE = 10;
  private static final Set<String> SALE_KINDS = Set.of("ChannelSaleRecorded", "LocalSaleRecorded");

  private final LedgerStore store;
  private final WorkspaceId workspace;
  private final Optional<InboxStore> inbox;

  private Reports(LedgerStore store, WorkspaceId workspace, Optional<InboxStore> inbox) {
    this.store = store;
    this.workspace = workspace;
    this.inbox = inbox;
  }

  public static Reports open(LedgerStore store, WorkspaceId workspace, Optional<InboxStore> inbox) {
    return new Reports(Objects.requireNonNull(store, "store"), Objects.requireNonNull(workspace, "workspace"),
        Objects.requireNonNull(inbox, "inbox"));
  }

  /** The cost basis of one unit of an item: its cost basis over the units it covers (zero when none). */
  public static BigDecimal unitCost(Item item) {
    return item.lotUnits() <= 0 ? BigDecimal.ZERO.setScale(COST_SCALE)
        : item.details().costBasis().amount().divide(BigDecimal.valueOf(item.lotUnits()), COST_SCALE,
            RoundingMode.HALF_EVEN);
  }

  // ---- reading in pages ---------------------------------------------------------------------------------

  private void events(EventQuery query, Consumer<LedgerEvent> sink) {
    Optional<String> after = Optional.empty();
    do {
      Page<LedgerEvent> page = store.eventPage(workspace, query, after, BATCH);
      page.rows().forEach(sink);
      after = page.next();
    } while (after.isPresent());
  }

  private void items(ItemQuery query, Consumer<Item> sink) {
    Optional<String> after = Optional.empty();
    do {
      Page<Item> page = store.itemPage(workspace, query, after, BATCH);
      page.rows().forEach(sink);
      after = page.next();
    } while (after.isPresent());
  }

  private void orders(OrderQuery query, Consumer<Order> sink) {
    Optional<String> after = Optional.empty();
    do {
      Page<Order> page = store.orderPage(workspace, query, after, BATCH);
      page.rows().forEach(sink);
      after = page.next();
    } while (after.isPresent());
  }

  private static Map<String, Figure> figures(Map<String, Figure.Sum> sums) {
    Map<String, Figure> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v.figure()));
    return out;
  }

  // ---- the daily dashboard ------------------------------------------------------------------------------

  /** The dashboard of {@code day} in {@code zone}, money figures in {@code currency}. */
  public DailyDashboard daily(LocalDate day, ZoneId zone, Currency currency) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant before = day.plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Figure.Sum> sold = new TreeMap<>();
    Map<String, Figure.Sum> count = new TreeMap<>();
    events(EventQuery.all().kinds(OrderPlaced.class).occurred(from, before), e -> {
      OrderPlaced p = (OrderPlaced) e.payload();
      if (p.fees().currency().equals(currency)) {
        String channel = p.channel().code();
        sold.computeIfAbsent(channel, c -> new Figure.Sum("sold." + c)).add(e.id(), salePrice(p.lines(), currency));
        count.computeIfAbsent(channel, c -> new Figure.Sum("orders." + c)).add(e.id(), BigDecimal.ONE);
      }
    });
    List<DailyDashboard.ToShip> toShip = new ArrayList<>();
    orders(OrderQuery.all().statuses(OrderStatus.PAID, OrderStatus.PICKED, OrderStatus.PACKED), o ->
        toShip.add(new DailyDashboard.ToShip(o.id(), o.channel().code(), o.status(), o.shipBy(), o.placedAt())));
    toShip.sort(Comparator.comparing((DailyDashboard.ToShip t) -> t.shipBy().orElse(Instant.MAX))
        .thenComparing(DailyDashboard.ToShip::placedAt).thenComparing(t -> t.order().value()));
    List<DailyDashboard.ValueChange> changes = new ArrayList<>();
    List<LedgerEvent> estimates = new ArrayList<>();
    events(EventQuery.all().kinds(MarketValueEstimated.class).occurred(from, before), e -> {
      estimates.add(e);
      if (estimates.size() == BATCH) {
        valueChanges(estimates, changes);
      }
    });
    valueChanges(estimates, changes);
    Map<InboxState, Integer> waiting = new EnumMap<>(InboxState.class);
    inbox.ifPresent(in -> {
      for (InboxState s : List.of(InboxState.PARKED, InboxState.HELD, InboxState.FAILED)) {
        waiting.put(s, in.inboxEntries(workspace, s, 0, InboxStore.MAX_PAGE).size());
      }
    });
    List<DailyDashboard.SyncError> errors = new ArrayList<>();
    items(ItemQuery.all().listed(SyncStatus.ERROR), i -> {
      for (Listing l : i.listings().values()) {
        if (l.status() == SyncStatus.ERROR) {
          errors.add(new DailyDashboard.SyncError(i.sku().value(), l.id(), l.details().channel().code(),
              l.lastError().orElse("")));
        }
      }
    });
    Figure.Sum pending = new Figure.Sum("needsApproval");
    Figure.Sum risky = new Figure.Sum("needsApproval.risky");
    List<DailyDashboard.AwaitingApproval> approvals = new ArrayList<>();
    proposals(ProposalStreams.PENDING_KEY, ProposalState.PENDING, (p, event) -> {
      pending.add(event, BigDecimal.ONE);
      if (p.risky()) {
        risky.add(event, BigDecimal.ONE);
      }
      approvals.add(new DailyDashboard.AwaitingApproval(p.id(), p.kind(), p.target().toString(), p.risks(),
          p.draftedAt(), event));
    });
    Figure.Sum blocked = new Figure.Sum("blockedWrites");
    List<DailyDashboard.BlockedWrite> writes = new ArrayList<>();
    proposals(ProposalStreams.BLOCKED_KEY, ProposalState.BLOCKED, (p, event) -> {
      blocked.add(event, BigDecimal.ONE);
      writes.add(new DailyDashboard.BlockedWrite(p.id(), p.kind(), p.target().toString(),
          p.channel().map(c -> c.code()).orElse(""), p.outbox().map(o -> o.attempts()).orElse(0),
          p.outbox().flatMap(o -> o.lastError()).orElse(""), event));
    });
    return new DailyDashboard(day, figures(sold), figures(count), toShip, changes, waiting, errors, pending.figure(),
        risky.figure(), approvals, blocked.figure(), writes, needsReply());
  }

  /** The value changes of {@code estimates}, each with its item's SKU (the items read in one store read). */
  private void valueChanges(List<LedgerEvent> estimates, List<DailyDashboard.ValueChange> changes) {
    Map<ItemId, Item> items = store.itemsById(workspace, estimates.stream().map(e -> e.item().orElseThrow()).toList());
    for (LedgerEvent e : estimates) {
      MarketValueEstimated m = (MarketValueEstimated) e.payload();
      String sku = Optional.ofNullable(items.get(e.item().orElseThrow())).map(i -> i.sku().value()).orElse("?");
      changes.add(new DailyDashboard.ValueChange(sku, m.before(), m.after(), e.id()));
    }
    estimates.clear();
  }

  /**
   * The proposals holding key {@code keyName} that are in {@code state}, in key order, each with the last
   * event of its stream (the one that left it there): a keyset walk over the key, a batch of streams at a time.
   */
  private void proposals(String keyName, ProposalState state, java.util.function.BiConsumer<Proposal, EventId> sink) {
    Optional<String> after = Optional.empty();
    List<org.resellledger.core.store.KeyedStream> keys;
    do {
      keys = store.streamsWithKeyAfter(workspace, ProposalStreams.PROPOSAL, keyName, "", after, BATCH);
      if (keys.isEmpty()) {
        return;
      }
      after = Optional.of(keys.get(keys.size() - 1).key().value());
      List<StreamId> batch = keys.stream().map(org.resellledger.core.store.KeyedStream::stream).toList();
      Map<StreamId, List<LedgerEvent>> streams = store.streamsOf(workspace, batch);
      for (StreamId id : batch) {
        List<LedgerEvent> events = streams.getOrDefault(id, List.of());
        if (events.isEmpty()) {
          continue;
        }
        Proposal p = (Proposal) Projector.replay(events);
        if (p.state() == state) {
          sink.accept(p, events.get(events.size() - 1).id());
        }
      }
    } while (keys.size() == BATCH);
  }

  /** The buyer messages waiting for a person, oldest first, one part each (its received event). */
  private Figure needsReply() {
    Figure.Sum sum = new Figure.Sum("needsReply");
    Optional<String> after = Optional.empty();
    do {
      Page<BuyerMessage> page = MessageStreams.waiting(store, workspace, after, BATCH);
      page.rows().forEach(m -> sum.add(m.received(), BigDecimal.ONE));
      after = page.next();
    } while (after.isPresent());
    return sum.figure();
  }

  private static BigDecimal salePrice(List<OrderLine> lines, Currency currency) {
    Money sum = Money.zero(currency);
    for (OrderLine l : lines) {
      sum = sum.plus(l.total());
    }
    return sum.amount();
  }

  // ---- the weekly review --------------------------------------------------------------------------------

  /** An item's first event: what the review keeps of it. */
  private record First(EventId id, Instant occurredAt) {}

  /** A payout of the range in the review's currency, waiting for its order's channel. */
  private record Payout(EventId event, OrderId order, BigDecimal amount) {}

  /**
   * The ledger's side of the stock check, from item events arriving stream by stream: folds one item and
   * keeps its on-hand moves until its last event, then adds them priced with the item's unit cost.
   */
  private static final class StockFold {
    private final Currency currency;
    private final Figure.Sum units;
    private final Figure.Sum cost;
    private final List<EventId> moveEvents = new ArrayList<>();
    private final List<Long> moveDeltas = new ArrayList<>();
    private ItemId current;
    private Item item;

    StockFold(Currency currency, Figure.Sum units, Figure.Sum cost) {
      this.currency = currency;
      this.units = units;
      this.cost = cost;
    }

    void accept(ItemId id, LedgerEvent e) {
      if (!id.equals(current)) {
        finish();
        current = id;
      }
      item = Projector.apply(item, e);
      e.movement().ifPresent(m -> {
        long delta = onHandDelta(m);
        if (delta != 0) {
          moveEvents.add(e.id());
          moveDeltas.add(delta);
        }
      });
    }

    /** Adds the current item's moves; call once its last event (and, at the end, every event) is read. */
    void finish() {
      if (item != null) {
        boolean priced = item.details().costBasis().currency().equals(currency);
        BigDecimal unitCost = priced ? unitCost(item) : null;
        for (int i = 0; i < moveEvents.size(); i++) {
          BigDecimal delta = BigDecimal.valueOf(moveDeltas.get(i));
          units.add(moveEvents.get(i), delta);
          if (priced) {
            cost.add(moveEvents.get(i), unitCost.multiply(delta));
          }
        }
      }
      moveEvents.clear();
      moveDeltas.clear();
      current = null;
      item = null;
    }
  }

  /** What the review keeps of each stored item. */
  private record ItemFacts(BigDecimal unitCost, Currency currency, String category, String source, long onHand) {}

  /** The review of [{@code from}, {@code before}); items with no sale for {@code stale} are stale. */
  public WeeklyReview weekly(Instant from, Instant before, Currency currency, Duration stale) {
    if (!from.isBefore(before)) {
      throw RejectionException.invalid("before", before, "after from " + from);
    }
    if (stale.isNegative() || stale.isZero()) {
      throw RejectionException.invalid("stale", stale, "a positive duration");
    }
    Instant staleSince = before.minus(stale);

    // one pass stream by stream: each item's events are folded into that item alone and its on-hand moves
    // priced with its unit cost once its last event is read, so memory holds one item's fold and moves, plus
    // each item's first event and last sale (ids and times)
    Figure.Sum ledgerUnits = new Figure.Sum("stock.units");
    Figure.Sum ledgerCost = new Figure.Sum("stock.cost");
    Map<ItemId, First> firstEvent = new HashMap<>();
    Map<ItemId, Instant> lastSale = new HashMap<>();
    StockFold stockFold = new StockFold(currency, ledgerUnits, ledgerCost);
    store.forEachEventByStream(workspace, e -> {
      if (e.stream().kind() != StreamId.Kind.ITEM) {
        return;
      }
      ItemId id = ItemId.of(e.stream().id());
      stockFold.accept(id, e);
      if (e.version() == 1) {
        firstEvent.put(id, new First(e.id(), e.occurredAt()));
      }
      if (SALE_KINDS.contains(e.kind()) && e.occurredAt().isBefore(before)) {
        lastSale.merge(id, e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    });
    stockFold.finish();

    // the stored items: the projection's side of the stock, groups, and item counts
    Map<ItemId, ItemFacts> facts = new HashMap<>();
    long[] projectionUnits = {0};
    BigDecimal[] projectionCost = {BigDecimal.ZERO.setScale(COST_SCALE)};
    Figure.Sum staleItems = new Figure.Sum("items.stale");
    Figure.Sum missingPhotos = new Figure.Sum("items.missingPhotos");
    Figure.Sum missingListings = new Figure.Sum("items.missingListings");
    Map<String, long[]> onHandByCategory = new TreeMap<>();
    Map<String, long[]> onHandBySource = new TreeMap<>();
    items(ItemQuery.all(), item -> {
      String category = item.details().category().top();
      String source = item.details().acquisitionSource().map(s -> s.kind().name()).orElse("UNKNOWN");
      facts.put(item.id(), new ItemFacts(unitCost(item), item.details().costBasis().currency(), category, source,
          item.quantity()));
      projectionUnits[0] += item.quantity();
      if (item.details().costBasis().currency().equals(currency)) {
        projectionCost[0] = projectionCost[0].add(unitCost(item).multiply(BigDecimal.valueOf(item.quantity())));
      }
      onHandByCategory.computeIfAbsent(category, c -> new long[1])[0] += item.quantity();
      onHandBySource.computeIfAbsent(source, c -> new long[1])[0] += item.quantity();
      First first = firstEvent.get(item.id());
      if (first == null || item.status() == ItemStatus.ARCHIVED) {
        return;
      }
      if (item.available() > 0 && first.occurredAt().isBefore(staleSince)
          && Optional.ofNullable(lastSale.get(item.id())).map(t -> t.isBefore(staleSince)).orElse(true)) {
        staleItems.add(first.id(), BigDecimal.ONE);
      }
      if (item.quantity() > 0 && item.details().photoStatus() != PhotoStatus.COMPLETE) {
        missingPhotos.add(first.id(), BigDecimal.ONE);
      }
      if (item.available() > 0 && item.listings().isEmpty()) {
        missingListings.add(first.id(), BigDecimal.ONE);
      }
    });
    firstEvent.clear();
    lastSale.clear();

    // the flows of the range
    Figure.Sum sales = new Figure.Sum("sales");
    Figure.Sum fees = new Figure.Sum("fees");
    Figure.Sum cash = new Figure.Sum("cashCollected");
    Figure.Sum withheld = new Figure.Sum("feesWithheld");
    Figure.Sum refunds = new Figure.Sum("refunds");
    Figure.Sum shipping = new Figure.Sum("shippingSpend");
    Map<String, Figure.Sum> cashByChannel = new TreeMap<>();
    Map<OrderId, EventId> placed = new java.util.LinkedHashMap<>();
    Map<String, EventId> saleEvents = new HashMap<>();
    List<Payout> payouts = new ArrayList<>();
    events(EventQuery.all().kinds(OrderPlaced.class, ChannelSaleRecorded.class, LocalSaleRecorded.class,
        PayoutReceived.class, RefundIssued.class, OrderShipped.class).occurred(from, before), e -> {
          if (e.payload() instanceof OrderPlaced p && p.fees().currency().equals(currency)) {
            sales.add(e.id(), salePrice(p.lines(), currency));
            fees.add(e.id(), p.fees().amount());
            placed.put(e.order().orElseThrow(), e.id());
          } else if (SALE_KINDS.contains(e.kind())) {
            saleEvents.put(e.order().orElseThrow().value() + " " + e.item().orElseThrow().value(), e.id());
          } else if (e.payload() instanceof PayoutReceived p && p.amount().currency().equals(currency)) {
            cash.add(e.id(), p.amount().amount());
            withheld.add(e.id(), p.feesWithheld().amount());
            payouts.add(new Payout(e.id(), e.order().orElseThrow(), p.amount().amount()));
          } else if (e.payload() instanceof RefundIssued r && r.amount().currency().equals(currency)) {
            refunds.add(e.id(), r.amount().amount());
          } else if (e.payload() instanceof OrderShipped s && s.shippingCost().currency().equals(currency)) {
            shipping.add(e.id(), s.shippingCost().amount());
          }
        });

    // cash by channel: each paid order's channel, the orders read a batch at a time
    for (int at = 0; at < payouts.size(); at += BATCH) {
      List<Payout> batch = payouts.subList(at, Math.min(payouts.size(), at + BATCH));
      Map<OrderId, Order> paid = store.ordersById(workspace, batch.stream().map(Payout::order).toList());
      for (Payout p : batch) {
        String channel = Optional.ofNullable(paid.get(p.order())).map(x -> x.channel().code()).orElse("?");
        cashByChannel.computeIfAbsent(channel, c -> new Figure.Sum("cash." + c)).add(p.event(), p.amount());
      }
    }
    payouts.clear();

    // margin, sell-through: the orders placed in the range, line by line
    Figure.Sum margin = new Figure.Sum("margin");
    Map<String, Figure.Sum> soldByCategory = new TreeMap<>();
    Map<String, Figure.Sum> soldBySource = new TreeMap<>();
    Map<String, Figure.Sum> marginByCategory = new TreeMap<>();
    Map<String, Figure.Sum> marginBySource = new TreeMap<>();
    // the orders placed in the range, read in pages rather than one by one (an order's placedAt is its
    // OrderPlaced event's occurred-at)
    Map<OrderId, Order> placedOrders = new HashMap<>();
    orders(OrderQuery.all().placed(from, before), o -> {
      if (placed.containsKey(o.id())) {
        placedOrders.put(o.id(), o);
      }
    });
    placed.forEach((orderId, placedEvent) -> {
      Order order = Optional.ofNullable(placedOrders.get(orderId))
          .or(() -> store.order(workspace, orderId)).orElseThrow();
      if (order.status() == OrderStatus.CANCELLED) {
        return;
      }
      List<Money> shares = order.fees().plus(order.shippingCost())
          .allocate(order.lines().stream().map(OrderLine::quantity).toList());
      for (int i = 0; i < order.lines().size(); i++) {
        OrderLine line = order.lines().get(i);
        ItemFacts item = facts.get(line.item());
        EventId event = saleEvents.getOrDefault(orderId.value() + " " + line.item().value(), placedEvent);
        BigDecimal cost = item == null ? BigDecimal.ZERO : item.unitCost().multiply(BigDecimal.valueOf(line.committed()));
        BigDecimal lineMargin = line.total().amount().subtract(shares.get(i).amount()).subtract(cost);
        margin.add(event, lineMargin);
        String category = item == null ? "UNKNOWN" : item.category();
        String source = item == null ? "UNKNOWN" : item.source();
        soldByCategory.computeIfAbsent(category, c -> new Figure.Sum("sold." + c))
            .add(event, BigDecimal.valueOf(line.committed()));
        soldBySource.computeIfAbsent(source, c -> new Figure.Sum("sold." + c))
            .add(event, BigDecimal.valueOf(line.committed()));
        marginByCategory.computeIfAbsent(category, c -> new Figure.Sum("margin." + c)).add(event, lineMargin);
        marginBySource.computeIfAbsent(source, c -> new Figure.Sum("margin." + c)).add(event, lineMargin);
      }
    });
    Figure.Sum counted = new Figure.Sum("count.units");
    for (KeyedStream k : store.streamsWithKeyPrefix(workspace, CountStreams.LOCATION, CountStreams.LOCATION_KEY, "",
        CountBook.MAX)) {
      store.state(workspace, k.stream()).map(s -> (LocationCount) s.state())
          .ifPresent(c -> counted.add(c.closedBy(), BigDecimal.valueOf(c.unitsCounted())));
    }
    WeeklyReview.Stock stock = new WeeklyReview.Stock(ledgerUnits.figure(), ledgerCost.figure(), projectionUnits[0],
        projectionCost[0], counted.figure());
    return new WeeklyReview(from, before, currency, sales.figure(), fees.figure(), cash.figure(),
        figures(cashByChannel), withheld.figure(), refunds.figure(), shipping.figure(), margin.figure(), stock,
        staleItems.figure(), missingPhotos.figure(), missingListings.figure(),
        groups(onHandByCategory, soldByCategory, marginByCategory), groups(onHandBySource, soldBySource, marginBySource));
  }

  private static long onHandDelta(Movement m) {
    return (m.to().isOnHand() ? m.quantity() : 0) - (m.from().isOnHand() ? m.quantity() : 0);
  }

  private static List<WeeklyReview.Group> groups(Map<String, long[]> onHand, Map<String, Figure.Sum> sold,
      Map<String, Figure.Sum> margin) {
    Set<String> names = new java.util.TreeSet<>(onHand.keySet());
    names.addAll(sold.keySet());
    List<WeeklyReview.Group> out = new ArrayList<>();
    for (String name : names) {
      Figure units = sold.getOrDefault(name, new Figure.Sum("sold." + name)).figure();
      long have = onHand.getOrDefault(name, new long[1])[0];
      BigDecimal total = units.value().add(BigDecimal.valueOf(have));
      BigDecimal through = total.signum() == 0 ? BigDecimal.ZERO.setScale(4)
          : units.value().divide(total, 4, RoundingMode.HALF_EVEN);
      out.add(new WeeklyReview.Group(name, units, have, through,
          margin.getOrDefault(name, new Figure.Sum("margin." + name)).figure()));
    }
    return out;
  }
}
