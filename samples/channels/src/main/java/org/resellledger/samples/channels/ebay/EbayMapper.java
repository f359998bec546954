package org.resellledger.samples.channels.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resellledger.core.channel.ChannelLookup;
import org.resellledger.core.channel.ChannelMapper;
import org.resellledger.core.channel.ChannelRef;
import org.resellledger.core.channel.Mapping;
import org.resellledger.core.command.Command;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.AdvanceOrder;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.samples.channels.Deliveries;
import org.resellledger.samples.channels.Json;
import org.resellledger.samples.channels.PayloadException;
import org.resellledger.samples.channels.SaleLines;

/**
 * eBay's vocabulary in one place. An {@code ORDER_CONFIRMATION} notification (sent per line item, and possibly
 * again) names the order in {@code notification.data.orderId}; as eBay advises, the order itself is fetched
 * through the {@link EbayOrderSource} and mapped from the Fulfillment API's order:
 *
 * <ul>
 *   <li>An order the ledger does not know: a channel sale of its {@code lineItems} (each matched by
 *       {@code legacyItemId}, the listing's external id or a linked id, then its {@code sku} linked, then the item
 *       of that SKU), at {@code lineItemCost} per unit ({@code lineItemCost} is the line's total, divided by
 *       {@code quantity}), fees {@code totalMarketplaceFee}, shipping {@code pricingSummary.deliveryCost};
 *       {@code orderPaymentStatus} PAID (or refunded) is PAID, else PENDING_PAYMENT. One cancelled
 *       ({@code cancelStatus.cancelState} CANCELED) before the ledger knew it is not recorded.
 *   <li>A known order: CANCELED cancels it before handover; paid moves PENDING_PAYMENT to PAID;
 *       {@code orderFulfillmentStatus} FULFILLED ships it (eBay's order names no carrier here); else nothing new
 *       (a repeated confirmation).
 *   <li>An order eBay does not return yet, or a fetch that failed: held, tried again later.
 *   <li>Any other topic, an envelope or order that cannot be read: ignored with the reason.
 * </ul>
 */
public final class EbayMapper implements ChannelMapper {
  /** The kind of channel id an eBay SKU is kept under in the channel-id map. */
  public static final String SKU = "sku";

  private final EbayOrderSource orders;

  public EbayMapper(EbayOrderSource orders) {
    this.orders = orders;
  }

  @Override
  public Channel channel() {
    return Channel.EBAY;
  }

  @Override
  public Mapping map(ProviderEvent event, ChannelLookup lookup) {
    return Deliveries.guarded(event, () -> {
      JsonNode envelope = Json.parse(event.body());
      String topic = Json.text(Json.object(envelope, "metadata", ""), "topic", "metadata");
      if (!topic.equals("ORDER_CONFIRMATION")) {
        return Deliveries.unusedTopic(event);
      }
      JsonNode notification = Json.object(envelope, "notification", "");
      String orderId = Json.text(Json.object(notification, "data", "notification"), "orderId", "notification.data");
      Optional<byte[]> fetched;
      try {
        fetched = orders.order(orderId);
      } catch (UncheckedIOException e) {
        return new Mapping.Early(Json.clip("order ebay/" + orderId + " from the Fulfillment API (the fetch failed: "
            + e.getMessage() + ")", 200));
      }
      if (fetched.isEmpty()) {
        return new Mapping.Early(Json.clip("order ebay/" + orderId + " from the Fulfillment API", 200));
      }
      JsonNode order;
      try {
        order = Json.parse(fetched.get());
      } catch (PayloadException e) {
        throw new PayloadException("the fetched order: " + e.getMessage());
      }
      return order(order, lookup);
    });
  }

  /** eBay's payment status in the ledger's words. */
  static OrderStatus payment(String orderPaymentStatus) {
    return switch (orderPaymentStatus.toUpperCase(Locale.ROOT)) {
      case "PAID", "PARTIALLY_REFUNDED", "FULLY_REFUNDED" -> OrderStatus.PAID;
      case "PENDING", "FAILED" -> OrderStatus.PENDING_PAYMENT;
      default -> throw new PayloadException("wrong value: orderPaymentStatus is \"" + Json.clipped(orderPaymentStatus)
          + "\", expected PAID, PENDING, FAILED, PARTIALLY_REFUNDED or FULLY_REFUNDED");
    };
  }

  private static Money amount(JsonNode parent, String field, String path) {
    String at = path.isEmpty() ? field : path + "." + field;
    JsonNode a = Json.object(parent, field, path);
    return Json.money(Json.decimal(a, "value", at), Json.currency(Json.text(a, "currency", at), at + ".currency"),
        at);
  }

  /** A Fulfillment API order as ledger commands (see the class comment). */
  Mapping order(JsonNode o, ChannelLookup lookup) {
    String id = Json.text(o, "orderId", "");
    String fulfillment = Json.text(o, "orderFulfillmentStatus", "").toUpperCase(Locale.ROOT);
    if (!List.of("NOT_STARTED", "IN_PROGRESS", "FULFILLED").contains(fulfillment)) {
      throw new PayloadException("wrong value: orderFulfillmentStatus is \"" + Json.clipped(fulfillment)
          + "\", expected NOT_STARTED, IN_PROGRESS or FULFILLED");
    }
    OrderStatus payment = payment(Json.text(o, "orderPaymentStatus", ""));
    boolean cancelled = Json.optObject(o, "cancelStatus", "")
        .flatMap(c -> Json.optText(c, "cancelState", "cancelStatus")).map(s -> s.equalsIgnoreCase("CANCELED"))
        .orElse(false);
    List<JsonNode> items = Json.array(o, "lineItems", "");
    if (items.isEmpty()) {
      throw new PayloadException("wrong value: lineItems is empty, expected at least one line");
    }
    SaleLines lines = new SaleLines(lookup);
    Currency currency = null;
    for (int i = 0; i < items.size(); i++) {
      String path = "lineItems[" + i + "]";
      JsonNode line = Json.element(items.get(i), path);
      Json.text(line, "lineItemId", path);
      String legacy = Json.text(line, "legacyItemId", path);
      Optional<String> sku = Json.optText(line, "sku", path);
      int quantity = Json.integer(line, "quantity", path);
      Money cost = amount(line, "lineItemCost", path);
      if (currency != null && !currency.equals(cost.currency())) {
        throw new PayloadException("wrong value: " + path + ".lineItemCost is in " + cost.currency()
            + ", the order's lines in " + currency);
      }
      currency = cost.currency();
      if (quantity <= 0) {
        throw new PayloadException("wrong value: " + path + ".quantity is " + quantity + ", expected 1 or more");
      }
      Money unit = Json.money(cost.amount().divide(java.math.BigDecimal.valueOf(quantity),
          currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_EVEN), currency, path + ".lineItemCost");
      List<ChannelRef> refs = new ArrayList<>(List.of(ChannelRef.of(Channel.EBAY, ChannelRef.LISTING, legacy)));
      sku.ifPresent(s -> refs.add(ChannelRef.of(Channel.EBAY, SKU, Json.clipped(s))));
      lines.add(refs, sku, quantity, unit, path);
    }
    Currency c = currency;
    Money fees = Json.optObject(o, "totalMarketplaceFee", "").isPresent() ? amount(o, "totalMarketplaceFee", "")
        : Money.zero(c);
    Money shipping = Json.optObject(o, "pricingSummary", "")
        .flatMap(p -> Json.optObject(p, "deliveryCost", "pricingSummary").map(d -> amount(p, "deliveryCost",
            "pricingSummary")))
        .orElse(Money.zero(c));
    Origin origin = lookup.origin();
    Optional<Order> known = lookup.order(Channel.EBAY, id);
    String name = "order ebay/" + id;
    if (known.isPresent()) {
      Order order = known.get();
      List<Command> commands = new ArrayList<>();
      if (cancelled) {
        if (order.status().beforeHandover()) {
          commands.add(new CancelOrder(order.id(), origin));
        }
      } else {
        if (payment == OrderStatus.PAID && order.status() == OrderStatus.PENDING_PAYMENT) {
          commands.add(new AdvanceOrder(order.id(), OrderStatus.PAID, origin));
        }
        if (fulfillment.equals("FULFILLED") && payment == OrderStatus.PAID && order.status().beforeHandover()) {
          commands.add(new ShipOrder(order.id(), "ebay", "not given", Money.zero(order.fees().currency()), origin));
        }
      }
      return commands.isEmpty() ? new Mapping.Ignore("nothing new: " + name + " is " + order.status())
          : new Mapping.Apply(commands);
    }
    if (cancelled) {
      return new Mapping.Ignore(name + " was cancelled before the ledger knew it: no sale recorded");
    }
    return lines.matched().<Mapping>map(l -> Mapping.Apply.of(new RecordChannelSale(Channel.EBAY, id, l, fees,
            shipping, payment, origin)))
        .orElseGet(() -> lines.unmatched(name));
  }
}
