package org.resellledger.samples.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.testkit.gen.Samples;

/**
 * What the sync rule costs a sale (issue #12: at most 1.5x): a channel sale through {@code Ledger.execute}
 * (one webhook delivery per transaction) of an item listed on eBay and on three other channels, where the
 * sale leaves fewer units than those three offer, so the sale drafts three sync proposals in its own
 * transaction; against the same sale with the sync rule off ({@code ProposalPolicy.withSyncProposals(false)}),
 * on the same database. Items and listings are set up before the clock starts; rounds alternate the sides.
 * Prints the mean time per sale of each side and the ratio, on embedded H2 and on PostgreSQL.
 *
 * <p>Properties: {@code bench.sales} (timed sales per side per round, 300), {@code bench.rounds} (5),
 * {@code bench.h2} and {@code bench.postgres} (true).
 *
 * <pre>
 * java -cp samples/bench/target/classes:$(cat samples/bench/target/cp.txt) org.resellledger.samples.bench.SyncProposalBench
 * </pre>
 */
public final class SyncProposalBench {
  private static final List<Channel> OTHERS = List.of(Channel.POSHMARK, Channel.MERCARI, Channel.ETSY);
  private static final int WARM_UP = 100;

  private final int sales = Integer.getInteger("bench.sales", 300);
  private final int rounds = Integer.getInteger("bench.rounds", 5);

  private SyncProposalBench() {}

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    Logger.getLogger("org.jooq").setLevel(Level.WARNING);
    SyncProposalBench bench = new SyncProposalBench();
    List<String> summary = new ArrayList<>();
    if (Boolean.parseBoolean(System.getProperty("bench.h2", "true"))) {
      try (BenchDatabase db = BenchDatabase.h2()) {
        summary.add(bench.run(db));
      }
    }
    if (Boolean.parseBoolean(System.getProperty("bench.postgres", "true")) && BenchDatabase.postgresReachable()) {
      try (BenchDatabase db = BenchDatabase.postgres()) {
        summary.add(bench.run(db));
      }
    }
    System.out.println();
    summary.forEach(System.out::println);
  }

  /** One side: a ledger of its own workspace, sync on or off, and the eBay listing of each prepared item. */
  private static final class Side {
    final String name;
    final Ledger ledger;
    final List<Sku> skus = new ArrayList<>();
    final List<ListingId> ebay = new ArrayList<>();
    int next;
    int sold;
    long nanos;
    long proposals;

    Side(String name, LedgerStore store, boolean sync) {
      this.name = name;
      this.ledger = Ledger.open(store, WorkspaceId.of("sync-bench-" + name), LedgerConfig.defaults()
          .withIds(IdGenerator.timeOrdered())
          .withProposals(ProposalPolicy.defaults().withSyncProposals(sync)));
    }

    /** Items of 2 units: listed 1 on eBay (the sale leaves it fitting) and 2 on three other channels. */
    void prepare(int count) {
      for (int i = 0; i < count; i++) {
        Sku sku = Sku.of(name.toUpperCase(Locale.ROOT) + "-" + (skus.size() + 1));
        ledger.execute(Samples.intake(sku.value(), 2));
        ebay.add(list(sku, Channel.EBAY, 1));
        for (Channel other : OTHERS) {
          list(sku, other, 2);
        }
        skus.add(sku);
      }
    }

    private ListingId list(Sku sku, Channel channel, int quantity) {
      return ledger.execute(new CreateListing(sku, ListingDetails.builder().channel(channel).title("Jacket " + sku)
          .price(Samples.usd("60.00")).listedQuantity(quantity).build(), SyncStatus.LIVE, Samples.manual("ana")))
          .listingId().orElseThrow();
    }

    void sell(int count, boolean timed) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        int n = next++;
        var result = ledger.execute(new RecordChannelSale(Channel.EBAY, "1" + String.format("%011d", n),
            List.of(new SaleLine(skus.get(n), Optional.of(ebay.get(n)), 1, Samples.usd("60.00"))),
            Samples.usd("6.00"), Samples.usd("0.00"), OrderStatus.PAID,
            Origin.webhook("ebay", name + "-n-" + n, Instant.parse("2026-03-01T12:00:00Z"))));
        if (timed) {
          proposals += result.proposals().size();
        }
      }
      if (timed) {
        nanos += System.nanoTime() - start;
        sold += count;
      }
    }

    double millisPerSale() {
      return nanos / 1e6 / sold;
    }
  }

  private String run(BenchDatabase db) throws Exception {
    Side without = new Side("plain", db.store, false);
    Side with = new Side("sync", db.store, true);
    int total = WARM_UP + sales * rounds;
    System.out.printf(Locale.ROOT, "%s: preparing %d items x 4 listings per side...%n", db.kind, total);
    without.prepare(total);
    with.prepare(total);
    db.analyze();
    without.sell(WARM_UP, false);
    with.sell(WARM_UP, false);
    for (int r = 0; r < rounds; r++) {
      Side first = r % 2 == 0 ? without : with;
      Side second = first == without ? with : without;
      first.sell(sales, true);
      second.sell(sales, true);
      System.out.printf(Locale.ROOT, "%s round %d: without %.3f ms/sale, with %.3f ms/sale%n", db.kind, r + 1,
          without.millisPerSale(), with.millisPerSale());
    }
    double ratio = with.millisPerSale() / without.millisPerSale();
    return String.format(Locale.ROOT, "%s: sale + %.1f sync proposals %.3f ms, sale alone %.3f ms: %.2fx"
        + " (target <= 1.5x, %s)", db.kind, (double) with.proposals / with.sold, with.millisPerSale(),
        without.millisPerSale(), ratio, ratio <= 1.5 ? "met" : "not met");
  }
}
