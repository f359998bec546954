package org.resellledger.testkit.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Gen;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;

/**
 * What every concept's planner shares while one sequence is planned: the seeded random source with its
 * helpers (channels, origins, quantities, lean details), the planning clock, and a rough plan of what should
 * exist if steps succeed (items and their units, listings, orders). The plan never reads the ledger, so the
 * seed alone determines the sequence.
 */
final class PlanContext {
  static final List<Channel> MAIN = List.of(Channel.EBAY, Channel.ETSY, Channel.SHOPIFY);
  static final List<Channel> OTHER = List.of(Channel.MERCARI, Channel.POSHMARK, Channel.of("vinted"));

  final RandomGenerator random;
  final List<PlannedItem> items = new ArrayList<>();
  final List<PlannedListing> listings = new ArrayList<>();
  final List<PlannedOrder> orders = new ArrayList<>();
  /** Steps that carried a provider event, in the order planned: what a provider may send again. */
  final List<Step> deliveries = new ArrayList<>();
  private int skus;
  private Instant clock = Samples.NOW.minus(Duration.ofDays(20));

  PlanContext(RandomGenerator random) {
    this.random = random;
  }

  /** An item as the plan expects it: units per bucket if every step so far succeeded. */
  static final class PlannedItem {
    final Sku sku;
    final Currency currency;
    long available;
    long held;
    long inspection;

    PlannedItem(Sku sku, Currency currency) {
      this.sku = sku;
      this.currency = currency;
    }
  }

  /** A listing, by its symbolic name ({@code L3}). */
  static final class PlannedListing {
    final String name;
    final PlannedItem item;
    final Channel channel;
    final ListingDetails details;
    SyncStatus status;

    PlannedListing(String name, PlannedItem item, Channel channel, ListingDetails details, SyncStatus status) {
      this.name = name;
      this.item = item;
      this.channel = channel;
      this.details = details;
      this.status = status;
    }
  }

  /** An order, by its symbolic name ({@code O2}); {@code channel} is LOCAL for local sales. */
  static final class PlannedOrder {
    final String name;
    final Channel channel;
    final List<SaleLine> lines;
    final Currency currency;
    final String externalId;
    OrderStatus status;

    PlannedOrder(String name, Channel channel, List<SaleLine> lines, Currency currency, String externalId,
        OrderStatus status) {
      this.name = name;
      this.channel = channel;
      this.lines = lines;
      this.currency = currency;
      this.externalId = externalId;
      this.status = status;
    }
  }

  // ---- chance --------------------------------------------------------------------------------------------

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  <T> T next(Gen<T> gen) {
    return gen.next(random);
  }

  Channel channel() {
    return chance(85) ? pick(MAIN) : pick(OTHER);
  }

  Instant tick() {
    if (!chance(20)) { // one in five shares the previous instant
      clock = clock.plusSeconds(random.nextInt(1, 7200)).plusNanos(random.nextInt(1000) * 1000L);
    }
    return clock;
  }

  // ---- origins -------------------------------------------------------------------------------------------

  Origin person() {
    return Origin.of(Source.MANUAL, Actor.person(chance(50) ? "ana" : "ben"));
  }

  Origin anyLane() {
    int roll = random.nextInt(10);
    if (roll < 6) {
      return person();
    } else if (roll < 8) {
      return Origin.of(Source.AGENT, Actor.agent("lister-agent"));
    } else if (roll < 9) {
      return Origin.of(Source.CSV_IMPORT, Actor.importer("csv-2026-03"));
    }
    return Origin.of(Source.SYSTEM_RULE, Actor.system("nightly-rules"));
  }

  /** An origin with a reason nine times in ten: holds, corrections and write-offs need one. */
  Origin withReason(Origin o) {
    return chance(90) ? o.because(pick(List.of("recount", "customer asked", "found in attic", "box crushed",
        "consignor pickup", "audit 2026-Q1"))) : o;
  }

  Origin webhook(Channel channel) {
    String provider = channel.code();
    return Origin.webhook(provider, Gens.providerEventIds(provider).next(random), tick());
  }

  Origin channelOrPerson(Channel channel) {
    return channel.equals(Channel.LOCAL) || chance(25) ? person() : webhook(channel);
  }

  // ---- what exists ---------------------------------------------------------------------------------------

  Optional<PlannedItem> item() {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(pick(items));
  }

  Optional<PlannedItem> item(Sku sku) {
    return items.stream().filter(p -> p.sku.equals(sku)).findFirst();
  }

  /** Adds an item to the plan unless one with its SKU is there already (a duplicate SKU is refused). */
  void add(PlannedItem item) {
    if (items.stream().noneMatch(i -> i.sku.equals(item.sku))) {
      items.add(item);
    }
  }

  /** Mostly a planned SKU, now and then one that does not exist. */
  Sku targetSku() {
    if (items.isEmpty() || chance(5)) {
      return Sku.of("NOPE-" + random.nextInt(100));
    }
    return pick(items).sku;
  }

  Sku newSku() {
    return Sku.of("S" + (++skus));
  }

  /** A quantity up to {@code have}, sometimes one more than there is, at least 1. */
  int quantity(long have) {
    if (have <= 0 || chance(10)) {
      return (int) Math.max(1, have + 1);
    }
    return (int) (chance(30) ? have : random.nextLong(1, have + 1));
  }

  // ---- values --------------------------------------------------------------------------------------------

  /**
   * Item details: one in six from the full generator (every optional field, long and Unicode text, edges),
   * the rest lean, because the ledger's rules do not read most fields and long text costs time.
   */
  ItemDetails details(Sku sku, Currency currency) {
    ItemDetails d;
    if (chance(15)) {
      d = Gens.itemDetails(Gen.constant(sku), currency).next(random);
    } else {
      d = ItemDetails.builder()
          .sku(sku)
          .title(Gens.titles().next(random))
          .category(org.resellledger.core.item.Category.of("Clothing", chance(50) ? "Women" : "Men"))
          .condition(Gens.conditions().next(random))
          .costBasis(Gens.money(currency).next(random))
          .acquiredOn(java.time.LocalDate.of(2026, 1, 1 + random.nextInt(28)))
          .location(org.resellledger.core.item.StorageLocation.of("GARAGE"))
          .photoStatus(Gens.photoStatuses().next(random))
          .estimatedValue(chance(50) ? Optional.of(Gens.money(currency).next(random)) : Optional.empty())
          .build();
    }
    if (chance(75) && d.photoStatus() != PhotoStatus.COMPLETE) {
      d = ItemDetails.builder().from(d).photoStatus(PhotoStatus.COMPLETE).build();
    }
    return d;
  }

  /** Listing details: one in six from the full generator, the rest lean (see {@link #details}). */
  ListingDetails listingDetails(Channel channel, Currency currency) {
    if (chance(15)) {
      return Gens.listingDetails(channel, currency).next(random);
    }
    return ListingDetails.builder()
        .channel(channel)
        .externalId(chance(80) ? Optional.of(Gens.externalListingIds(channel).next(random)) : Optional.empty())
        .title(Gens.titles().next(random))
        .price(price(currency))
        .listedQuantity(Gens.ints(0, 5).next(random))
        .build();
  }

  Currency currency() {
    return chance(60) ? Gens.CURRENCIES.get(0) : Gens.currencies().next(random);
  }

  Money price(Currency currency) {
    return chance(95) ? Gens.money(currency).next(random) : Gens.money().next(random);
  }

  /** Fees, postage and refunds: up to 3000 (major units) with cents, up to 30000 yen. */
  Money modest(Currency currency) {
    int scale = Math.max(currency.getDefaultFractionDigits(), 0);
    long minor = random.nextLong(0, scale == 0 ? 30_001 : 300_001);
    return new Money(java.math.BigDecimal.valueOf(minor, scale), currency);
  }
}
