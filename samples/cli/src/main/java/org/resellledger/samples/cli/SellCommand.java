package org.resellledger.samples.cli;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.CommandResult;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sell", description = {"Record a sale, on a channel or in person.",
    "On a channel: its order id, fees and the shipping the buyer paid; in person: --channel local (the default",
    "when the item has no listing named)."})
final class SellCommand extends BooksCommand {
  @Option(names = "--sku", required = true) String sku;
  @Option(names = "--quantity", defaultValue = "1") int quantity;
  @Option(names = "--price", required = true, paramLabel = "AMOUNT", description = "The price of one unit.")
  String price;
  @Option(names = "--channel", description = "Where it sold (default: the listing's channel, else local).")
  String channel;
  @Option(names = "--listing", paramLabel = "ID",
      description = "The listing that sold (default: the item's only listing on the channel).")
  String listing;
  @Option(names = "--order", paramLabel = "ID", description = "The channel's order id (required on a channel).")
  String order;
  @Option(names = "--fees", paramLabel = "AMOUNT", defaultValue = "0") String fees;
  @Option(names = "--shipping", paramLabel = "AMOUNT", defaultValue = "0",
      description = "Shipping the buyer paid.") String shipping;

  SellCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    Item item = books.ledger.requireItem(Sku.of(sku));
    String currency = item.details().costBasis().currency().getCurrencyCode();
    Optional<Listing> sold = listing != null
        ? Optional.of(item.listing(ListingId.of(listing)).orElseThrow(() -> new Refused(
            "--listing '" + listing + "': not a listing of " + item.sku() + " (see `resell items show " + item.sku()
                + "`)")))
        : channel == null || channel.equalsIgnoreCase(Channel.LOCAL.code()) ? Optional.empty()
        : only(item, Channel.of(channel));
    Channel where = channel != null ? Channel.of(channel)
        : sold.map(l -> l.details().channel()).orElse(Channel.LOCAL);
    Money unit = Money.of(price, currency);
    SaleLine line = sold.map(l -> SaleLine.of(l.id(), item.sku(), quantity, unit))
        .orElse(SaleLine.of(item.sku(), quantity, unit));
    CommandResult result;
    if (where.equals(Channel.LOCAL)) {
      result = books.ledger.execute(new RecordLocalSale(List.of(line), common.origin(ctx)));
    } else {
      if (order == null) {
        throw new Usage("--order: a sale on " + where + " needs the channel's order id");
      }
      result = books.ledger.execute(new RecordChannelSale(where, order, List.of(line), Money.of(fees, currency),
          Money.of(shipping, currency), OrderStatus.PAID, common.origin(ctx)));
    }
    Item after = books.ledger.requireItem(item.sku());
    Out out = out();
    String orderId = result.orderId().map(Object::toString).orElse("-");
    out.text((result.duplicate() ? "Already recorded: " : "Sold ") + quantity + " x " + item.sku() + " on " + where
        + " at " + Out.money(unit) + (order != null ? " (order " + order + ")" : "") + " -> order " + orderId);
    out.text("  " + after.available() + " available, " + after.balances().get(Bucket.COMMITTED)
        + " committed to buyers" + (after.hasConflict() ? "; DOUBLE SALE: more sold than there was" : ""));
    out.json(Out.obj("order", orderId, "channel", where.code(), "duplicate", result.duplicate(),
        "item", Out.item(after)));
    return 0;
  }

  private static Optional<Listing> only(Item item, Channel channel) {
    List<Listing> on = item.listings().values().stream()
        .filter(l -> l.details().channel().equals(channel) && l.status() != SyncStatus.ARCHIVED).toList();
    if (on.size() > 1) {
      throw new Usage("--listing: " + item.sku() + " has " + on.size() + " listings on " + channel + "; name one of "
          + on.stream().map(l -> l.id().value()).toList());
    }
    return on.stream().findFirst();
  }
}
