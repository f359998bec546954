package org.resellledger.samples.channels.etsy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.resellledger.core.order.OrderCommand.IssueRefund;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.samples.channels.Deliveries;
import org.resellledger.samples.channels.Json;
import org.resellledger.samples.channels.PayloadException;
import org.resellledger.samples.channels.SaleLines;

/**
 * Etsy's vocabulary in one place: a receipt (polled, topic {@value EtsyPoll#TOPIC}, or fetched through the
 * {@link EtsyReceiptSource} for an {@code ORDER_PAID} webhook, whose {@code resource_url} names it) as ledger
 * commands. The receipt says the whole state of the order, so mapping compares it with the ledger's order and
 * applies only what is new; an older version of a receipt arriving after a newer one finds nothing new.
 *
 * <ul>
 *   <li>An order the ledger does not know: a channel sale of its {@code transactions} (each matched by
 *       {@code listing_id}, the listing's external id or a linked id, then {@code product_id} linked, then the
 *       item of its {@code sku}), at {@code price} per unit, shipping {@code total_shipping_cost}; {@code is_paid}
 *       is PAID, else PENDING_PAYMENT. A receipt already {@code canceled} is not recorded.
 *   <li>A known order: canceled cancels it before handover; paid moves PENDING_PAYMENT to PAID;
 *       {@code is_shipped} ships it; {@code refunds} beyond what the ledger refunded are refunded (held until the
 *       order is handed over or cancelled).
 *   <li>Etsy's money is {@code {amount, divisor, currency_code}}: amount / divisor.
 * </ul>
 */
public final class EtsyMapper implements ChannelMapper {
  /** The kind of channel id an Etsy product (a listing's variation) is kept under in the channel-id map. */
  public static final String PRODUCT = "product";
  private static final Pattern RECEIPT_URL = Pattern.compile("/shops/([0-9]{1,20})/receipts/([0-9]{1,20})(?:[/?].*)?$");

  private final EtsyReceiptSource receipts;

  public EtsyMapper(EtsyReceiptSource receipts) {
    this.receipts = receipts;
  }

  @Override
  public Channel channel() {
    return Channel.ETSY;
  }

  @Override
  public Mapping map(ProviderEvent event, ChannelLookup lookup) {
    return Deliveries.guarded(event, () -> {
      if (event.topic().equals(EtsyPoll.TOPIC)) {
        return receipt(Json.parse(event.body()), lookup);
      }
      if (!event.topic().equals("ORDER_PAID")) {
        return Deliveries.unusedTopic(event);
      }
      JsonNode payload = Json.parse(event.body());
      String url = Json.text(payload, "resource_url", "");
      Matcher m = RECEIPT_URL.matcher(url);
      if (!m.find()) {
        throw new PayloadException("wrong value: resource_url \"" + Json.clipped(url)
            + "\" names no receipt (expected .../shops/{shop_id}/receipts/{receipt_id})");
      }
      String what = "receipt etsy/" + m.group(2) + " from the Open API";
      Optional<byte[]> fetched;
      try {
        fetched = receipts.receipt(m.group(1), m.group(2));
      } catch (UncheckedIOException e) {
        return new Mapping.Early(Json.clip(what + " (the fetch failed: " + e.getMessage() + ")", 200));
      }
      if (fetched.isEmpty()) {
        return new Mapping.Early(what);
      }
      try {
        return receipt(Json.parse(fetched.get()), lookup);
      } catch (PayloadException e) {
        throw new PayloadException("the fetched receipt: " + e.getMessage());
      }
    });
  }

  /** Etsy's money: {@code {amount, divisor, currency_code}}. */
  static Money money(JsonNode parent, String field, String path) {
    String at = path.isEmpty() ? field : path + "." + field;
    JsonNode m = Json.object(parent, field, path);
    int divisor = Json.integer(m, "divisor", at);
    if (divisor <= 0) {
      throw new PayloadException("wrong value: " + at + ".divisor is " + divisor + ", expected 1 or more");
    }
    Currency currency = Json.currency(Json.text(m, "currency_code", at), at + ".currency_code");
    BigDecimal amount = new BigDecimal(Json.longInteger(m, "amount", at))
        .divide(BigDecimal.valueOf(divisor), Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    return Json.money(amount, currency, at);
  }

  /** A receipt as ledger commands (see the class comment). */
  Mapping receipt(JsonNode r, ChannelLookup lookup) {
    String id = Json.text(r, "receipt_id", "");
    String status = Json.text(r, "status", "").toLowerCase(Locale.ROOT);
    boolean paid = Json.bool(r, "is_paid", "");
    boolean shipped = Json.bool(r, "is_shipped", "");
    Json.longInteger(r, "update_timestamp", "");
    boolean canceled = status.equals("canceled") || status.equals("cancelled");
    List<JsonNode> transactions = Json.array(r, "transactions", "");
    if (transactions.isEmpty()) {
      throw new PayloadException("wrong value: transactions is empty, expected at least one");
    }
    SaleLines lines = new SaleLines(lookup);
    Currency currency = null;
    for (int i = 0; i < transactions.size(); i++) {
      String path = "transactions[" + i + "]";
      JsonNode t = Json.element(transactions.get(i), path);
      String listing = Json.text(t, "listing_id", path);
      Optional<String> product = Json.optText(t, "product_id", path);
      Money price = money(t, "price", path);
      if (currency != null && !currency.equals(price.currency())) {
        throw new PayloadException("wrong value: " + path + ".price is in " + price.currency() + ", the receipt's in "
            + currency);
      }
      currency = price.currency();
      List<ChannelRef> refs = new ArrayList<>(List.of(ChannelRef.of(Channel.ETSY, ChannelRef.LISTING, listing)));
      product.ifPresent(p -> refs.add(ChannelRef.of(Channel.ETSY, PRODUCT, p)));
      lines.add(refs, Json.optText(t, "sku", path), Json.integer(t, "quantity", path), price, path);
    }
    Currency c = currency;
    Money shipping = Json.optObject(r, "total_shipping_cost", "").isPresent() ? money(r, "total_shipping_cost", "")
        : Money.zero(c);
    Money refunded = Money.zero(c);
    List<JsonNode> refunds = Json.optArray(r, "refunds", "");
    for (int i = 0; i < refunds.size(); i++) {
      String path = "refunds[" + i + "]";
      Money amount = money(Json.element(refunds.get(i), path), "amount", path);
      refunded = refunded.plus(Json.money(amount.amount(), c, path + ".amount"));
    }
    Origin origin = lookup.origin();
    String name = "order etsy/" + id;
    Optional<Order> known = lookup.order(Channel.ETSY, id);
    if (known.isEmpty()) {
      if (canceled) {
        return new Mapping.Ignore(name + " was canceled before the ledger knew it: no sale recorded");
      }
      return lines.matched().<Mapping>map(l -> Mapping.Apply.of(new RecordChannelSale(Channel.ETSY, id, l,
              Money.zero(c), shipping, paid ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT, origin)))
          .orElseGet(() -> lines.unmatched(name));
    }
    Order order = known.get();
    List<Command> commands = new ArrayList<>();
    OrderStatus now = order.status();
    if (canceled && now.beforeHandover()) {
      commands.add(new CancelOrder(order.id(), origin));
      now = OrderStatus.CANCELLED;
    } else if (!canceled) {
      if (paid && now == OrderStatus.PENDING_PAYMENT) {
        commands.add(new AdvanceOrder(order.id(), OrderStatus.PAID, origin));
        now = OrderStatus.PAID;
      }
      if (shipped && now.beforeHandover() && now != OrderStatus.PENDING_PAYMENT) {
        commands.add(new ShipOrder(order.id(), "etsy", "not given", Money.zero(order.fees().currency()), origin));
        now = OrderStatus.SHIPPED;
      }
    }
    Money more = Json.money(refunded.amount(), order.refunded().currency(), "refunds").minus(order.refunded());
    if (more.amount().signum() > 0 && now != OrderStatus.REFUNDED) {
      if (now.beforeHandover()) {
        if (commands.isEmpty()) {
          return new Mapping.Early("the shipment or cancellation of " + name);
        }
      } else {
        commands.add(new IssueRefund(order.id(), more, origin));
      }
    }
    return commands.isEmpty() ? new Mapping.Ignore("nothing new in receipt " + id + ": " + name + " is " + order.status())
        : new Mapping.Apply(commands);
  }
}
