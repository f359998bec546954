package org.resellledger.samples.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.LedgerStore;

/**
 * The sales the benchmark records: {@code items} items with one live eBay listing each and stock to spare
 * (no double sales), and channel sales of one unit spread over them. Clock and ids are pinned (time-ordered
 * UUIDs, the default kind, from a seeded random), so the same workload on two stores produces the same events,
 * ids included.
 */
final class SaleWorkload {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  private final WorkspaceId ws;
  private final int items;
  private final List<ListingId> listings = new ArrayList<>();

  SaleWorkload(WorkspaceId ws, int items) {
    this.ws = ws;
    this.items = items;
  }

  WorkspaceId workspace() {
    return ws;
  }

  /**
   * A ledger whose ids and clock repeat exactly on every store. The ids are the default kind (time-ordered
   * UUIDs, {@link IdGenerator#timeOrdered()}) drawn from the pinned clock and a seeded random, so they land
   * in the indexes exactly as a user's do.
   */
  Ledger ledger(LedgerStore store) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return Ledger.open(store, ws, LedgerConfig.defaults()
        .withClock(clock)
        .withIds(IdGenerator.timeOrdered(clock, new java.util.SplittableRandom(ws.value().hashCode()))));
  }

  /** Takes the items in and lists them; returns the ledger to go on with (its ids continue). */
  Ledger setUp(LedgerStore store, int unitsEach) {
    Ledger ledger = ledger(store);
    listings.clear();
    for (int i = 0; i < items; i++) {
      Sku sku = Sku.of("BENCH-" + i);
      ledger.execute(new IntakeItem(details(sku), unitsEach, ItemStatus.READY_TO_LIST, Origin.manual("bench")));
      listings.add(ledger.execute(new CreateListing(sku, ListingDetails.builder()
          .channel(Channel.EBAY).externalId(String.format("2%011d", i)).title("Bench item " + i + " on eBay")
          .price(Money.of("24.99", "USD")).listedQuantity(unitsEach).build(), SyncStatus.LIVE,
          Origin.manual("bench"))).listingId().orElseThrow());
    }
    return ledger;
  }

  /**
   * Sale number {@code n}: one unit of item {@code n % items} through its listing. With {@code webhook}, the
   * sale arrives as a provider event (a receipt is written with it); without, it is entered by hand.
   */
  Command sale(int n, boolean webhook) {
    int i = n % items;
    Origin origin = webhook
        ? Origin.webhook("ebay", ws.value() + "-ntf-" + n, NOW)
        : Origin.manual("bench");
    return new RecordChannelSale(Channel.EBAY, ws.value() + "-order-" + n,
        List.of(SaleLine.of(listings.get(i), Sku.of("BENCH-" + i), 1, Money.of("24.99", "USD"))),
        Money.of("3.25", "USD"), Money.of("0.00", "USD"), OrderStatus.PAID, origin);
  }

  static ItemDetails details(Sku sku) {
    return ItemDetails.builder()
        .sku(sku)
        .title("Vintage denim jacket " + sku.value())
        .category(Category.of("Clothing", "Men", "Jackets"))
        .condition(Condition.VERY_GOOD)
        .costBasis(Money.of("12.00", "USD"))
        .acquiredOn(LocalDate.of(2026, 2, 14))
        .location(StorageLocation.of("GARAGE", "S1", "B1"))
        .photoStatus(PhotoStatus.COMPLETE)
        .brand("Levi's")
        .putSpecifics("size", "M")
        .build();
  }
}
