package org.resellledger.samples.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.command.Command;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ChannelObservation;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.RecordChannelObservation;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.AdvanceOrder;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.IssueRefund;
import org.resellledger.core.order.OrderCommand.ReceiveReturn;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RequestReturn;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.samples.channels.Deliveries;
import org.resellledger.samples.channels.Json;
import org.resellledger.samples.channels.PayloadException;
import org.resellledger.samples.channels.SaleLines;

/**
 * Shopify's vocabulary in one place: its webhook topics as ledger commands.
 *
 * <ul>
 *   <li>{@code orders/create}, {@code orders/updated}: an order the ledger does not know is a channel sale (its
 *       lines matched by variant through the channel-id map, else the listing whose external id is the line's
 *       product id, else the item of the line's SKU); {@code financial_status} pending/authorized is PENDING_PAYMENT, any
 *       other PAID. For a known order: paid moves PENDING_PAYMENT to PAID; {@code cancelled_at} cancels it before
 *       handover; otherwise nothing new. An unknown order already cancelled waits for its sale (held).
 *   <li>{@code orders/cancelled}: cancels the order before handover; held until the sale is in.
 *   <li>{@code refunds/create}: the refund's successful refund transactions as one refund; restock type
 *       {@code cancel} cancels an order not handed over, {@code return} receives the units back (a return
 *       requested and received) once the order was handed over, {@code no_restock} refunds money only; held
 *       until the order is in and, unless cancelled, handed over.
 *   <li>{@code fulfillments/create}: ships the order (carrier and tracking as given).
 *   <li>{@code inventory_levels/update}: the channel's quantity of the listing its {@code inventory_item_id} is
 *       linked to, as a channel observation (it carries no SKU: only the channel-id map matches it).
 *   <li>{@code products/update}: each variant's price, the product's title and status as a channel observation
 *       of the listing the variant stands for; never over the local listing.
 *   <li>Any other topic, a body that cannot be read: ignored with the reason.
 * </ul>
 */
public final class ShopifyMapper implements ChannelMapper {
  static final Channel SHOPIFY = Channel.SHOPIFY;
  /** The kinds of Shopify ids the channel-id map keeps. */
  public static final String VARIANT = "variant";
  public static final String INVENTORY_ITEM = "inventory_item";

  @Override
  public Channel channel() {
    return SHOPIFY;
  }

  @Override
  public Mapping map(ProviderEvent event, ChannelLookup lookup) {
    return Deliveries.guarded(event, () -> switch (event.topic()) {
      case "orders/create", "orders/updated" -> order(Json.parse(event.body()), lookup);
      case "orders/cancelled" -> cancelled(Json.parse(event.body()), lookup);
      case "refunds/create" -> refund(Json.parse(event.body()), lookup);
      case "fulfillments/create" -> fulfillment(Json.parse(event.body()), lookup);
      case "inventory_levels/update" -> level(Json.parse(event.body()), lookup);
      case "products/update" -> product(Json.parse(event.body()), lookup);
      default -> Deliveries.unusedTopic(event);
    });
  }

  /**
   * A line's refs: its variant through the channel-id map first, then its product, the listing whose external id
   * it is (a Shopify listing's external id is its product id).
   */
  static List<ChannelRef> lineRefs(Optional<String> variantId, Optional<String> productId) {
    List<ChannelRef> refs = new ArrayList<>();
    variantId.ifPresent(v -> refs.add(ChannelRef.of(SHOPIFY, VARIANT, v)));
    productId.ifPresent(p -> refs.add(ChannelRef.of(SHOPIFY, ChannelRef.LISTING, p)));
    return refs;
  }

  /** Shopify's financial status in the ledger's words: money not yet in, or paid. */
  static OrderStatus payment(String financialStatus) {
    return switch (financialStatus.toLowerCase(Locale.ROOT)) {
      case "pending", "authorized" -> OrderStatus.PENDING_PAYMENT;
      case "paid", "partially_paid", "partially_refunded", "refunded" -> OrderStatus.PAID;
      case "voided", "expired" -> OrderStatus.CANCELLED;
      default -> throw new PayloadException("wrong value: financial_status is \"" + Json.clipped(financialStatus)
          + "\", expected one of pending, authorized, paid, partially_paid, partially_refunded, refunded, voided, expired");
    };
  }

  private static String orderName(String id) {
    return "order shopify/" + id;
  }

  private Mapping order(JsonNode o, ChannelLookup lookup) {
    String id = Json.text(o, "id", "");
    Currency currency = Json.currency(Json.text(o, "currency", ""), "currency");
    OrderStatus payment = payment(Json.text(o, "financial_status", ""));
    boolean cancelled = Json.optInstant(o, "cancelled_at", "").isPresent() || payment == OrderStatus.CANCELLED;
    List<JsonNode> items = Json.array(o, "line_items", "");
    Money shipping = Money.zero(currency);
    List<JsonNode> shippingLines = Json.optArray(o, "shipping_lines", "");
    for (int i = 0; i < shippingLines.size(); i++) {
      String path = "shipping_lines[" + i + "]";
      shipping = shipping.plus(Json.money(Json.decimal(Json.element(shippingLines.get(i), path), "price", path),
          currency, path + ".price"));
    }
    SaleLines lines = new SaleLines(lookup);
    for (int i = 0; i < items.size(); i++) {
      String path = "line_items[" + i + "]";
      JsonNode line = Json.element(items.get(i), path);
      lines.add(lineRefs(Json.optText(line, "variant_id", path), Json.optText(line, "product_id", path)),
          Json.optText(line, "sku", path),
          Json.integer(line, "quantity", path),
          Json.money(Json.decimal(line, "price", path), currency, path + ".price"), path);
    }
    if (items.isEmpty()) {
      throw new PayloadException("wrong value: line_items is empty, expected at least one line");
    }
    Origin origin = lookup.origin();
    Optional<Order> known = lookup.order(SHOPIFY, id);
    if (known.isPresent()) {
      Order order = known.get();
      if (cancelled && order.status().beforeHandover()) {
        return Mapping.Apply.of(new CancelOrder(order.id(), origin));
      }
      if (!cancelled && payment == OrderStatus.PAID && order.status() == OrderStatus.PENDING_PAYMENT) {
        return Mapping.Apply.of(new AdvanceOrder(order.id(), OrderStatus.PAID, origin));
      }
      return new Mapping.Ignore("nothing the ledger keeps changed: " + orderName(id) + " is " + order.status());
    }
    if (cancelled) {
      return new Mapping.Early("the sale of " + orderName(id));
    }
    Money shippingCharged = shipping;
    return lines.matched().<Mapping>map(l -> Mapping.Apply.of(new RecordChannelSale(SHOPIFY, id, l,
            Money.zero(currency), shippingCharged, payment, origin)))
        .orElseGet(() -> lines.unmatched(orderName(id)));
  }

  private Mapping cancelled(JsonNode o, ChannelLookup lookup) {
    String id = Json.text(o, "id", "");
    Optional<Order> known = lookup.order(SHOPIFY, id);
    if (known.isEmpty()) {
      return new Mapping.Early("the sale of " + orderName(id));
    }
    Order order = known.get();
    if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.REFUNDED) {
      return new Mapping.Ignore(orderName(id) + " is already " + order.status());
    }
    if (!order.status().beforeHandover()) {
      return new Mapping.Ignore(orderName(id) + " was handed over (" + order.status()
          + "): after handover a cancellation comes as a refund");
    }
    return Mapping.Apply.of(new CancelOrder(order.id(), lookup.origin()));
  }

  private Mapping refund(JsonNode r, ChannelLookup lookup) {
    String orderId = Json.text(r, "order_id", "");
    Instant at = Json.instant(r, "created_at", "");
    List<JsonNode> transactions = Json.optArray(r, "transactions", "");
    List<JsonNode> refundLines = Json.optArray(r, "refund_line_items", "");
    Optional<Order> known = lookup.order(SHOPIFY, orderId);
    if (known.isEmpty()) {
      return new Mapping.Early("the sale of " + orderName(orderId));
    }
    Order order = known.get();
    Currency currency = order.fees().currency();
    Money amount = Money.zero(currency);
    for (int i = 0; i < transactions.size(); i++) {
      String path = "transactions[" + i + "]";
      JsonNode t = Json.element(transactions.get(i), path);
      if ("refund".equals(Json.text(t, "kind", path)) && "success".equals(Json.text(t, "status", path))) {
        Json.optText(t, "currency", path).map(c -> Json.currency(c, path + ".currency"))
            .filter(c -> !c.equals(currency)).ifPresent(c -> {
              throw new PayloadException("wrong value: " + path + ".currency is " + c + ", the order's is " + currency);
            });
        amount = amount.plus(Json.money(Json.decimal(t, "amount", path), currency, path + ".amount"));
      }
    }
    boolean cancel = false;
    Map<OrderLine, Integer> returned = new LinkedHashMap<>();
    for (int i = 0; i < refundLines.size(); i++) {
      String path = "refund_line_items[" + i + "]";
      JsonNode line = Json.element(refundLines.get(i), path);
      String restock = Json.text(line, "restock_type", path);
      int quantity = Json.integer(line, "quantity", path);
      switch (restock) {
        case "cancel" -> cancel = true;
        case "return", "legacy_restock" -> {
          if (quantity > 0) {
            returned.merge(orderLine(order, Json.object(line, "line_item", path), lookup, path + ".line_item"),
                quantity, Integer::sum);
          }
        }
        case "no_restock" -> { }
        default -> throw new PayloadException("wrong value: " + path + ".restock_type is \"" + Json.clipped(restock)
            + "\", expected no_restock, cancel, return or legacy_restock");
      }
    }
    Origin origin = lookup.origin();
    List<Command> commands = new ArrayList<>();
    if (order.status() == OrderStatus.REFUNDED) {
      return new Mapping.Ignore(orderName(orderId) + " is already REFUNDED");
    }
    if (order.status().beforeHandover()) {
      if (!cancel) {
        return new Mapping.Early("the shipment of " + orderName(orderId));
      }
      commands.add(new CancelOrder(order.id(), origin));
    } else if (!returned.isEmpty() && order.status() != OrderStatus.CANCELLED) {
      if (order.status() != OrderStatus.RETURN_REQUESTED && order.status() != OrderStatus.RETURNED) {
        commands.add(new RequestReturn(order.id(), at.plus(30, ChronoUnit.DAYS), origin));
      }
      returned.forEach((line, q) -> commands.add(new ReceiveReturn(order.id(), line.sku(), q, origin)));
    }
    if (amount.amount().signum() > 0) {
      commands.add(new IssueRefund(order.id(), amount, origin));
    }
    if (commands.isEmpty()) {
      return new Mapping.Ignore("refund of " + orderName(orderId) + " moves no money and no units");
    }
    return new Mapping.Apply(commands);
  }

  /** The order's line a refund line is about: by its variant's listing, else by SKU, else the only line. */
  private static OrderLine orderLine(Order order, JsonNode item, ChannelLookup lookup, String path) {
    Optional<Listing> listing = lookup.listing(lineRefs(Json.optText(item, "variant_id", path),
        Json.optText(item, "product_id", path)));
    Optional<String> sku = Json.optText(item, "sku", path);
    for (OrderLine line : order.lines()) {
      if (listing.isPresent() && line.listing().equals(Optional.of(listing.get().id()))) {
        return line;
      }
      if (sku.isPresent() && line.sku().value().equals(sku.get())) {
        return line;
      }
    }
    if (order.lines().size() == 1) {
      return order.lines().get(0);
    }
    throw new PayloadException("wrong value: " + path + " matches no line of the order");
  }

  private Mapping fulfillment(JsonNode f, ChannelLookup lookup) {
    String orderId = Json.text(f, "order_id", "");
    String status = Json.optText(f, "status", "").orElse("success");
    String carrier = Json.optText(f, "tracking_company", "").orElse("not given");
    String tracking = Json.optText(f, "tracking_number", "").orElse("not given");
    Optional<Order> known = lookup.order(SHOPIFY, orderId);
    if (known.isEmpty()) {
      return new Mapping.Early("the sale of " + orderName(orderId));
    }
    if (!status.equals("success") && !status.equals("open") && !status.equals("pending")) {
      return new Mapping.Ignore("fulfillment of " + orderName(orderId) + " is " + Json.clipped(status));
    }
    Order order = known.get();
    if (!order.status().beforeHandover()) {
      return new Mapping.Ignore(orderName(orderId) + " is already " + order.status());
    }
    if (order.status() == OrderStatus.PENDING_PAYMENT) {
      return new Mapping.Early("the payment of " + orderName(orderId));
    }
    Money noCost = Money.zero(order.fees().currency());
    return Mapping.Apply.of(new ShipOrder(order.id(), Json.clipped(carrier), Json.clipped(tracking), noCost,
        lookup.origin()));
  }

  private Mapping level(JsonNode l, ChannelLookup lookup) {
    String item = Json.text(l, "inventory_item_id", "");
    Json.text(l, "location_id", "");
    int available = Json.integer(l, "available", "");
    Instant at = Json.instant(l, "updated_at", "");
    ChannelRef ref = ChannelRef.of(SHOPIFY, INVENTORY_ITEM, item);
    // Shopify's available goes below zero when it oversold; the channel offers nothing then
    ChannelObservation said = ChannelObservation.quantity(at, Math.max(0, available));
    return lookup.listing(ref).<Mapping>map(x -> Mapping.Apply.of(new RecordChannelObservation(x.id(), said,
            lookup.origin())))
        .orElseGet(() -> new Mapping.Unmatched("no listing linked to " + ref, List.of(ref)));
  }

  /** Shopify's product status in the ledger's listing words. */
  static SyncStatus listingStatus(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "active" -> SyncStatus.LIVE;
      case "draft" -> SyncStatus.DRAFT;
      case "archived" -> SyncStatus.ENDED;
      default -> throw new PayloadException("wrong value: status is \"" + Json.clipped(status)
          + "\", expected active, draft or archived");
    };
  }

  private Mapping product(JsonNode p, ChannelLookup lookup) {
    String product = Json.text(p, "id", "");
    String title = Json.text(p, "title", "");
    Instant at = Json.instant(p, "updated_at", "");
    SyncStatus status = listingStatus(Json.text(p, "status", ""));
    List<JsonNode> variants = Json.array(p, "variants", "");
    Origin origin = lookup.origin();
    List<Command> commands = new ArrayList<>();
    List<ChannelRef> missing = new ArrayList<>();
    java.util.Set<org.resellledger.core.listing.ListingId> seen = new java.util.HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      String path = "variants[" + i + "]";
      JsonNode v = Json.element(variants.get(i), path);
      String variant = Json.text(v, "id", path);
      BigDecimal price = Json.decimal(v, "price", path);
      List<ChannelRef> refs = lineRefs(Optional.of(variant), Optional.of(product));
      Optional<Listing> listing = lookup.listing(refs);
      if (listing.isEmpty()) {
        missing.add(refs.get(0));
        continue;
      }
      if (seen.add(listing.get().id())) {
        Money channelPrice = Json.money(price, listing.get().details().price().currency(), path + ".price");
        commands.add(new RecordChannelObservation(listing.get().id(), new ChannelObservation(at,
            Optional.of(channelPrice), Optional.of(Json.clipped(title)), Optional.empty(), Optional.of(status)),
            origin));
      }
    }
    if (commands.isEmpty()) {
      return new Mapping.Unmatched("no listing for product shopify/" + product + " or any of its variants", missing);
    }
    return new Mapping.Apply(commands.subList(0, Math.min(100, commands.size())));
  }
}
