package org.resellledger.samples.web;

import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageCommand.RecordBuyerMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.ProviderEvent;
import org.resellledger.core.inbox.SignatureVerdict;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.Reports;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * The books every page test reads: the sample month on a fixed clock, plus an item and a listing whose titles
 * are markup, and a parked provider event whose reason and body are markup; served on a free loopback port.
 */
final class TestBooks implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
  static final String HOSTILE_TITLE = "<script>alert(1)</script>";
  static final String HOSTILE_LISTING = "\"><img src=x onerror=alert(2)>";
  static final String HOSTILE_BODY = "{\"note\":\"</code><script>alert(3)</script>\"}";
  static final Sku HOSTILE = Sku.of("HOSTILE-1");
  static final String HOSTILE_PROPOSAL = "<img src=x onerror=alert(4)>Lamp";
  static final Sku PROPOSED = Sku.of("LAMP-DESK");

  final InMemoryLedgerStore store = new InMemoryLedgerStore();
  final Ledger ledger = Ledger.open(store, WorkspaceId.of("maya-resale"),
      LedgerConfig.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
  final WebDashboard web;

  TestBooks() throws IOException {
    SampleBooks.fillIfEmpty(ledger, Optional.of(store), "maya");
    Origin maya = Origin.manual("maya").at(NOW.minusSeconds(3600));
    ledger.execute(new IntakeItem(ItemDetails.builder().sku(HOSTILE).title(HOSTILE_TITLE)
        .category(Category.of("Toys", "<b>Odd</b>")).condition(Condition.GOOD).costBasis(Money.of("5.00", "USD"))
        .acquiredOn(LocalDate.of(2026, 12, 1)).location(StorageLocation.parse("SHED")).photoStatus(PhotoStatus.COMPLETE)
        .build(), 2, ItemStatus.READY_TO_LIST, maya));
    ledger.execute(new CreateListing(HOSTILE, ListingDetails.builder().channel(Channel.EBAY).title(HOSTILE_LISTING)
        .price(Money.of("7.00", "USD")).listedQuantity(2).build(), SyncStatus.LIVE, maya));
    var d = store.receive(ledger.workspace(), InboxEntryId.of("hostile-1"), ProviderEvent.builder()
        .provider(Channel.ETSY).account("shop-<i>1</i>").topic("order.paid").providerEventId("wh-1")
        .receivedAt(NOW.minusSeconds(60)).body(HOSTILE_BODY.getBytes(StandardCharsets.UTF_8))
        .signature(SignatureVerdict.VERIFIED).build());
    store.park(ledger.workspace(), d.entry().id(), "no listing for etsy product <b>99</b>");
    web = WebDashboard.start(ledger, store,
        new WebOptions(InetAddress.getLoopbackAddress(), 0, "maya"));
  }

  /**
   * One lamp listed on eBay (under a markup title) and on Etsy, then sold on Etsy: the sync rule drafts the
   * end of the eBay listing, caused by the sale. Returns the eBay listing; not part of the books every page
   * test reads, so their figures stay as they are.
   */
  ListingId saleOnOneOfTwoChannels() {
    Origin maya = Origin.manual("maya").at(NOW.minusSeconds(1800));
    ledger.execute(new IntakeItem(ItemDetails.builder().sku(PROPOSED).title("Brass desk lamp")
        .category(Category.of("Home", "Lamps")).condition(Condition.GOOD).costBasis(Money.of("12.00", "USD"))
        .acquiredOn(LocalDate.of(2026, 12, 2)).location(StorageLocation.parse("SHED")).photoStatus(PhotoStatus.COMPLETE)
        .build(), 1, ItemStatus.READY_TO_LIST, maya));
    ListingId ebay = ledger.execute(new CreateListing(PROPOSED, ListingDetails.builder().channel(Channel.EBAY)
        .title(HOSTILE_PROPOSAL).price(Money.of("30.00", "USD")).listedQuantity(1).build(), SyncStatus.LIVE, maya))
        .listingId().orElseThrow();
    ListingId etsy = ledger.execute(new CreateListing(PROPOSED, ListingDetails.builder().channel(Channel.ETSY)
        .title("Brass desk lamp").price(Money.of("32.00", "USD")).listedQuantity(1).build(), SyncStatus.LIVE, maya))
        .listingId().orElseThrow();
    ledger.execute(new RecordChannelSale(Channel.ETSY, "etsy-9001",
        List.of(SaleLine.of(etsy, PROPOSED, 1, Money.of("32.00", "USD"))), Money.of("2.00", "USD"),
        Money.of("0.00", "USD"), OrderStatus.PAID, Origin.webhook(Channel.ETSY.code(), "wh-9001", NOW.minusSeconds(600))));
    return ebay;
  }

  static final LocalDate QUIET_WEEK = LocalDate.of(2026, 10, 5);
  static final Sku OCTOBER = Sku.of("CLOCK-OCT");
  static final String HOSTILE_ERROR = "<script>alert(5)</script> quota";
  /** What {@link #soldInAQuietWeek} makes: sale 50.00 - fees 6.00 - shipping 7.25 - cost 20.00. */
  static final BigDecimal QUIET_MARGIN = new BigDecimal("16.75");

  /**
   * In the week of {@link #QUIET_WEEK}, before the sample month: a clock bought for 20.00, sold on eBay for 50.00
   * with 6.00 of fees, shipped for 7.25; the only sale of that week.
   */
  OrderId soldInAQuietWeek() {
    Instant monday = QUIET_WEEK.atStartOfDay(ZoneOffset.UTC).toInstant();
    Origin maya = Origin.manual("maya").at(monday.plusSeconds(3600));
    ledger.execute(new IntakeItem(ItemDetails.builder().sku(OCTOBER).title("Mantel clock")
        .category(Category.of("Home", "Clocks")).condition(Condition.GOOD).costBasis(Money.of("20.00", "USD"))
        .acquiredOn(LocalDate.of(2026, 10, 1)).location(StorageLocation.parse("SHED")).photoStatus(PhotoStatus.COMPLETE)
        .build(), 1, ItemStatus.READY_TO_LIST, maya));
    ListingId ebay = ledger.execute(new CreateListing(OCTOBER, ListingDetails.builder().channel(Channel.EBAY)
        .title("Mantel clock").price(Money.of("50.00", "USD")).listedQuantity(1).build(), SyncStatus.LIVE, maya))
        .listingId().orElseThrow();
    OrderId order = ledger.execute(new RecordChannelSale(Channel.EBAY, "24-20001-00001",
        List.of(SaleLine.of(ebay, OCTOBER, 1, Money.of("50.00", "USD"))), Money.of("6.00", "USD"),
        Money.of("0.00", "USD"), OrderStatus.PAID,
        Origin.webhook(Channel.EBAY.code(), "wh-oct-1", monday.plusSeconds(86_400)))).orderId().orElseThrow();
    ledger.execute(new ShipOrder(order, "USPS", "9400 2000", Money.of("7.25", "USD"),
        Origin.manual("maya").at(monday.plusSeconds(2 * 86_400))));
    return order;
  }

  /** Two buyer messages on eBay about nothing in particular, the older received an hour before the newer. */
  List<BuyerMessageId> twoBuyerMessages() {
    List<BuyerMessageId> ids = new java.util.ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      ids.add(ledger.execute(new RecordBuyerMessage(Channel.EBAY, "msg-" + i, Optional.empty(), Optional.empty(),
          "buyer-" + i, HOSTILE_TITLE, NOW.minusSeconds(7200 - 3600L * (i - 1)), Origin.manual("maya")))
          .messageId().orElseThrow());
    }
    return ids;
  }

  /** A price drop of the markup-titled item's eBay listing to 1.00, below its cost basis: a risky proposal. */
  ProposalId riskyPriceProposal() {
    ListingId listing = ledger.item(HOSTILE).orElseThrow().listings().keySet().iterator().next();
    return ledger.execute(new DraftProposal(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(listing),
        java.util.Map.of("price", "1.00", "currency", "USD"),
        Evidence.of("clear it out", List.of(), java.util.Map.of("days.listed", "90")), Origin.manual("ana")))
        .proposals().get(0);
  }

  /** A count of SHED closed today: the markup-titled item's 2 units counted. */
  void countedShed() {
    Origin maya = Origin.manual("maya");
    CountSessionId session = CountSessionId.of(ledger.execute(new OpenCount(StorageLocation.parse("SHED"), maya))
        .events().get(0).stream().id());
    ledger.execute(new RecordCount(session, HOSTILE, 2, maya));
    ledger.execute(new CloseCount(session, maya));
  }

  /** The markup-titled item's eBay listing goes to sync ERROR with a markup message. */
  void hostileSyncError() {
    ListingId listing = ledger.item(HOSTILE).orElseThrow().listings().keySet().iterator().next();
    ledger.execute(new ChangeListingStatus(listing, SyncStatus.ERROR, Optional.of(HOSTILE_ERROR),
        Origin.manual("maya").at(NOW.minusSeconds(120))));
  }

  Queues queues() {
    return Queues.open(store, ledger.workspace(), ledger.config(), QueuePolicy.defaults(), Optional.of(store));
  }

  Reports reports() {
    return Reports.open(store, ledger.workspace(), Optional.of(store));
  }

  ProposalBook proposals() {
    return ProposalBook.of(ledger, store);
  }

  /** Cost basis of what is on hand, summed here from the items as a user would: cost x on hand / lot units. */
  BigDecimal costOnHand() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Item i : ledger.items()) {
      sum = sum.add(i.details().costBasis().amount().multiply(BigDecimal.valueOf(i.quantity()))
          .divide(BigDecimal.valueOf(i.lotUnits()), 10, RoundingMode.HALF_EVEN));
    }
    return sum.setScale(2, RoundingMode.HALF_EVEN);
  }

  @Override
  public void close() {
    web.close();
  }
}
