package org.resellledger.core.internal;

import org.resellledger.core.value.Checks;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.command.Command;
import org.resellledger.core.command.Command.*;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.EventPayload.*;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ExternalIdFormat;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;

/**
 * Turns each command into events. Checks run in the precedence order of {@link RejectionCode}: the
 * command's own values first, then lookups, then state rules. Nothing here writes; the ledger commits what
 * the transaction collected.
 */
public final class Handlers {
  private final LedgerConfig config;

  public Handlers(LedgerConfig config) {
    this.config = config;
  }

  void handle(Command c, Tx tx) {
    if (c instanceof IntakeItem x) {
      intake(x, tx);
    } else if (c instanceof ChangeItemDetails x) {
      changeDetails(x, tx);
    } else if (c instanceof ChangeItemStatus x) {
      changeStatus(x, tx);
    } else if (c instanceof ConsignItem x) {
      consign(x, tx);
    } else if (c instanceof ArchiveItem x) {
      archive(x, tx);
    } else if (c instanceof HoldUnits x) {
      Rules.reasonGiven(x.origin(), "a hold");
      move(tx, x.sku(), x.quantity(), Bucket.AVAILABLE, Bucket.HELD, new UnitsHeld());
    } else if (c instanceof ReleaseUnits x) {
      move(tx, x.sku(), x.quantity(), Bucket.HELD, Bucket.AVAILABLE, new UnitsReleased());
    } else if (c instanceof MarkDamaged x) {
      Rules.oneOf("from", x.from(), EnumSet.of(Bucket.AVAILABLE, Bucket.HELD));
      move(tx, x.sku(), x.quantity(), x.from(), Bucket.DAMAGED, new UnitsDamaged());
    } else if (c instanceof MarkLost x) {
      Rules.oneOf("from", x.from(), EnumSet.of(Bucket.AVAILABLE, Bucket.HELD));
      move(tx, x.sku(), x.quantity(), x.from(), Bucket.LOST, new UnitsLost());
    } else if (c instanceof AdjustQuantity x) {
      adjust(x, tx);
    } else if (c instanceof SplitBundle x) {
      split(x, tx);
    } else if (c instanceof MergeBundle x) {
      merge(x, tx);
    } else if (c instanceof CreateListing x) {
      createListing(x, tx);
    } else if (c instanceof ChangeListing x) {
      changeListing(x, tx);
    } else if (c instanceof ChangeListingStatus x) {
      changeListingStatus(x, tx);
    } else if (c instanceof RecordChannelSale x) {
      Checks.text("externalOrderId", x.externalOrderId(), 100);
      Rules.oneOf("status", x.status(), EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID));
      sale(tx, Checks.present("channel", x.channel()), Optional.of(x.externalOrderId()), x.lines(),
          Checks.present("fees", x.fees()), Checks.present("shippingCharged", x.shippingCharged()), x.status(), false);
    } else if (c instanceof RecordLocalSale x) {
      Currency currency = x.lines().isEmpty() ? Currency.getInstance("USD") : x.lines().get(0).unitPrice().currency();
      sale(tx, Channel.LOCAL, Optional.empty(), x.lines(), Money.zero(currency), Money.zero(currency),
          OrderStatus.PAID, true);
    } else if (c instanceof AdvanceOrder x) {
      Rules.oneOf("to", x.to(), EnumSet.of(OrderStatus.PAID, OrderStatus.PICKED, OrderStatus.PACKED));
      Order order = tx.order(x.order());
      Rules.orderMove(order, x.to());
      tx.orderFact(order, new OrderStatusChanged(order.status(), x.to()));
    } else if (c instanceof CancelOrder x) {
      cancel(x, tx);
    } else if (c instanceof ShipOrder x) {
      ship(x, tx);
    } else if (c instanceof RecordPickup x) {
      pickup(x, tx);
    } else if (c instanceof MarkDelivered x) {
      Order order = tx.order(x.order());
      Rules.orderMove(order, OrderStatus.DELIVERED);
      tx.orderFact(order, new OrderDelivered(order.status()));
    } else if (c instanceof RequestReturn x) {
      Checks.present("deadline", x.deadline());
      Order order = tx.order(x.order());
      Rules.orderMove(order, OrderStatus.RETURN_REQUESTED);
      tx.orderFact(order, new ReturnRequested(order.status(), x.deadline()));
    } else if (c instanceof ReceiveReturn x) {
      receiveReturn(x, tx);
    } else if (c instanceof InspectReturn x) {
      inspect(x, tx);
    } else if (c instanceof IssueRefund x) {
      refund(x, tx);
    } else {
      throw new IllegalArgumentException("no handler for " + c.getClass().getName());
    }
  }

  // ---- items -------------------------------------------------------------------------------------------

  private void intake(IntakeItem x, Tx tx) {
    Rules.oneOf("status", x.status(), ItemStatus.INTAKE);
    if (x.status() == ItemStatus.CONSIGNED && x.details().consignor().isEmpty()) {
      throw RejectionException.invalid("consignor", null, "an item taken in as CONSIGNED names its consignor");
    }
    requireFreeSku(tx, x.details().sku());
    Movement m = x.quantity() == 0 ? null
        : Movement.of(x.quantity(), Bucket.SUPPLIER, x.status() == ItemStatus.HELD ? Bucket.HELD : Bucket.AVAILABLE);
    tx.startItem(ItemId.of(tx.newId()), new ItemAcquired(x.details(), x.quantity(), x.status()), m);
  }

  private void changeDetails(ChangeItemDetails x, Tx tx) {
    Checks.present("details", x.after());
    Item item = tx.item(x.sku());
    if (!x.after().sku().equals(item.sku())) {
      throw RejectionException.invalid("sku", x.after().sku(), "a SKU cannot be changed; it stays " + item.sku());
    }
    Rules.sameCurrency("costBasis", item.details().costBasis().currency(), x.after().costBasis());
    Rules.notArchived(item);
    List<FieldChange> changes = Diff.items(item.details(), x.after());
    if (!changes.isEmpty()) {
      tx.itemFact(item, new ItemFieldsChanged(changes, x.after()), null, null, null);
    }
  }

  private void changeStatus(ChangeItemStatus x, Tx tx) {
    Checks.present("to", x.to());
    Item item = tx.item(x.sku());
    Rules.notArchived(item);
    Rules.itemMove(item, x.to());
    Rules.noUnitsStranded(item, x.to());
    if (x.to() == ItemStatus.ARCHIVED) {
      tx.appendItem(item, new ItemArchived(), null, null, null, tx.origin().causation());
    } else {
      tx.appendItem(item, new ItemStatusChanged(item.status(), x.to()), null, null, null, tx.origin().causation());
    }
  }

  private void consign(ConsignItem x, Tx tx) {
    String consignor = Checks.text("consignor", x.consignor(), 120);
    Item item = tx.item(x.sku());
    Rules.notArchived(item);
    Rules.itemMove(item, ItemStatus.CONSIGNED);
    tx.itemFact(item, new ItemConsigned(consignor), null, null, null);
  }

  private void archive(ArchiveItem x, Tx tx) {
    Item item = tx.item(x.sku());
    Rules.notArchived(item);
    Rules.itemMove(item, ItemStatus.ARCHIVED);
    Rules.noUnitsStranded(item, ItemStatus.ARCHIVED);
    tx.appendItem(item, new ItemArchived(), null, null, null, tx.origin().causation());
  }

  private void move(Tx tx, Sku sku, int quantity, Bucket from, Bucket to,
      org.resellledger.core.ledger.EventPayload payload) {
    Checks.positive("quantity", quantity);
    Item item = tx.item(sku);
    Rules.notArchived(item);
    Rules.enough(item, from, quantity);
    tx.itemFact(item, payload, Movement.of(quantity, from, to), null, null);
  }

  private void adjust(AdjustQuantity x, Tx tx) {
    if (x.delta() == 0) {
      throw RejectionException.invalid("delta", 0, "a non-zero number of units, signed");
    }
    Rules.reasonGiven(x.origin(), "a manual adjustment");
    Item item = tx.item(x.sku());
    Rules.notArchived(item);
    Movement m;
    if (x.delta() > 0) {
      m = Movement.of(x.delta(), Bucket.ADJUSTMENT, Bucket.AVAILABLE);
    } else {
      Rules.enough(item, Bucket.AVAILABLE, -(long) x.delta());
      m = Movement.of(-x.delta(), Bucket.AVAILABLE, Bucket.ADJUSTMENT);
    }
    tx.itemFact(item, new QuantityAdjusted(x.delta()), m, null, null);
  }

  private void split(SplitBundle x, Tx tx) {
    Checks.positive("units", x.units());
    if (x.children().isEmpty()) {
      throw RejectionException.invalid("children", "[]", "a split makes at least one child item");
    }
    Set<Sku> skus = new HashSet<>();
    List<Integer> weights = new ArrayList<>();
    for (BundleChild child : x.children()) {
      Checks.present("child.details", child.details());
      Checks.positive("child.quantity", child.quantity());
      Checks.nonNegative("child.weight", child.weight());
      if (!skus.add(child.details().sku()) || child.details().sku().equals(x.parent())) {
        throw RejectionException.invalid("child.sku", child.details().sku(), "each child needs its own new SKU");
      }
      weights.add(child.weight());
    }
    if (weights.stream().mapToInt(Integer::intValue).sum() == 0) {
      throw RejectionException.invalid("child.weight", weights, "at least one weight above zero");
    }
    Item parent = tx.item(x.parent());
    Currency currency = parent.details().costBasis().currency();
    Rules.sameCurrency("child.costBasis", currency, x.children().stream().map(ch -> ch.details().costBasis()).toList());
    for (Sku sku : skus) {
      requireFreeSku(tx, sku);
    }
    Rules.notArchived(parent);
    Rules.enough(parent, Bucket.AVAILABLE, x.units());

    Money costMoved = share(parent, x.units());
    List<Money> allocation = costMoved.allocate(weights);
    List<BundlePart> parts = new ArrayList<>();
    List<ItemId> ids = new ArrayList<>();
    for (int i = 0; i < x.children().size(); i++) {
      BundleChild child = x.children().get(i);
      ItemId id = ItemId.of(tx.newId());
      ids.add(id);
      parts.add(new BundlePart(id, child.details().sku(), child.quantity(), allocation.get(i)));
    }
    tx.itemFact(parent, new BundleSplit(parts, costMoved), Movement.of(x.units(), Bucket.AVAILABLE, Bucket.BUNDLE),
        null, null);
    for (int i = 0; i < parts.size(); i++) {
      ItemDetails details = x.children().get(i).details().withCostBasis(allocation.get(i));
      tx.startItem(ids.get(i), new SplitFromBundle(parent.id(), parent.sku(), details, firstStatus(details)),
          Movement.of(parts.get(i).quantity(), Bucket.BUNDLE, Bucket.AVAILABLE));
    }
  }

  private void merge(MergeBundle x, Tx tx) {
    Checks.present("details", x.details());
    Checks.positive("quantity", x.quantity());
    if (x.parts().isEmpty()) {
      throw RejectionException.invalid("parts", "[]", "a merge takes units of at least one item");
    }
    Set<Sku> skus = new HashSet<>();
    for (BundleInput in : x.parts()) {
      Checks.present("part.sku", in.sku());
      Checks.positive("part.quantity", in.quantity());
      if (!skus.add(in.sku()) || in.sku().equals(x.details().sku())) {
        throw RejectionException.invalid("part.sku", in.sku(), "each part once, and not the merged item's SKU");
      }
    }
    Currency currency = x.details().costBasis().currency();
    List<Item> items = new ArrayList<>();
    for (BundleInput in : x.parts()) {
      Item part = tx.item(in.sku());
      Rules.sameCurrency("part.costBasis", currency, part.details().costBasis());
      items.add(part);
    }
    requireFreeSku(tx, x.details().sku());
    for (int i = 0; i < items.size(); i++) {
      Rules.notArchived(items.get(i));
      Rules.enough(items.get(i), Bucket.AVAILABLE, x.parts().get(i).quantity());
    }
    ItemId parentId = ItemId.of(tx.newId());
    Money total = Money.zero(currency);
    List<BundlePart> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item part = items.get(i);
      int units = x.parts().get(i).quantity();
      Money cost = share(part, units);
      total = total.plus(cost);
      parts.add(new BundlePart(part.id(), part.sku(), units, cost));
      tx.itemFact(part, new MergedIntoBundle(parentId, x.details().sku(), cost),
          Movement.of(units, Bucket.AVAILABLE, Bucket.BUNDLE), null, null);
    }
    ItemDetails details = x.details().withCostBasis(total);
    tx.startItem(parentId, new MergedFromParts(parts, details, firstStatus(details)),
        Movement.of(x.quantity(), Bucket.BUNDLE, Bucket.AVAILABLE));
  }

  /** The cost basis that {@code units} units carry out of an item's lot, in an exact part. */
  private static Money share(Item item, int units) {
    Money cost = item.details().costBasis();
    if (item.lotUnits() <= units) {
      return cost;
    }
    return cost.allocate(List.of(units, (int) (item.lotUnits() - units))).get(0);
  }

  private static ItemStatus firstStatus(ItemDetails details) {
    return details.photoStatus() == PhotoStatus.COMPLETE ? ItemStatus.READY_TO_LIST : ItemStatus.NEEDS_PHOTOS;
  }

  private static void requireFreeSku(Tx tx, Sku sku) {
    if (tx.skuTaken(sku)) {
      throw new RejectionException(RejectionCode.DUPLICATE_SKU, "sku", sku, "another item already has this SKU");
    }
  }

  // ---- listings ----------------------------------------------------------------------------------------

  private void createListing(CreateListing x, Tx tx) {
    Checks.present("details", x.details());
    Rules.oneOf("status", x.status(), EnumSet.of(SyncStatus.DRAFT, SyncStatus.LIVE));
    Item item = tx.item(x.sku());
    ListingId id = ListingId.of(tx.newId());
    x.details().externalId().ifPresent(external -> ExternalIdFormat.check(x.details().channel(), external));
    requireFreeExternalId(tx, x.details(), id);
    Rules.notArchived(item);
    if (x.status() == SyncStatus.LIVE) {
      Rules.photosForPublishing(item, config);
    }
    tx.itemFact(item, new ListingCreated(id, x.details(), x.status()), null, id, null);
  }

  private void changeListing(ChangeListing x, Tx tx) {
    Checks.present("details", x.after());
    Item item = tx.itemOfListing(x.listing());
    Listing listing = item.listing(x.listing()).orElseThrow();
    if (!listing.details().channel().equals(x.after().channel())) {
      throw RejectionException.invalid("channel", x.after().channel(),
          "a listing stays on its channel " + listing.details().channel());
    }
    if (!x.after().externalId().equals(listing.details().externalId())) {
      x.after().externalId().ifPresent(external -> ExternalIdFormat.check(x.after().channel(), external));
    }
    requireFreeExternalId(tx, x.after(), x.listing());
    Rules.notArchived(item);
    List<FieldChange> changes = Diff.listings(listing.details(), x.after());
    if (!changes.isEmpty()) {
      tx.itemFact(item, new ListingChanged(x.listing(), changes, x.after()), null, x.listing(), null);
    }
  }

  private void changeListingStatus(ChangeListingStatus x, Tx tx) {
    Checks.present("to", x.to());
    Optional<String> error = Checks.present("error", x.error()).map(e -> Checks.text("error", e, 2000));
    Item item = tx.itemOfListing(x.listing());
    Listing listing = item.listing(x.listing()).orElseThrow();
    Rules.notArchived(item);
    Rules.listingMove(listing.status(), x.to(), x.listing());
    if (x.to() == SyncStatus.LIVE) {
      Rules.photosForPublishing(item, config);
    }
    tx.itemFact(item, new ListingStatusChanged(x.listing(), listing.status(), x.to(),
        x.to() == SyncStatus.ERROR ? error : Optional.empty()), null, x.listing(), null);
  }

  private static void requireFreeExternalId(Tx tx, ListingDetails details, ListingId self) {
    if (details.externalId().isPresent()) {
      Optional<ListingId> owner = tx.listingWithExternalId(details.channel(), details.externalId().get());
      if (owner.isPresent() && !owner.get().equals(self)) {
        throw new RejectionException(RejectionCode.DUPLICATE_EXTERNAL_ID, "externalId", details.externalId().get(),
            "listing " + owner.get() + " on " + details.channel() + " already has this external id");
      }
    }
  }

  // ---- orders ------------------------------------------------------------------------------------------

  private void sale(Tx tx, Channel channel, Optional<String> externalOrderId, List<SaleLine> lines, Money fees,
      Money shippingCharged, OrderStatus status, boolean local) {
    if (lines == null || lines.isEmpty()) {
      throw RejectionException.invalid("lines", "[]", "a sale has at least one line");
    }
    Set<Sku> skus = new HashSet<>();
    for (SaleLine line : lines) {
      Checks.present("line.sku", line.sku());
      Checks.positive("line.quantity", line.quantity());
      Checks.present("line.unitPrice", line.unitPrice()).requireNonNegative("line.unitPrice");
      if (!skus.add(line.sku())) {
        throw RejectionException.invalid("line.sku", line.sku(), "one line per SKU; add the quantities together");
      }
      if (local && line.listing().isPresent()) {
        throw RejectionException.invalid("line.listing", line.listing().get(), "a local sale has no listing");
      }
    }
    fees.requireNonNegative("fees");
    shippingCharged.requireNonNegative("shippingCharged");
    Currency currency = lines.get(0).unitPrice().currency();
    Rules.sameCurrency("line.unitPrice", currency, lines.stream().map(SaleLine::unitPrice).toList());
    Rules.sameCurrency("fees", currency, fees, shippingCharged);

    List<Item> items = new ArrayList<>();
    for (SaleLine line : lines) {
      Item item = tx.item(line.sku());
      if (line.listing().isPresent()) {
        ListingId listingId = line.listing().get();
        Optional<Listing> listing = item.listing(listingId);
        if (listing.isEmpty()) {
          tx.itemOfListing(listingId); // an unknown listing is UNKNOWN_LISTING, a known one belongs elsewhere
          throw RejectionException.invalid("line.listing", listingId, "the listing is not of SKU " + item.sku());
        }
        if (!listing.get().details().channel().equals(channel)) {
          throw RejectionException.invalid("line.listing", listingId,
              "the listing is on " + listing.get().details().channel() + ", the sale on " + channel);
        }
      }
      items.add(item);
    }
    if (externalOrderId.isPresent()
        && tx.orderIdTaken(channel, externalOrderId.get())) {
      throw new RejectionException(RejectionCode.DUPLICATE_EXTERNAL_ID, "externalOrderId", externalOrderId.get(),
          "an order with this id on " + channel + " is already recorded");
    }
    // A sale is a fact on the channel: it is recorded whatever the stock or the item's status.
    OrderId orderId = OrderId.of(tx.newId());
    List<OrderLine> orderLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      SaleLine line = lines.get(i);
      int committed = (int) Math.min(line.quantity(), Math.max(0, items.get(i).available()));
      orderLines.add(new OrderLine(items.get(i).id(), line.sku(), line.listing(), line.quantity(), line.unitPrice(),
          committed, 0, 0));
    }
    tx.startOrder(orderId, new OrderPlaced(channel, externalOrderId, orderLines, fees, shippingCharged, status));
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = orderLines.get(i);
      Movement m = line.committed() == 0 ? null : Movement.of(line.committed(), Bucket.AVAILABLE, Bucket.COMMITTED);
      var payload = local
          ? new LocalSaleRecorded(line.quantity(), line.committed(), line.unitPrice())
          : new ChannelSaleRecorded(channel, line.quantity(), line.committed(), line.unitPrice());
      tx.itemFact(items.get(i), payload, m, line.listing().orElse(null), orderId);
    }
  }

  private void cancel(CancelOrder x, Tx tx) {
    Order order = tx.order(x.order());
    Rules.orderMove(order, OrderStatus.CANCELLED);
    tx.orderFact(order, new OrderCancelled(order.status()));
    for (OrderLine line : order.lines()) {
      Item item = tx.item(line.item());
      Movement m = line.committed() == 0 ? null : Movement.of(line.committed(), Bucket.COMMITTED, Bucket.AVAILABLE);
      tx.itemFact(item, new SaleCancelled(line.committed(), line.shortfall()), m, line.listing().orElse(null),
          order.id());
    }
  }

  private void ship(ShipOrder x, Tx tx) {
    String carrier = Checks.text("carrier", x.carrier(), 60);
    String tracking = Checks.text("tracking", x.tracking(), 100);
    Checks.present("shippingCost", x.shippingCost()).requireNonNegative("shippingCost");
    Order order = tx.order(x.order());
    Rules.sameCurrency("shippingCost", order.fees().currency(), x.shippingCost());
    Rules.orderMove(order, OrderStatus.SHIPPED);
    requireCommitted(order);
    tx.orderFact(order, new OrderShipped(order.status(), carrier, tracking, x.shippingCost()));
    handOver(order, tx, new UnitsShipped(carrier, tracking));
  }

  private void pickup(RecordPickup x, Tx tx) {
    Order order = tx.order(x.order());
    Rules.orderMove(order, OrderStatus.LOCAL_PICKUP);
    requireCommitted(order);
    tx.orderFact(order, new OrderPickedUp(order.status()));
    handOver(order, tx, new UnitsPickedUp());
  }

  private static void requireCommitted(Order order) {
    if (order.lines().stream().allMatch(l -> l.committed() == 0)) {
      throw new RejectionException(RejectionCode.INSUFFICIENT_UNITS, "order", order.id(),
          "no units of this order were in stock to hand over; cancel it or resolve the double sale");
    }
  }

  private static void handOver(Order order, Tx tx, org.resellledger.core.ledger.EventPayload payload) {
    for (OrderLine line : order.lines()) {
      int units = line.committed() - line.handedOver();
      if (units > 0) {
        tx.itemFact(tx.item(line.item()), payload, Movement.of(units, Bucket.COMMITTED, Bucket.BUYER),
            line.listing().orElse(null), order.id());
      }
    }
  }

  private void receiveReturn(ReceiveReturn x, Tx tx) {
    Checks.positive("quantity", x.quantity());
    Order order = tx.order(x.order());
    Item item = tx.item(x.sku());
    OrderLine line = order.line(item.id())
        .orElseThrow(() -> new RejectionException(RejectionCode.NOT_IN_ORDER, "sku", x.sku(),
            "order " + order.id() + " has no line for this SKU"));
    if (order.status() != OrderStatus.RETURN_REQUESTED) {
      throw new RejectionException(RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION, "status", order.status(),
          "order " + order.id() + " receives returns only in RETURN_REQUESTED, it is " + order.status());
    }
    int outstanding = line.handedOver() - line.returned();
    if (x.quantity() > outstanding) {
      throw new RejectionException(RejectionCode.NOT_IN_ORDER, "quantity", x.quantity(),
          "only " + outstanding + " units of SKU " + x.sku() + " were handed over and not yet returned");
    }
    boolean allBack = order.lines().stream()
        .allMatch(l -> l.handedOver() - l.returned() - (l.item().equals(item.id()) ? x.quantity() : 0) == 0);
    OrderStatus to = allBack ? OrderStatus.RETURNED : order.status();
    tx.orderFact(order, new OrderReturnArrived(order.status(), to, item.id(), x.quantity()));
    tx.itemFact(item, new ReturnReceived(), Movement.of(x.quantity(), Bucket.BUYER, Bucket.INSPECTION),
        line.listing().orElse(null), order.id());
  }

  private void inspect(InspectReturn x, Tx tx) {
    Checks.positive("quantity", x.quantity());
    Checks.present("outcome", x.outcome());
    Checks.present("newCondition", x.newCondition());
    if (x.outcome() == InspectionOutcome.WRITE_OFF) {
      Rules.reasonGiven(x.origin(), "a write-off");
    }
    Item item = tx.item(x.sku());
    Rules.notArchived(item);
    Rules.enough(item, Bucket.INSPECTION, x.quantity());
    tx.itemFact(item, new InspectionCompleted(x.outcome(), x.newCondition()),
        Movement.of(x.quantity(), Bucket.INSPECTION, x.outcome().target()), null, null);
  }

  private void refund(IssueRefund x, Tx tx) {
    Money amount = Checks.present("amount", x.amount());
    if (amount.isNegative() || amount.isZero()) {
      throw RejectionException.invalid("amount", amount, "a refund is above zero");
    }
    Order order = tx.order(x.order());
    Rules.sameCurrency("amount", order.fees().currency(), amount);
    Money refundable = order.salePrice().plus(order.shippingCharged()).minus(order.refunded());
    if (amount.compareTo(refundable) > 0) {
      throw RejectionException.invalid("amount", amount, "at most " + refundable + " can still be refunded");
    }
    if (order.status() != OrderStatus.REFUNDED) {
      Rules.orderMove(order, OrderStatus.REFUNDED);
    }
    tx.orderFact(order, new RefundIssued(order.status(), OrderStatus.REFUNDED, amount));
  }
}
