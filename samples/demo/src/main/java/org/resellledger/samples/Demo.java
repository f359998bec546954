package org.resellledger.samples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Defect;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.outbox.OutboxRun;
import org.resellledger.core.outbox.WriteRequest;
import org.resellledger.core.outbox.WriteResult;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.store.LedgerStore;
import java.util.SplittableRandom;
import org.resellledger.jooq.JooqLedgerStore;

/**
 * A small reseller's week, played through the public API: intake with cost, cross-listing, sales on two
 * channels, a local sale, a cancellation, a return that waits for inspection, a bundle split and a manual
 * correction. Prints what happened and where every unit is now.
 */
public final class Demo {
  private static final Origin MAYA = Origin.manual("maya");
  /** Flyway reports each migration step on java.util.logging; held here so the level sticks. */
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
  private static final java.util.logging.Logger JOOQ_LOG = java.util.logging.Logger.getLogger("org.jooq");
  private final PrintStream out;
  private final Ledger ledger;
  private final LedgerStore store;
  private final String storeName;
  private Instant now = Instant.parse("2026-11-23T09:00:00Z");
  /** Appended to every SKU from the second run on, so each run plays a new week in the same books. */
  private String week = "";

  Demo(LedgerStore store, String storeName, PrintStream out) {
    this.out = out;
    this.storeName = storeName;
    this.store = store;
    this.ledger = Ledger.open(store, WorkspaceId.of("maya-resale"), LedgerConfig.defaults()
        .withClock(Clock.fixed(Instant.parse("2026-11-28T18:00:00Z"), ZoneOffset.UTC)));
  }

  /** Plays a week in an embedded H2 database under {@code data/demo} (or the directory given). */
  public static void main(String[] args) {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    JOOQ_LOG.setLevel(java.util.logging.Level.WARNING);
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("demo.dir", "data/demo")).toAbsolutePath();
    try (JooqLedgerStore store = JooqLedgerStore.embeddedH2(dir)) {
      new Demo(store, "embedded H2 at " + dir, System.out).playWeek();
    }
  }

  void playWeek() {
    out.println("resell ledger demo: one week of Maya's resale business (" + storeName + ")");
    int earlier = ledger.items().size();
    if (earlier > 0) {
      int run = 2;
      while (ledger.item(Sku.of("MUG-FIESTA-W" + run)).isPresent()) {
        run++;
      }
      week = "-W" + run;
      now = now.plusSeconds(7L * 86400 * (run - 1));
      out.printf("Reopened the books: %d items and %d events survived from earlier runs; replay equals the "
          + "stored projections: %s. Playing week %d with SKUs ending in %s.%n",
          earlier, ledger.events().size(), ledger.replayMatchesProjections(), run, week);
    }

    day("Monday: estate-sale haul taken in");
    intake(details("JKT-LEVI-01", "Levi's 70505 trucker jacket, size M", "Clothing > Men > Jackets", "24.00")
        .estimatedValue(usd("95.00")).brand("Levi's").putSpecifics("Size", "M")
        .addDefects(Defect.of(Defect.Kind.STAIN, "left cuff", Defect.Severity.MINOR)), 1);
    intake(details("MUG-FIESTA", "Fiesta ware mug, turquoise", "Home > Kitchen > Mugs", "12.00"), 4);
    intake(details("LOT-LEGO-01", "LEGO lot, 3 sealed minifigure packs", "Toys > Building", "18.00"), 1);

    day("Tuesday: cross-listing");
    ListingId ebayJacket = list("JKT-LEVI-01", Channel.EBAY, "Levi's Type III trucker M", "89.00", 1);
    ListingId poshJacket = list("JKT-LEVI-01", Channel.POSHMARK, "Levi's trucker jacket M", "92.00", 1);
    ListingId ebayMugs = list("MUG-FIESTA", Channel.EBAY, "Fiesta turquoise mug", "16.00", 4);
    ListingId etsyMugs = list("MUG-FIESTA", Channel.ETSY, "Vintage Fiesta mug", "18.00", 4);

    day("Wednesday: the jacket sells on eBay; the ledger proposes to end it on Poshmark, Maya approves");
    OrderId jacketSale = sell(Channel.EBAY, "24-11301-55555" + week, ebayJacket, "JKT-LEVI-01", 1, "89.00", "11.75",
        Origin.webhook("ebay", "ntf-8841" + week, now));
    closeTheLoop(poshJacket);
    sell(Channel.EBAY, "24-11302-11111" + week, ebayMugs, "MUG-FIESTA", 2, "16.00", "4.10",
        Origin.webhook("ebay", "ntf-8850" + week, now.plusSeconds(600)));
    OrderId etsyMug = sell(Channel.ETSY, "3377001" + week, etsyMugs, "MUG-FIESTA", 1, "18.00", "1.40",
        Origin.webhook("etsy", "etsy-771" + week, now.plusSeconds(900)));
    report("eBay resends its notification ntf-8841",
        ledger.execute(saleCommand(Channel.EBAY, "24-11301-55555" + week, ebayJacket, "JKT-LEVI-01", 1, "89.00", "11.75",
            Origin.webhook("ebay", "ntf-8841" + week, now))).duplicate() ? "duplicate: nothing changed" : "applied twice!");

    day("Thursday: ship, and a local sale");
    run("ship the eBay jacket", new ShipOrder(jacketSale, "USPS", "9400 1000 0000 0000 0001", usd("9.80"), MAYA));
    Origin till = Origin.of(Source.LOCAL_POS, Actor.person("maya"));
    OrderId market = ledger.execute(new RecordLocalSale(
        List.of(SaleLine.of(sku("MUG-FIESTA"), 1, usd("12.00"))), till)).orderId().orElseThrow();
    report("sell one mug at the flea market", "LocalSaleRecorded");
    run("the buyer takes it home", new RecordPickup(market, till));
    run("ship the Etsy mug", new ShipOrder(etsyMug, "USPS", "9400 1000 0000 0000 0002", usd("5.10"), MAYA));

    day("Friday: a return arrives and waits for inspection");
    run("buyer asks to return the Etsy mug", new RequestReturn(etsyMug, now.plusSeconds(14 * 86400), MAYA));
    run("the mug comes back", new ReceiveReturn(etsyMug, sku("MUG-FIESTA"), 1, MAYA));
    out.printf("    MUG-FIESTA available now: %d (the returned mug is in INSPECTION, not for sale)%n",
        ledger.requireItem(sku("MUG-FIESTA")).available());
    run("inspection: chip on the rim, restock as GOOD", new InspectReturn(sku("MUG-FIESTA"), 1,
        InspectionOutcome.RESTOCK, Optional.of(Condition.GOOD), MAYA));

    day("Saturday: split the LEGO lot, fix a count");
    run("split LOT-LEGO-01 into three minifigure packs", new SplitBundle(sku("LOT-LEGO-01"), 1, List.of(
        new BundleChild(details("LEGO-MF-WIZARD", "LEGO minifigure: wizard", "Toys > Building", "0").build(), 1, 1),
        new BundleChild(details("LEGO-MF-ROBOT", "LEGO minifigure: robot", "Toys > Building", "0").build(), 1, 1),
        new BundleChild(details("LEGO-MF-PIRATE", "LEGO minifigure: pirate", "Toys > Building", "0").build(), 1, 1)),
        MAYA));
    run("archive the emptied lot", new ArchiveItem(sku("LOT-LEGO-01"), MAYA));
    run("recount finds one more mug", new AdjustQuantity(sku("MUG-FIESTA"), 1, MAYA.because("shelf recount")));
    try {
      ledger.execute(new AdjustQuantity(sku("MUG-FIESTA"), -1, MAYA));
    } catch (RejectionException refused) {
      report("an adjustment without a reason", "refused: " + refused.getMessage());
    }

    day("Sunday: where every unit is");
    for (Item item : ledger.items()) {
      if (!item.sku().value().endsWith(week) || week.isEmpty() && item.sku().value().matches(".*-W\\d+")) {
        continue;
      }
      out.printf("  %-18s %-15s cost %-10s %s%s%n", item.sku(), item.status(), item.details().costBasis(),
          buckets(item), item.hasConflict() ? "  CONFLICT " + item.conflicts() : "");
    }
    out.println();
    out.println("History of " + sku("MUG-FIESTA") + " (every quantity change explains itself):");
    for (HistoryEntry h : ledger.history(sku("MUG-FIESTA"))) {
      out.printf("  v%-2d %-20s %-9s %-20s %-26s -> %s%n", h.event().version(), h.event().kind(),
          h.event().source(), h.event().actor(), h.event().movement().map(Object::toString).orElse(""),
          buckets(h.balancesAfter().asMap()));
    }
    out.printf("%nEvents recorded: %d. Replay of all events equals the stored projections: %s%n",
        ledger.events().size(), ledger.replayMatchesProjections());
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private void day(String title) {
    out.println();
    out.println("== " + title);
    now = now.plusSeconds(86400);
  }

  private Sku sku(String base) {
    return Sku.of(base + week);
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private ItemDetails.Builder details(String sku, String title, String category, String cost) {
    return ItemDetails.builder()
        .sku(sku(sku)).title(title).category(Category.parse(category)).condition(Condition.VERY_GOOD)
        .costBasis(usd(cost)).acquiredOn(LocalDate.of(2026, 11, 22))
        .location(StorageLocation.parse("GARAGE/S2/B" + (Math.abs(sku.hashCode()) % 20 + 1)))
        .photoStatus(PhotoStatus.COMPLETE)
        .acquisitionSource(AcquisitionSource.of(AcquisitionSource.Kind.ESTATE_SALE, "Elm St estate sale"));
  }

  private void intake(ItemDetails.Builder details, int quantity) {
    ItemDetails d = details.build();
    run("take in " + quantity + " x " + d.sku() + " (" + d.title() + ") for " + d.costBasis(),
        new IntakeItem(d, quantity, ItemStatus.READY_TO_LIST, MAYA));
  }

  private ListingId list(String sku, Channel channel, String title, String price, int quantity) {
    var r = ledger.execute(new CreateListing(sku(sku), ListingDetails.builder().channel(channel).title(title)
        .price(usd(price)).listedQuantity(quantity).build(), SyncStatus.LIVE, MAYA));
    report("list " + sku + " on " + channel + " at " + price, "LIVE");
    return r.listingId().orElseThrow();
  }

  /**
   * The loop after a sale: the sale's own transaction drafted a proposal for every other listing that now
   * offers more than is left; Maya approves the Poshmark one (bound to exactly what she saw), and the outbox
   * writes it through the channel's writer, comparing before it writes.
   */
  private void closeTheLoop(ListingId poshmark) {
    ProposalBook book = ProposalBook.of(ledger, store);
    Proposal end = book.syncOf(poshmark).get(0);
    out.printf("  %-52s %s, caused by the sale's event %s%n", "proposal drafted by " + end.author(), end.kind()
        + " on poshmark", end.causation().orElse("?"));
    ledger.execute(new ApproveProposal(end.id(), end.digest(), MAYA));
    report("Maya approves it", "approved; the write is queued with the approval");
    OutboxRun written = Outbox.of(ledger, store, this::poshmarkWrites, new SplittableRandom(7)).runDue(10);
    report("the outbox writes to Poshmark", written.written() + " written; Poshmark listing now "
        + ledger.listing(poshmark).orElseThrow().status() + ", proposal " + book.require(end.id()).state());
  }

  /** A stand-in for a Poshmark client: shows what it would send and accepts it. */
  private WriteResult poshmarkWrites(WriteRequest request) {
    out.printf("    -> %s %s %s, expected quantity %s, idempotency key %s%n", request.channel(), request.kind(),
        request.externalId().orElse("(no external id)"), request.expectedQuantity().map(String::valueOf).orElse("-"),
        request.idempotencyKey());
    return WriteResult.written();
  }

  private RecordChannelSale saleCommand(Channel channel, String orderNo, ListingId listing, String sku,
      int quantity, String price, String fees, Origin origin) {
    return new RecordChannelSale(channel, orderNo, List.of(SaleLine.of(listing, sku(sku), quantity, usd(price))),
        usd(fees), usd("0.00"), OrderStatus.PAID, origin);
  }

  private OrderId sell(Channel channel, String orderNo, ListingId listing, String sku, int quantity, String price,
      String fees, Origin origin) {
    var r = ledger.execute(saleCommand(channel, orderNo, listing, sku, quantity, price, fees, origin));
    Item item = ledger.requireItem(sku(sku));
    report(channel + " order " + orderNo + ": " + quantity + " x " + sku,
        item.hasConflict() && item.conflicts().get(item.conflicts().size() - 1).order().equals(r.orderId().get())
            ? "recorded, but nothing was available: DOUBLE SALE conflict"
            : "committed; " + item.available() + " left available");
    return r.orderId().orElseThrow();
  }

  private void run(String what, Command command) {
    var r = ledger.execute(command);
    report(what, r.events().stream().map(e -> e.kind()).collect(Collectors.joining(", ")));
  }

  private void report(String what, String outcome) {
    out.printf("  - %-58s %s%n", what, outcome);
  }

  private static String buckets(Item item) {
    return buckets(item.balances().asMap());
  }

  private static String buckets(Map<Bucket, Long> map) {
    return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
