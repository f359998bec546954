package org.resellledger.samples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderCommand;
import org.resellledger.core.order.OrderCommand.AddTracking;
import org.resellledger.core.order.OrderCommand.RecordPayout;
import org.resellledger.core.order.OrderCommand.SetShipBy;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "orders", description = {"The orders: `orders list` (the same as `orders` alone) by placement,",
    "`orders show ORDER` one with its lines and history, `orders ship-by ORDER DATE` sets the date it must leave",
    "by, `orders ship ORDER --carrier C --tracking T --cost AMOUNT` hands it to a carrier, `orders track ORDER",
    "--carrier C --tracking T` adds tracking later, `orders payout ORDER --id P --amount AMOUNT --fees AMOUNT`",
    "records the channel's payout. ORDER is the order's id or the channel's order id."},
    subcommands = {OrdersCommand.ListOrders.class, OrdersCommand.Show.class, OrdersCommand.ShipBy.class,
        OrdersCommand.Ship.class, OrdersCommand.Track.class, OrdersCommand.Payout.class})
final class OrdersCommand extends BooksCommand {
  @Option(names = "--limit", defaultValue = "100", description = "At most this many, newest last (default: ${DEFAULT-VALUE}).")
  int limit;

  OrdersCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    return list(books, out(), limit);
  }

  @Command(name = "list", description = "The orders by placement time, the latest --limit: id, channel, the channel's"
      + " order id, status, sale price, ship-by date and tracking.")
  static final class ListOrders extends BooksCommand {
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    ListOrders(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      return list(books, out(), limit);
    }
  }

  static int list(Books books, Out out, int limit) {
    if (limit < 1) {
      throw new Usage("--limit '" + limit + "': 1 or more");
    }
    List<Order> all = books.ledger.orders();
    List<Order> shown = all.subList(Math.max(0, all.size() - limit), all.size());
    out.text(all.size() + " order(s)" + (shown.size() < all.size() ? ", the latest " + shown.size() : ""));
    shown.forEach(o -> out.text("  " + line(o)));
    out.json(Out.obj("total", all.size(), "orders", shown.stream().map(OrdersCommand::json).toList()));
    return 0;
  }

  /** One order on one line: id, channel, the channel's id, status, sale price, ship-by, tracking. */
  static String line(Order o) {
    return o.id() + "  " + String.format("%-8s", o.channel()) + " " + String.format("%-16s",
        o.externalOrderId().orElse("-")) + " " + String.format("%-9s", o.status()) + " " + Out.money(o.salePrice())
        + "  ship by " + o.shipBy().map(Object::toString).orElse("-") + "  tracking "
        + o.tracking().map(t -> o.carrier().orElse("?") + " " + t).orElse("-");
  }

  static Map<String, Object> json(Order o) {
    return Out.obj("id", o.id().value(), "channel", o.channel().code(),
        "externalOrderId", o.externalOrderId().orElse(null), "status", o.status().name(),
        "salePrice", Out.money(o.salePrice()), "fees", Out.money(o.fees()),
        "shippingCharged", Out.money(o.shippingCharged()), "shippingCost", Out.money(o.shippingCost()),
        "refunded", Out.money(o.refunded()), "carrier", o.carrier().orElse(null),
        "tracking", o.tracking().orElse(null), "shipBy", o.shipBy().map(Object::toString).orElse(null),
        "returnDeadline", o.returnDeadline().map(Object::toString).orElse(null),
        "placedAt", o.placedAt().toString(), "version", o.version(),
        "lines", o.lines().stream().map(OrdersCommand::json).toList());
  }

  static Map<String, Object> json(OrderLine l) {
    return Out.obj("sku", l.sku().value(), "quantity", l.quantity(), "unitPrice", Out.money(l.unitPrice()),
        "shortfall", l.shortfall());
  }

  /**
   * The order named by its own id, by {@code CHANNEL:ORDER-ID}, or by the channel's order id on one of the
   * well-known channels (refused when two share it); else the ledger's {@code UNKNOWN_ORDER} for the id.
   * Each way is one indexed read: no order list is loaded.
   */
  static Order find(Books books, String ref) {
    int colon = ref.indexOf(':');
    if (colon > 0) {
      Optional<Order> onChannel = books.ledger.orderByExternalId(Channel.of(ref.substring(0, colon)),
          ref.substring(colon + 1));
      if (onChannel.isPresent()) {
        return onChannel.get();
      }
    }
    OrderId id = OrderId.of(ref);
    Optional<Order> byId = books.ledger.order(id);
    if (byId.isPresent()) {
      return byId.get();
    }
    List<Order> byExternal = Channel.wellKnown().stream()
        .flatMap(c -> books.ledger.orderByExternalId(c, ref).stream()).toList();
    if (byExternal.size() > 1) {
      throw new Usage("ORDER '" + ref + "': " + byExternal.size() + " channels have an order with this id; give"
          + " the order's own id, one of " + byExternal.stream().map(o -> o.id().value()).toList()
          + ", or CHANNEL:" + ref);
    }
    return byExternal.isEmpty() ? books.ledger.requireOrder(id) : byExternal.get(0);
  }

  static void show(Out out, Order o) {
    out.text(o.id() + "  " + o.channel() + o.externalOrderId().map(e -> " #" + e).orElse("") + "  " + o.status());
    out.text("  placed     " + o.placedAt());
    out.text("  sale price " + Out.money(o.salePrice()) + ", fees " + Out.money(o.fees()) + ", shipping charged "
        + Out.money(o.shippingCharged()) + ", shipping cost " + Out.money(o.shippingCost()) + ", refunded "
        + Out.money(o.refunded()));
    out.text("  ship by    " + o.shipBy().map(Object::toString).orElse("-"));
    out.text("  tracking   " + o.tracking().map(t -> o.carrier().orElse("?") + " " + t)
        .orElse(o.carrier().map(c -> c + ", no tracking").orElse("-")));
    o.returnDeadline().ifPresent(d -> out.text("  return by  " + d));
    out.text("lines (" + o.lines().size() + ")");
    o.lines().forEach(l -> out.text("  " + l.sku() + "  " + l.quantity() + " x " + Out.money(l.unitPrice())
        + (l.shortfall() > 0 ? "  SHORT " + l.shortfall() : "")));
  }

  @Command(name = "show", description = "One order: amounts, ship-by date, tracking, lines and its events.")
  static final class Show extends BooksCommand {
    @Parameters(paramLabel = "ORDER") String order;

    Show(Context ctx) {
      super(ctx);
    }

    @Override
    int run(Books books) {
      Order o = find(books, order);
      Out out = out();
      show(out, o);
      var history = books.ledger.orderHistory(o.id());
      out.text("history (" + history.size() + " events)");
      history.forEach(e -> out.text("  " + e.occurredAt() + "  " + String.format("%-22s", e.kind()) + " "
          + String.format("%-10s", e.source()) + " " + e.actor() + "  " + e.id()));
      Map<String, Object> m = json(o);
      m.put("history", history.stream().map(e -> Out.obj("id", e.id().value(), "kind", e.kind(),
          "at", e.occurredAt().toString(), "source", e.source().name(), "actor", e.actor().toString())).toList());
      out.json(m);
      return 0;
    }
  }

  /** A change to one order: finds it, executes the command, prints the order after. */
  abstract static class Change extends BooksCommand {
    @Parameters(index = "0", paramLabel = "ORDER", description = "The order's id or the channel's order id.")
    String order;

    Change(Context ctx) {
      super(ctx);
    }

    abstract OrderCommand command(Order o, Books books);

    abstract String verb();

    @Override
    int run(Books books) {
      Order before = find(books, order);
      boolean duplicate = books.ledger.execute(command(before, books)).duplicate();
      Order after = books.ledger.order(before.id()).orElseThrow();
      Out out = out();
      out.text((duplicate ? "Already recorded" : verb()) + ": " + line(after));
      Map<String, Object> m = json(after);
      m.put("duplicate", duplicate);
      out.json(m);
      return 0;
    }

    /** An amount in the order's currency; the ledger refuses a malformed one ({@code INVALID_VALUE}). */
    static Money money(String amount, Order o) {
      return Money.of(amount, o.fees().currency().getCurrencyCode());
    }
  }

  @Command(name = "ship-by", description = {"Set (or move) the date the order must leave by: a day (YYYY-MM-DD,",
      "meaning by the end of that day in --zone) or an instant (2026-12-09T17:00:00Z). Only before it is handed over."})
  static final class ShipBy extends Change {
    @Parameters(index = "1", paramLabel = "DATE") String date;
    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
        description = "The time zone of a day (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    ShipBy(Context ctx) {
      super(ctx);
    }

    @Override
    OrderCommand command(Order o, Books books) {
      return new SetShipBy(o.id(), instant(date, zone), common.origin(ctx));
    }

    @Override
    String verb() {
      return "Ship by set";
    }

    /** A day is its end (the next day's start) in {@code zone}; an instant is itself. */
    static Instant instant(String value, ZoneId zone) {
      try {
        return value.contains("T") ? Instant.parse(value)
            : LocalDate.parse(value).plusDays(1).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new Usage("DATE '" + value + "': a day YYYY-MM-DD or an instant such as 2026-12-09T17:00:00Z");
      }
    }
  }

  @Command(name = "ship", description = {"The order left with a carrier: its committed units go to the buyer,",
      "with the carrier, tracking number and what the shipping cost you."})
  static final class Ship extends Change {
    @Option(names = "--carrier", required = true, paramLabel = "NAME") String carrier;
    @Option(names = "--tracking", required = true, paramLabel = "NUMBER") String tracking;
    @Option(names = "--cost", required = true, paramLabel = "AMOUNT", description = "What the shipping cost you.")
    String cost;

    Ship(Context ctx) {
      super(ctx);
    }

    @Override
    OrderCommand command(Order o, Books books) {
      return new ShipOrder(o.id(), carrier, tracking, money(cost, o), common.origin(ctx));
    }

    @Override
    String verb() {
      return "Shipped";
    }
  }

  @Command(name = "track", description = "Add (or correct) the carrier's tracking number of a shipped order.")
  static final class Track extends Change {
    @Option(names = "--carrier", required = true, paramLabel = "NAME") String carrier;
    @Option(names = "--tracking", required = true, paramLabel = "NUMBER") String tracking;

    Track(Context ctx) {
      super(ctx);
    }

    @Override
    OrderCommand command(Order o, Books books) {
      return new AddTracking(o.id(), carrier, tracking, common.origin(ctx));
    }

    @Override
    String verb() {
      return "Tracking added";
    }
  }

  @Command(name = "payout", description = {"The channel paid you for this order: its payout id, the cash",
      "collected (--amount) and the fees it kept from it (--fees), in the order's currency."})
  static final class Payout extends Change {
    @Option(names = "--id", required = true, paramLabel = "PAYOUT", description = "The channel's payout id.")
    String payoutId;
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The cash collected.")
    String amount;
    @Option(names = "--fees", defaultValue = "0", paramLabel = "AMOUNT",
        description = "The fees the channel withheld (default: ${DEFAULT-VALUE}).")
    String fees;

    Payout(Context ctx) {
      super(ctx);
    }

    @Override
    OrderCommand command(Order o, Books books) {
      return new RecordPayout(o.id(), payoutId, money(amount, o), money(fees, o),
          common.origin(ctx));
    }

    @Override
    String verb() {
      return "Payout recorded";
    }
  }
}
