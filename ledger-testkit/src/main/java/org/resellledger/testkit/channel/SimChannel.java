package org.resellledger.testkit.channel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
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
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.IssueRefund;
import org.resellledger.core.order.OrderCommand.ReceiveReturn;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RequestReturn;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderStatus;

/**
 * A small channel of the testkit's own ({@code sim}) whose provider events carry what a real channel's do
 * (a sale, a cancellation, a fulfilment, a refund with restock, an inventory level, a price update) in a
 * body of {@code key=value} pairs split by {@code ;}, with its mapper. It maps as the sample integrations
 * map, so the order-independence property ({@link OrderIndependence}) checks the inbox and the processor,
 * not a channel's vocabulary.
 *
 * <ul>
 *   <li>{@code sale}: a sale of {@code qty} units of listing {@code listing} (its external id) at {@code price};
 *       an unknown listing is unmatched.
 *   <li>{@code cancel}, {@code ship}: of order {@code order}; early (held) until the sale is in.
 *   <li>{@code refund}: {@code amount} back and {@code restock} units returned; early until the order shipped.
 *   <li>{@code level} ({@code available}) and {@code price} ({@code price}): what the channel says of the
 *       listing as of {@code at}, recorded as a channel observation.
 * </ul>
 */
public final class SimChannel implements ChannelMapper {
  public static final Channel CHANNEL = Channel.of("sim");
  static final Currency USD = Currency.getInstance("USD");

  @Override
  public Channel channel() {
    return CHANNEL;
  }

  /** The body of an event of {@code kind} with these pairs, in order. */
  public static byte[] body(String kind, String... pairs) {
    StringBuilder b = new StringBuilder("kind=").append(kind);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      b.append(';').append(pairs[i]).append('=').append(pairs[i + 1]);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Mapping map(ProviderEvent event, ChannelLookup lookup) {
    Map<String, String> f = new HashMap<>();
    for (String part : new String(event.body(), StandardCharsets.UTF_8).split(";")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        return new Mapping.Ignore("not a sim body: " + part);
      }
      f.put(kv[0], kv[1]);
    }
    Origin origin = lookup.origin();
    String kind = f.getOrDefault("kind", "");
    switch (kind) {
      case "sale":
        return sale(f, lookup, origin);
      case "level":
      case "price":
        return observe(kind, f, lookup, origin);
      case "cancel":
      case "ship":
      case "refund":
        return orderChange(kind, f, lookup, origin);
      default:
        return new Mapping.Ignore("kind " + kind + " is not used by the ledger");
    }
  }

  private static Mapping sale(Map<String, String> f, ChannelLookup lookup, Origin origin) {
    ChannelRef ref = ChannelRef.of(CHANNEL, ChannelRef.LISTING, f.get("listing"));
    Optional<Listing> listing = lookup.listing(ref);
    if (listing.isEmpty()) {
      return new Mapping.Unmatched("no listing for " + ref, List.of(ref));
    }
    SaleLine line = SaleLine.of(listing.get().id(), lookup.itemOf(listing.get()).sku(),
        Integer.parseInt(f.get("qty")), usd(f.get("price")));
    return Mapping.Apply.of(new RecordChannelSale(CHANNEL, f.get("order"), List.of(line), usd("1.00"), usd("0.00"),
        OrderStatus.PAID, origin));
  }

  private static Mapping observe(String kind, Map<String, String> f, ChannelLookup lookup, Origin origin) {
    ChannelRef ref = ChannelRef.of(CHANNEL, ChannelRef.LISTING, f.get("listing"));
    Instant at = Instant.parse(f.get("at"));
    ChannelObservation said = kind.equals("level") ? ChannelObservation.quantity(at, Integer.parseInt(f.get("available")))
        : ChannelObservation.price(at, usd(f.get("price")));
    return lookup.listing(ref).<Mapping>map(l -> Mapping.Apply.of(new RecordChannelObservation(l.id(), said, origin)))
        .orElseGet(() -> new Mapping.Unmatched("no listing for " + ref, List.of(ref)));
  }

  private static Mapping orderChange(String kind, Map<String, String> f, ChannelLookup lookup, Origin origin) {
    Optional<Order> found = lookup.order(CHANNEL, f.get("order"));
    if (found.isEmpty()) {
      return new Mapping.Early("the sale of order " + CHANNEL + "/" + f.get("order"));
    }
    Order order = found.get();
    switch (kind) {
      case "cancel":
        return Mapping.Apply.of(new CancelOrder(order.id(), origin));
      case "ship":
        return Mapping.Apply.of(new ShipOrder(order.id(), "USPS", f.get("tracking"), usd("0.00"), origin));
      default:
        if (order.status().beforeHandover()) {
          return new Mapping.Early("the shipment of order " + CHANNEL + "/" + f.get("order"));
        }
        List<Command> commands = new ArrayList<>();
        int restock = Integer.parseInt(f.getOrDefault("restock", "0"));
        if (restock > 0) {
          Instant at = origin.occurredAt().orElseThrow();
          commands.add(new RequestReturn(order.id(), at.plus(Duration.ofDays(30)), origin));
          commands.add(new ReceiveReturn(order.id(), order.lines().get(0).sku(), restock, origin));
        }
        commands.add(new IssueRefund(order.id(), usd(f.get("amount")), origin));
        return new Mapping.Apply(commands);
    }
  }

  static Money usd(String amount) {
    return new Money(new BigDecimal(amount), USD);
  }
}
