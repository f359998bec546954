package org.resellledger.testkit.contract;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Samples;

/**
 * A realistic week of a reseller's books, through the {@link Ledger} API: intake, listings on three
 * channels, a webhook sale delivered twice, fulfilment, a return and its inspection, a local sale, a
 * refund, holds, a correction, a split, a merge, a cancelled sale, damage, loss, listing edits and an
 * archive. Produces almost every kind of event, so a store that round-trips this round-trips the model.
 */
final class Story {
  static final Sku JACKET = Sku.of("JKT-001");
  static final Sku BAG = Sku.of("BAG-002");
  static final Sku LAMP = Sku.of("LAMP-3");
  static final Sku SLEEVE = Sku.of("JKT-001-A");
  static final Sku COLLAR = Sku.of("JKT-001-B");
  static final Sku KIT = Sku.of("KIT-9");

  final ListingId ebay;
  final ListingId etsy;
  final ListingId shopify;
  final OrderId ebayOrder;
  final OrderId localOrder;
  final OrderId cancelled;

  private Story(ListingId ebay, ListingId etsy, ListingId shopify, OrderId ebayOrder, OrderId localOrder,
      OrderId cancelled) {
    this.ebay = ebay;
    this.etsy = etsy;
    this.shopify = shopify;
    this.ebayOrder = ebayOrder;
    this.localOrder = localOrder;
    this.cancelled = cancelled;
  }

  static Story run(Ledger ledger) {
    Origin ana = Samples.manual("ana");
    ledger.execute(new IntakeItem(Samples.richDetails(JACKET.value()), 3, ItemStatus.READY_TO_LIST, ana));
    ledger.execute(new IntakeItem(Samples.details(BAG.value()), 2, ItemStatus.HELD, ana.because("quarantine")));
    ledger.execute(new IntakeItem(Samples.details(LAMP.value()), 4, ItemStatus.NEEDS_PHOTOS, ana));

    ListingId ebay = ledger.execute(new CreateListing(JACKET, Samples.richListing(Channel.EBAY, "204500000100"),
        SyncStatus.LIVE, ana)).listingId().orElseThrow();
    ListingId etsy = ledger.execute(new CreateListing(JACKET,
        Samples.listing(Channel.ETSY, "7000000200", Samples.usd("70.00")), SyncStatus.DRAFT, ana)).listingId().orElseThrow();
    ListingId shopify = ledger.execute(new CreateListing(LAMP,
        Samples.listing(Channel.SHOPIFY, null, Samples.usd("35.00")), SyncStatus.DRAFT, ana)).listingId().orElseThrow();

    RecordChannelSale sale = new RecordChannelSale(Channel.EBAY, "E-1001",
        List.of(SaleLine.of(ebay, JACKET, 2, Samples.usd("60.00"))), Samples.usd("7.80"), Samples.usd("5.00"),
        OrderStatus.PAID, Origin.webhook("ebay", "ntf-5521", Instant.parse("2026-03-01T11:59:58.123456Z")));
    OrderId ebayOrder = ledger.execute(sale).orderId().orElseThrow();
    ledger.execute(sale); // the provider re-delivers; a duplicate
    ledger.execute(new AdvanceOrder(ebayOrder, OrderStatus.PICKED, ana));
    ledger.execute(new AdvanceOrder(ebayOrder, OrderStatus.PACKED, ana));
    ledger.execute(new ShipOrder(ebayOrder, "USPS", "9400111899223", Samples.usd("6.40"), ana));
    ledger.execute(new MarkDelivered(ebayOrder, Origin.webhook("ebay", "ntf-5600", Samples.NOW)));
    ledger.execute(new RequestReturn(ebayOrder, Instant.parse("2026-03-31T00:00:00Z"), ana));
    ledger.execute(new ReceiveReturn(ebayOrder, JACKET, 1, ana));
    ledger.execute(new InspectReturn(JACKET, 1, InspectionOutcome.RESTOCK, Optional.of(Condition.GOOD), ana));
    ledger.execute(new IssueRefund(ebayOrder, Samples.usd("30.00"), ana));

    OrderId localOrder = ledger.execute(new RecordLocalSale(
        List.of(SaleLine.of(LAMP, 1, Samples.usd("25.00"))), Samples.manual("ben"))).orderId().orElseThrow();
    ledger.execute(new RecordPickup(localOrder, Samples.manual("ben")));

    ledger.execute(new ReleaseUnits(BAG, 2, ana));
    ledger.execute(new HoldUnits(BAG, 1, ana.because("customer asked to see it")));
    ledger.execute(new AdjustQuantity(JACKET, 2, ana.because("found two more in the attic")));

    ledger.execute(new SplitBundle(JACKET, 2, List.of(
        new BundleChild(Samples.details(SLEEVE.value()), 1, 1),
        new BundleChild(Samples.details(COLLAR.value()), 2, 2)), ana));
    ledger.execute(new MergeBundle(List.of(new BundleInput(SLEEVE, 1), new BundleInput(COLLAR, 1)),
        Samples.details(KIT.value()), 1, ana));

    OrderId cancelled = ledger.execute(new RecordChannelSale(Channel.ETSY, "ET-77",
        List.of(SaleLine.of(etsy, JACKET, 1, Samples.usd("70.00"))), Samples.usd("4.20"), Samples.usd("0.00"),
        OrderStatus.PENDING_PAYMENT, Origin.webhook("etsy", "etsy-evt-1", Samples.NOW))).orderId().orElseThrow();
    ledger.execute(new CancelOrder(cancelled, Origin.webhook("etsy", "etsy-evt-2", Samples.NOW)));

    ledger.execute(new MarkDamaged(LAMP, 1, Bucket.AVAILABLE, ana));
    ledger.execute(new MarkLost(BAG, 1, Bucket.AVAILABLE, ana));
    ledger.execute(new ChangeListingStatus(ebay, SyncStatus.PAUSED, Optional.empty(), ana));
    ledger.execute(new ChangeListing(etsy, ListingDetails.builder().from(ledger.listing(etsy).orElseThrow().details())
        .price(Samples.usd("65.00")).build(), ana));
    ledger.execute(new ChangeListingStatus(shopify, SyncStatus.ERROR, Optional.of("shopify: 422 ★ bad image"), ana));
    ledger.execute(new ChangeItemDetails(LAMP, ItemDetails.builder().from(ledger.requireItem(LAMP).details())
        .title("Brass lamp — 真鍮ランプ").brand("Unknown").build(), ana));
    ledger.execute(new ConsignItem(LAMP, "Mrs. Dalloway", ana));
    ledger.execute(new ChangeItemStatus(LAMP, ItemStatus.READY_TO_LIST, ana));
    ledger.execute(new ArchiveItem(SLEEVE, ana));
    return new Story(ebay, etsy, shopify, ebayOrder, localOrder, cancelled);
  }
}
