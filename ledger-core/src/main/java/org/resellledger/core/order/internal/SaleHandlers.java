package org.resellledger.core.order.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Rules;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.ExternalOrderIdFormat;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderFact.OrderPlaced;
import org.resellledger.core.order.OrderFact.ShipByDateSet;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.ChannelSaleRecorded;
import org.resellledger.core.order.OrderItemFact.LocalSaleRecorded;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.value.Checks;

/**
 * Decides sales, on a channel or in person. A sale is a fact on the channel: it is recorded whatever the
 * stock or the item's status; what is not available is left as a double-sale conflict on the item.
 */
final class SaleHandlers {
  private SaleHandlers() {}

  static void channelSale(RecordChannelSale x, Tx tx) {
    String externalOrderId = ExternalOrderIdFormat.check("externalOrderId", x.externalOrderId());
    Rules.oneOf("status", x.status(), EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID));
    x.shipBy().ifPresent(d -> Checks.instant("shipBy", d));
    Order order = sale(tx, Checks.present("channel", x.channel()), Optional.of(externalOrderId), x.lines(),
        Checks.present("fees", x.fees()), Checks.present("shippingCharged", x.shippingCharged()), x.status(), false);
    x.shipBy().ifPresent(d -> Orders.fact(tx, order, new ShipByDateSet(Optional.empty(), d)));
  }

  static void localSale(RecordLocalSale x, Tx tx) {
    Currency currency = x.lines().isEmpty() ? Currency.getInstance("USD") : x.lines().get(0).unitPrice().currency();
    sale(tx, Channel.LOCAL, Optional.empty(), x.lines(), Money.zero(currency), Money.zero(currency),
        OrderStatus.PAID, true);
  }

  private static Order sale(Tx tx, Channel channel, Optional<String> externalOrderId, List<SaleLine> lines,
      Money fees, Money shippingCharged, OrderStatus status, boolean local) {
    if (lines == null || lines.isEmpty()) {
      throw RejectionException.invalid("lines", "[]", "a sale has at least one line");
    }
    Set<Sku> skus = new HashSet<>();
    for (SaleLine line : lines) {
      Checks.present("line.sku", line.sku());
      Checks.units("line.quantity", line.quantity());
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
      Item item = Items.item(tx, line.sku());
      if (line.listing().isPresent()) {
        ListingId listingId = line.listing().get();
        Optional<Listing> listing = item.listing(listingId);
        if (listing.isEmpty()) {
          Items.ofListing(tx, listingId); // an unknown listing is UNKNOWN_LISTING, a known one belongs elsewhere
          throw RejectionException.invalid("line.listing", listingId, "the listing is not of SKU " + item.sku());
        }
        if (!listing.get().details().channel().equals(channel)) {
          throw RejectionException.invalid("line.listing", listingId,
              "the listing is on " + listing.get().details().channel() + ", the sale on " + channel);
        }
      }
      items.add(item);
    }
    if (externalOrderId.isPresent() && Orders.externalIdTaken(tx, channel, externalOrderId.get())) {
      throw new RejectionException(RejectionCode.DUPLICATE_EXTERNAL_ID, "externalOrderId", externalOrderId.get(),
          "an order with this id on " + channel + " is already recorded");
    }
    OrderId orderId = OrderId.of(tx.newId());
    List<OrderLine> orderLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      SaleLine line = lines.get(i);
      int committed = Math.toIntExact(Math.min(line.quantity(), Math.max(0, items.get(i).available())));
      orderLines.add(new OrderLine(items.get(i).id(), line.sku(), line.listing(), line.quantity(), line.unitPrice(),
          committed, 0, 0));
    }
    Order order = Orders.start(tx, orderId,
        new OrderPlaced(channel, externalOrderId, orderLines, fees, shippingCharged, status));
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = orderLines.get(i);
      Movement m = line.committed() == 0 ? null : Movement.of(line.committed(), Bucket.AVAILABLE, Bucket.COMMITTED);
      var payload = local
          ? new LocalSaleRecorded(line.quantity(), line.committed(), line.unitPrice())
          : new ChannelSaleRecorded(channel, line.quantity(), line.committed(), line.unitPrice());
      Items.fact(tx, items.get(i), payload, m, line.listing().orElse(null), orderId);
    }
    return order;
  }
}
