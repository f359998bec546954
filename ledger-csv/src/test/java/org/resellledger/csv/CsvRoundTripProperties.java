package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.resellledger.core.RejectionException;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Defect;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.gen.Gen;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Seeds;

/**
 * Generated items and listings survive export and re-import: the re-import previews zero changes, and
 * importing the export into an empty ledger rebuilds equal items whose own export is byte for byte the same.
 * Values come from the testkit's generators (many scripts, emoji, right-to-left, combining marks, longest
 * values); half of them are then overlaid with text built to break CSV: quotes, commas, CR/LF, formula
 * characters, the clear marker, and this module's own escape characters. Seeded: a failure names its seed,
 * {@code -Dledger.seed=<seed>} replays it.
 */
class CsvRoundTripProperties {
  private static final int CASES = 10;
  private static final int ITEMS_PER_CASE = 40;

  private static final List<String> HOSTILE = List.of(
      "=SUM(A1)", "+1", "-2", "@cmd", "\"quoted\"", "a,b", "line1\nline2", "cr\r\nlf", "tab\there", "'", "''=x",
      "[clear]", "\\", ">", "/", ";", ":", "=", "ジャケット", "🧥", "👩‍💻", "שלום", "حقيبة", "Cafe\u0301", "50%",
      "Levi's", "plain", "#7", "\u2028sep");

  @Test
  void exportThenReimport_previewsZeroChanges_andRebuildsEqualItems() {
    long master = Seeds.pinnedOrRandom();
    int cases = Seeds.fromSystemProperty().isPresent() ? 1 : CASES;
    for (int i = 0; i < cases; i++) {
      long seed = Seeds.derive(master, i);
      try {
        roundTrip(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionFailedError("round trip failed for seed " + Seeds.format(seed) + " (rerun with -D"
            + Seeds.PROPERTY + "=" + Seeds.format(seed) + "): " + e.getMessage(), e);
      }
    }
  }

  private void roundTrip(long seed) {
    RandomGenerator random = new SplittableRandom(seed);
    CsvImporter importer = Fixtures.importer(new InMemoryLedgerStore());
    AtomicInteger serial = new AtomicInteger();
    Gen<Sku> skus = Gens.skus().map(s -> Sku.of(truncate(s.value(), 56) + "-" + serial.incrementAndGet()));
    Currency currency = Gens.currencies().next(random);
    Gen<ItemDetails> details = Gens.itemDetails(skus, currency)
        .flatMap(d -> r -> r.nextBoolean() ? hostile(r, d) : d);
    for (int i = 0; i < ITEMS_PER_CASE; i++) {
      ItemDetails d = details.next(random);
      ItemStatus status = Gens.intakeStatuses().next(random);
      if (status == ItemStatus.CONSIGNED && d.consignor().isEmpty()) {
        status = ItemStatus.HELD;
      }
      importer.ledger().execute(new IntakeItem(d, random.nextInt(0, 5), status, Origin.manual("gen")));
      if (random.nextInt(3) == 0) {
        Channel channel = Gens.channels().next(random);
        ListingDetails listing = Gens.listingDetails(channel, currency).next(random);
        if (random.nextBoolean()) {
          listing = withHostileTitle(random, listing);
        }
        try {
          importer.ledger().execute(new CreateListing(d.sku(), listing, SyncStatus.DRAFT, Origin.manual("gen")));
        } catch (RejectionException duplicateExternalId) {
          // the generator drew an external id another listing of this run has: not what this test is about
        }
      }
    }

    String items = Fixtures.exportItems(importer);
    String listings = Fixtures.exportListings(importer);
    ImportReport again = importer.preview(ImportRequest.of(ImportKind.ITEMS, Fixtures.text("items.csv", items)));
    assertThat(again.errors()).isEmpty();
    assertThat(again.rows()).allSatisfy(r -> assertThat(r.changes()).isEmpty());
    assertThat(again.summary().unchanged()).isEqualTo(ITEMS_PER_CASE);
    ImportReport listingsAgain = importer.preview(ImportRequest.of(ImportKind.LISTINGS,
        Fixtures.text("listings.csv", listings)));
    assertThat(listingsAgain.errors()).isEmpty();
    assertThat(listingsAgain.summary().changes()).isZero();

    CsvImporter fresh = Fixtures.importer(new InMemoryLedgerStore());
    ImportReport rebuilt = fresh.apply(ImportRequest.of(ImportKind.ITEMS, Fixtures.text("items.csv", items)));
    assertThat(rebuilt.errors()).isEmpty();
    assertThat(rebuilt.outcome()).isEqualTo(ImportOutcome.APPLIED);
    for (Item original : importer.ledger().items()) {
      Item copy = fresh.ledger().requireItem(original.sku());
      assertThat(copy.details()).isEqualTo(original.details());
      assertThat(copy.quantity()).isEqualTo(original.quantity());
      assertThat(copy.status()).isEqualTo(original.status());
    }
    StringWriter second = new StringWriter();
    CsvExporter.of(fresh.ledger()).items(second);
    assertThat(second.toString()).isEqualTo(items);
  }

  /** The details with their free-text fields replaced by CSV-hostile text. */
  private static ItemDetails hostile(RandomGenerator random, ItemDetails d) {
    List<String> levels = new ArrayList<>();
    for (int i = random.nextInt(1, 4); i > 0; i--) {
      levels.add(text(random, 60));
    }
    List<Defect> defects = new ArrayList<>(d.defects());
    defects.add(new Defect(Defect.Kind.OTHER, text(random, 80), Defect.Severity.MINOR,
        random.nextBoolean() ? Optional.of(text(random, 500)) : Optional.empty()));
    Map<String, String> specifics = new LinkedHashMap<>(d.specifics());
    specifics.put(text(random, 50) + "#k", text(random, 200));
    return ItemDetails.builder()
        .sku(d.sku())
        .title(text(random, ItemDetails.MAX_TITLE))
        .category(new Category(levels))
        .condition(d.condition())
        .costBasis(d.costBasis())
        .acquiredOn(d.acquiredOn())
        .location(d.location())
        .photoStatus(d.photoStatus())
        .estimatedValue(d.estimatedValue())
        .targetPrice(d.targetPrice())
        .brand(Optional.of(text(random, 80)))
        .defects(defects)
        .boxCondition(d.boxCondition())
        .acquisitionSource(d.acquisitionSource().map(s -> new AcquisitionSource(s.kind(),
            Optional.of(text(random, 120)))))
        .consignor(d.consignor().map(c -> text(random, 120)))
        .specifics(specifics)
        .notes(Optional.of(text(random, 4000)))
        .build();
  }

  private static ListingDetails withHostileTitle(RandomGenerator random, ListingDetails l) {
    return ListingDetails.builder()
        .channel(l.channel())
        .externalId(l.externalId())
        .url(l.url())
        .title(text(random, 200))
        .description(Optional.of(text(random, 2000)))
        .price(l.price())
        .shippingProfile(Optional.of(text(random, 100)))
        .listedQuantity(l.listedQuantity())
        .build();
  }

  /** Non-blank text of hostile atoms, at most {@code max} UTF-16 units, trimmed as the ledger keeps it. */
  static String text(RandomGenerator random, int max) {
    StringBuilder b = new StringBuilder();
    int atoms = random.nextInt(1, 6);
    for (int i = 0; i < atoms; i++) {
      String atom = HOSTILE.get(random.nextInt(HOSTILE.size()));
      String sep = i == 0 ? "" : List.of(" ", "", ",", "\n").get(random.nextInt(4));
      if (b.length() + sep.length() + atom.length() > max) {
        break;
      }
      b.append(sep).append(atom);
    }
    String s = b.toString().strip();
    return s.isEmpty() ? "x" : s;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
