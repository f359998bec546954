package org.resellledger.jooq.support;

import java.time.Instant;
import java.util.List;
import org.resellledger.core.Ledger;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Samples;

/** A few items taken in, listed, sold (one of them oversold), shipped and held: events of both streams. */
public final class SmallStory {
  private SmallStory() {}

  public static void run(Ledger ledger, int items) {
    for (int i = 0; i < items; i++) {
      Sku sku = Sku.of("STORY-" + i);
      ledger.execute(new IntakeItem(i == 0 ? Samples.richDetails(sku.value()) : Samples.details(sku.value()), 2,
          ItemStatus.READY_TO_LIST, Samples.manual("ana")));
      ListingId listing = ledger.execute(new CreateListing(sku, Samples.richListing(Channel.EBAY, String.format("2045%08d", i)),
          SyncStatus.LIVE, Samples.manual("ana"))).listingId().orElseThrow();
      OrderId order = ledger.execute(new RecordChannelSale(Channel.EBAY, "E-" + i,
          List.of(SaleLine.of(listing, sku, 3, Samples.usd("20.00"))), Samples.usd("2.00"), Samples.usd("4.00"),
          OrderStatus.PAID, Origin.webhook("ebay", "n-" + i, Instant.parse("2026-03-01T12:00:00.123456789Z")
              .plusSeconds(i)))).orderId().orElseThrow();
      ledger.execute(new ShipOrder(order, "USPS", "9400-" + i, Samples.usd("5.10"), Samples.manual("ana")));
      ledger.execute(new IntakeItem(Samples.details("SPARE-" + i), 4, ItemStatus.READY_TO_LIST,
          Samples.manual("ana")));
      ledger.execute(new HoldUnits(Sku.of("SPARE-" + i), 1, Origin.manual("ana").because("photo shoot")));
    }
  }
}
