package org.resellledger.samples.cli;

import java.net.URI;
import java.util.Optional;
import org.resellledger.core.CommandResult;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "Create a listing of an item on a channel.")
final class ListCommand extends BooksCommand {
  @Option(names = "--sku", required = true) String sku;
  @Option(names = "--channel", required = true, description = "ebay, etsy, shopify, poshmark, ... or any code.")
  String channel;
  @Option(names = "--title", description = "The channel title (default: the item's title).") String title;
  @Option(names = "--price", required = true, paramLabel = "AMOUNT", description = "In the item's currency.")
  String price;
  @Option(names = "--quantity", defaultValue = "1", description = "Units offered (default: ${DEFAULT-VALUE}).")
  int quantity;
  @Option(names = "--status", defaultValue = "LIVE", description = "LIVE (default) or DRAFT.") SyncStatus status;
  @Option(names = "--external-id", paramLabel = "ID", description = "The channel's id of the listing.")
  String externalId;
  @Option(names = "--url") String url;
  @Option(names = "--description") String description;
  @Option(names = "--shipping", paramLabel = "PROFILE") String shipping;

  ListCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    Item item = books.ledger.requireItem(Sku.of(sku));
    ListingDetails details = ListingDetails.builder().channel(Channel.of(channel))
        .title(title != null ? title : item.details().title())
        .price(Money.of(price, item.details().costBasis().currency().getCurrencyCode()))
        .listedQuantity(quantity).externalId(Optional.ofNullable(externalId))
        .url(Optional.ofNullable(url).map(u -> {
          try {
            return new URI(u);
          } catch (java.net.URISyntaxException e) {
            throw new Usage("--url '" + u + "': " + e.getReason());
          }
        }))
        .description(Optional.ofNullable(description)).shippingProfile(Optional.ofNullable(shipping)).build();
    CommandResult result = books.ledger.execute(new CreateListing(item.sku(), details, status, common.origin(ctx)));
    Listing listing = books.ledger.requireItem(item.sku()).listing(result.listingId().orElseThrow()).orElseThrow();
    Out out = out();
    out.text("Listed " + item.sku() + " on " + listing.details().channel() + " as " + listing.id() + ": "
        + listing.status() + ", " + Out.money(listing.details().price()) + ", " + listing.details().listedQuantity()
        + " unit(s)");
    out.json(Out.listing(listing));
    return 0;
  }
}
