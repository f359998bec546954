package org.resellledger.testkit.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Gen;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;

/**
 * Generates the steps of one simulated sequence from a seed alone. It keeps a rough plan of what should
 * exist (assuming steps succeed) only to make most steps plausible: most sales hit stock, most shipments
 * follow payment. Its plan never reads the ledger, so the seed determines the sequence, and the first n
 * steps are the same whatever the sequence length.
 *
 * <p>Mixes channels (ebay, etsy, shopify, and a few others), actors (people, agents, importers, the system,
 * channels) and faults: re-delivered provider events, the same event id with other content, deliveries out
 * of order, double sales of the last unit, cancellations racing shipments, unknown SKUs, listings and
 * orders, missing reasons and quantities beyond what is there.
 */
final class Planner {
  private static final List<Channel> MAIN = List.of(Channel.EBAY, Channel.ETSY, Channel.SHOPIFY);
  private static final List<Channel> OTHER = List.of(Channel.MERCARI, Channel.POSHMARK, Channel.of("vinted"));

  private final RandomGenerator random;
  private final Deque<Step> queued = new ArrayDeque<>();
  private final List<PlannedItem> items = new ArrayList<>();
  private final List<PlannedListing> listings = new ArrayList<>();
  private final List<PlannedOrder> orders = new ArrayList<>();
  private final List<Step> deliveries = new ArrayList<>();
  private final Gen<Supplier<List<Step>>> actions;
  private int skus;
  private Instant clock = Samples.NOW.minus(Duration.ofDays(20));

  private static final class PlannedItem {
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

  private record PlannedListing(String name, PlannedItem item, Channel channel, ListingDetails details,
      SyncStatus[] status) {}

  private static final class PlannedOrder {
    final String name;
    final Channel channel; // LOCAL for local sales
    final List<Step.Line> lines;
    final Currency currency;
    OrderStatus status;

    PlannedOrder(String name, Channel channel, List<Step.Line> lines, Currency currency, OrderStatus status) {
      this.name = name;
      this.channel = channel;
      this.lines = lines;
      this.currency = currency;
      this.status = status;
    }
  }

  Planner(long seed) {
    this.random = new SplittableRandom(seed);
    this.actions = Gen.frequency(
        Gen.weighted(12, Gen.constant(this::intake)),
        Gen.weighted(8, Gen.constant(this::newListing)),
        Gen.weighted(12, Gen.constant(this::channelSale)),
        Gen.weighted(3, Gen.constant(this::localSale)),
        Gen.weighted(3, Gen.constant(this::doubleSale)),
        Gen.weighted(20, Gen.constant(this::progressOrder)),
        Gen.weighted(2, Gen.constant(this::cancelRacesShipment)),
        Gen.weighted(2, Gen.constant(this::outOfOrder)),
        Gen.weighted(3, Gen.constant(this::returnFlow)),
        Gen.weighted(3, Gen.constant(this::batch)),
        Gen.weighted(5, Gen.constant(this::inspect)),
        Gen.weighted(4, Gen.constant(this::hold)),
        Gen.weighted(3, Gen.constant(this::release)),
        Gen.weighted(2, Gen.constant(this::damage)),
        Gen.weighted(2, Gen.constant(this::lose)),
        Gen.weighted(3, Gen.constant(this::adjust)),
        Gen.weighted(2, Gen.constant(this::split)),
        Gen.weighted(2, Gen.constant(this::merge)),
        Gen.weighted(5, Gen.constant(this::listingStatus)),
        Gen.weighted(2, Gen.constant(this::editListing)),
        Gen.weighted(2, Gen.constant(this::editDetails)),
        Gen.weighted(2, Gen.constant(this::itemStatus)),
        Gen.weighted(1, Gen.constant(this::consign)),
        Gen.weighted(1, Gen.constant(this::archive)),
        Gen.weighted(5, Gen.constant(this::redeliver)),
        Gen.weighted(2, Gen.constant(this::conflictingRedelivery)));
  }

  /** The first {@code count} steps for {@code seed}. */
  static List<Step> plan(long seed, int count) {
    Planner p = new Planner(seed);
    List<Step> steps = new ArrayList<>(count);
    while (steps.size() < count) {
      steps.add(p.next());
    }
    return steps;
  }

  Step next() {
    while (queued.isEmpty()) {
      List<Step> made = items.size() < 2 && random.nextInt(3) != 0 ? intake() : actions.next(random).get();
      queued.addAll(made);
    }
    Step s = queued.poll();
    if (s.origin().provider().isPresent()) {
      deliveries.add(s);
    }
    return s;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Channel channel() {
    return chance(85) ? pick(MAIN) : pick(OTHER);
  }

  private Instant tick() {
    if (!chance(20)) { // one in five shares the previous instant
      clock = clock.plusSeconds(random.nextInt(1, 7200)).plusNanos(random.nextInt(1000) * 1000L);
    }
    return clock;
  }

  private Origin person() {
    return Origin.of(Source.MANUAL, Actor.person(chance(50) ? "ana" : "ben"));
  }

  private Origin anyLane() {
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
  private Origin withReason(Origin o) {
    return chance(90) ? o.because(pick(List.of("recount", "customer asked", "found in attic", "box crushed",
        "consignor pickup", "audit 2026-Q1"))) : o;
  }

  private Origin webhook(Channel channel) {
    String provider = channel.code();
    return Origin.webhook(provider, Gens.providerEventIds(provider).next(random), tick());
  }

  private Origin channelOrPerson(Channel channel) {
    return channel.equals(Channel.LOCAL) || chance(25) ? person() : webhook(channel);
  }

  private Optional<PlannedItem> item() {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(pick(items));
  }

  private Sku targetSku() {
    if (items.isEmpty() || chance(5)) {
      return Sku.of("NOPE-" + random.nextInt(100));
    }
    return pick(items).sku;
  }

  private Sku newSku() {
    return Sku.of("S" + (++skus));
  }

  /** A quantity up to {@code have}, sometimes one more than there is, at least 1. */
  private int quantity(long have) {
    if (have <= 0 || chance(10)) {
      return (int) Math.max(1, have + 1);
    }
    return (int) (chance(30) ? have : random.nextLong(1, have + 1));
  }

  /**
   * Item details: one in six from the full generator (every optional field, long and Unicode text, edges),
   * the rest lean, because the ledger's rules do not read most fields and long text costs time.
   */
  private ItemDetails details(Sku sku, Currency currency) {
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
  private ListingDetails listingDetails(Channel channel, Currency currency) {
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

  private Currency currency() {
    return chance(60) ? Gens.CURRENCIES.get(0) : Gens.currencies().next(random);
  }

  private Money price(Currency currency) {
    return chance(95) ? Gens.money(currency).next(random) : Gens.money().next(random);
  }

  /** Fees, postage and refunds: up to 3000 (major units) with cents, up to 30000 yen. */
  private Money modest(Currency currency) {
    int scale = Math.max(currency.getDefaultFractionDigits(), 0);
    long minor = random.nextLong(0, scale == 0 ? 30_001 : 300_001);
    return new Money(java.math.BigDecimal.valueOf(minor, scale), currency);
  }

  // ---- items -------------------------------------------------------------------------------------------

  private List<Step> intake() {
    Currency currency = currency();
    Sku sku = chance(4) && !items.isEmpty() ? pick(items).sku : newSku();
    ItemStatus status = Gen.elements(ItemStatus.NEEDS_PHOTOS, ItemStatus.READY_TO_LIST, ItemStatus.READY_TO_LIST,
        ItemStatus.HELD, ItemStatus.CONSIGNED).next(random);
    ItemDetails d = details(sku, currency);
    if (status == ItemStatus.CONSIGNED && chance(80)) {
      d = ItemDetails.builder().from(d).consignor("Mrs. Dalloway").build();
    }
    int qty = chance(5) ? 0 : chance(3) ? 1000 : Gens.ints(1, 5).next(random);
    PlannedItem p = new PlannedItem(d.sku(), currency);
    if (status == ItemStatus.HELD) {
      p.held = qty;
    } else {
      p.available = qty;
    }
    if (items.stream().noneMatch(i -> i.sku.equals(p.sku))) {
      items.add(p);
    }
    return List.of(new Step.Intake(d, qty, status, anyLane()));
  }

  private List<Step> editDetails() {
    return List.of(new Step.EditDetails(targetSku(),
        chance(60) ? Optional.of(Gens.titles().next(random)) : Optional.empty(),
        chance(40) ? Optional.of(Gens.photoStatuses().next(random)) : Optional.empty(),
        chance(30) ? Optional.of(Gens.conditions().next(random)) : Optional.empty(), anyLane()));
  }

  private List<Step> itemStatus() {
    return List.of(new Step.ItemStatusTo(targetSku(), Gens.itemStatuses().next(random), anyLane()));
  }

  private List<Step> consign() {
    return List.of(new Step.Consign(targetSku(), chance(90) ? "Mrs. Dalloway" : " ", person()));
  }

  private List<Step> archive() {
    return List.of(new Step.Archive(targetSku(), person()));
  }

  private List<Step> hold() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    int q = quantity(p.get().available);
    if (q <= p.get().available) {
      p.get().available -= q;
      p.get().held += q;
    }
    return List.of(new Step.Hold(p.get().sku, q, withReason(anyLane())));
  }

  private List<Step> release() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    int q = quantity(p.get().held);
    if (q <= p.get().held) {
      p.get().held -= q;
      p.get().available += q;
    }
    return List.of(new Step.Release(p.get().sku, q, anyLane()));
  }

  private List<Step> damage() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    Bucket from = chance(75) ? Bucket.AVAILABLE : chance(80) ? Bucket.HELD : Bucket.COMMITTED;
    int q = quantity(from == Bucket.HELD ? p.get().held : p.get().available);
    if (from == Bucket.AVAILABLE && q <= p.get().available) {
      p.get().available -= q;
    }
    return List.of(new Step.Damage(p.get().sku, q, from, anyLane()));
  }

  private List<Step> lose() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    Bucket from = chance(75) ? Bucket.AVAILABLE : Bucket.HELD;
    int q = quantity(from == Bucket.HELD ? p.get().held : p.get().available);
    if (from == Bucket.AVAILABLE && q <= p.get().available) {
      p.get().available -= q;
    }
    return List.of(new Step.Lose(p.get().sku, q, from, anyLane()));
  }

  private List<Step> adjust() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    int delta = chance(50) ? Gens.ints(1, 4).next(random) : -quantity(p.get().available);
    if (chance(2)) {
      delta = 0;
    }
    if (delta > 0 || -delta <= p.get().available) {
      p.get().available += delta;
    }
    return List.of(new Step.Adjust(p.get().sku, delta, withReason(person())));
  }

  private List<Step> split() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    PlannedItem parent = p.get();
    int units = quantity(parent.available);
    int n = Gens.ints(1, 3).next(random);
    List<Step.Child> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sku sku = chance(3) ? parent.sku : newSku();
      Currency c = chance(95) ? parent.currency : currency();
      children.add(new Step.Child(details(sku, c), Gens.ints(1, 4).next(random), random.nextInt(0, 6)));
    }
    if (units <= parent.available) {
      parent.available -= units;
      for (Step.Child child : children) {
        PlannedItem planned = new PlannedItem(child.details().sku(), child.details().costBasis().currency());
        planned.available = child.quantity();
        if (items.stream().noneMatch(i -> i.sku.equals(planned.sku))) {
          items.add(planned);
        }
      }
    }
    return List.of(new Step.Split(parent.sku, units, children, anyLane()));
  }

  private List<Step> merge() {
    if (items.isEmpty()) {
      return intake();
    }
    int n = Math.min(items.size(), Gens.ints(1, 3).next(random));
    List<PlannedItem> chosen = new ArrayList<>();
    while (chosen.size() < n) {
      PlannedItem p = pick(items);
      if (!chosen.contains(p) || chance(3)) {
        chosen.add(p);
      }
    }
    List<Step.Part> parts = new ArrayList<>();
    for (PlannedItem p : chosen) {
      int q = quantity(p.available);
      parts.add(new Step.Part(p.sku, q));
      if (q <= p.available) {
        p.available -= q;
      }
    }
    Sku sku = newSku();
    Currency currency = chosen.get(0).currency;
    int qty = Gens.ints(1, 3).next(random);
    PlannedItem merged = new PlannedItem(sku, currency);
    merged.available = qty;
    items.add(merged);
    return List.of(new Step.Merge(parts, details(sku, currency), qty, anyLane()));
  }

  // ---- listings ----------------------------------------------------------------------------------------

  private List<Step> newListing() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    Channel channel = channel();
    ListingDetails d = listingDetails(channel, p.get().currency);
    if (chance(5)) {
      Optional<PlannedListing> same = listings.stream().filter(l -> l.channel.equals(channel)
          && l.details.externalId().isPresent()).findFirst();
      if (same.isPresent()) {
        d = ListingDetails.builder().from(d).externalId(same.get().details.externalId()).build();
      }
    }
    SyncStatus status = chance(60) ? SyncStatus.LIVE : SyncStatus.DRAFT;
    String name = "L" + (listings.size() + 1);
    listings.add(new PlannedListing(name, p.get(), channel, d, new SyncStatus[] {status}));
    return List.of(new Step.NewListing(name, p.get().sku, d, status, chance(80) ? anyLane()
        : Origin.of(Source.AGENT, Actor.agent("lister-agent"))));
  }

  private Optional<PlannedListing> listing() {
    return listings.isEmpty() ? Optional.empty() : Optional.of(pick(listings));
  }

  private List<Step> listingStatus() {
    Optional<PlannedListing> l = listing();
    if (l.isEmpty()) {
      return newListing();
    }
    SyncStatus now = l.get().status[0];
    SyncStatus to = chance(75) && !now.next().isEmpty() ? pick(List.copyOf(now.next())) : Gens.syncStatuses().next(random);
    if (now.canMoveTo(to)) {
      l.get().status[0] = to;
    }
    Optional<String> error = to == SyncStatus.ERROR ? Optional.of(l.get().channel + ": 429 too many requests")
        : Optional.empty();
    boolean fromChannel = to == SyncStatus.SOLD || to == SyncStatus.ENDED || to == SyncStatus.ERROR;
    Origin origin = fromChannel && chance(70) ? webhook(l.get().channel) : anyLane();
    return List.of(new Step.ListingStatusTo(l.get().name, to, error, origin));
  }

  private List<Step> editListing() {
    Optional<PlannedListing> l = listing();
    if (l.isEmpty()) {
      return newListing();
    }
    Optional<Money> price = chance(70) ? Optional.of(price(l.get().item.currency)) : Optional.empty();
    Optional<Integer> listed = price.isEmpty() || chance(30) ? Optional.of(Gens.ints(0, 6).next(random))
        : Optional.empty();
    Origin origin = chance(40) ? webhook(l.get().channel) : Origin.of(Source.AGENT, Actor.agent("repricer-bot"));
    String name = chance(3) ? "L" + (listings.size() + 7) : l.get().name;
    return List.of(new Step.EditListing(name, l.get().channel, price, listed, origin));
  }

  // ---- orders ------------------------------------------------------------------------------------------

  private List<Step.Line> lines(Channel channel, List<PlannedItem> forItems, boolean toExhaustion) {
    List<Step.Line> lines = new ArrayList<>();
    for (PlannedItem p : forItems) {
      Optional<String> via = Optional.empty();
      if (!channel.equals(Channel.LOCAL) && chance(70)) {
        via = listings.stream().filter(l -> l.item == p && l.channel.equals(channel)).map(PlannedListing::name)
            .findFirst();
        if (via.isEmpty() && chance(5) && !listings.isEmpty()) {
          via = Optional.of(pick(listings).name); // a listing of another item or channel: refused
        }
      }
      int q = toExhaustion ? (int) Math.max(1, p.available) : quantity(Math.min(p.available, 3));
      lines.add(new Step.Line(p.sku, via, q, price(p.currency)));
      p.available -= Math.min(q, Math.max(0, p.available));
    }
    return lines;
  }

  private List<PlannedItem> saleItems() {
    int n = Math.min(items.size(), chance(80) ? 1 : 2);
    List<PlannedItem> chosen = new ArrayList<>();
    while (chosen.size() < n) {
      PlannedItem p = pick(items);
      if (!chosen.contains(p)) {
        chosen.add(p);
      }
    }
    return chosen;
  }

  private Step sale(Channel channel, List<Step.Line> lines, Currency currency) {
    String name = "O" + (orders.size() + 1);
    OrderStatus status = chance(70) ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT;
    String external = Gens.externalOrderIds(channel).next(random);
    if (chance(4)) {
      Optional<PlannedOrder> same = orders.stream().filter(o -> o.channel.equals(channel)).findFirst();
      if (same.isPresent()) {
        external = externalIdOf(same.get());
      }
    }
    orders.add(new PlannedOrder(name, channel, lines, currency, status));
    return new Step.Sale(name, channel, external, lines, modest(currency), modest(currency), status,
        chance(90) ? webhook(channel) : Origin.of(Source.POLL, Actor.channel(channel.code())));
  }

  private final java.util.Map<String, String> externalIds = new java.util.HashMap<>();

  private String externalIdOf(PlannedOrder o) {
    return externalIds.getOrDefault(o.name, "none");
  }

  private List<Step> channelSale() {
    if (items.isEmpty()) {
      return intake();
    }
    Channel channel = channel();
    List<PlannedItem> chosen = saleItems();
    Step s = sale(channel, lines(channel, chosen, false), chosen.get(0).currency);
    externalIds.put(((Step.Sale) s).order(), ((Step.Sale) s).externalId());
    return List.of(s);
  }

  private List<Step> localSale() {
    if (items.isEmpty()) {
      return intake();
    }
    List<PlannedItem> chosen = saleItems();
    List<Step.Line> lines = lines(Channel.LOCAL, chosen, false);
    String name = "O" + (orders.size() + 1);
    orders.add(new PlannedOrder(name, Channel.LOCAL, lines, chosen.get(0).currency, OrderStatus.PAID));
    return List.of(new Step.LocalSale(name, lines, Origin.of(Source.LOCAL_POS, Actor.person("ben"))));
  }

  /** The last units sell on two channels at once: the second sale is a double sale. */
  private List<Step> doubleSale() {
    Optional<PlannedItem> p = item();
    if (p.isEmpty()) {
      return intake();
    }
    Channel first = pick(MAIN);
    Channel second = pick(MAIN.stream().filter(c -> !c.equals(first)).toList());
    List<Step> out = new ArrayList<>();
    for (Channel ch : List.of(first, second)) {
      Step s = sale(ch, lines(ch, List.of(p.get()), true), p.get().currency);
      externalIds.put(((Step.Sale) s).order(), ((Step.Sale) s).externalId());
      out.add(s);
    }
    return out;
  }

  /** Mostly an order with a future: refunded and cancelled orders have little left to happen. */
  private Optional<PlannedOrder> order() {
    if (orders.isEmpty()) {
      return Optional.empty();
    }
    List<PlannedOrder> open = orders.stream()
        .filter(o -> o.status != OrderStatus.REFUNDED && o.status != OrderStatus.CANCELLED).toList();
    return Optional.of(open.isEmpty() || chance(10) ? pick(orders) : pick(open));
  }

  private Origin orderOrigin(PlannedOrder o) {
    return channelOrPerson(o.channel);
  }

  /** A plausible next fact for some order (and now and then an implausible one). */
  private List<Step> progressOrder() {
    Optional<PlannedOrder> maybe = order();
    if (maybe.isEmpty()) {
      return channelSale();
    }
    PlannedOrder o = maybe.get();
    if (chance(3)) {
      return List.of(new Step.Cancel("O" + (orders.size() + 5), person()));
    }
    List<Supplier<Step>> options = new ArrayList<>();
    switch (chance(85) ? o.status : Gens.orderStatuses().next(random)) {
      case PENDING_PAYMENT -> {
        options.add(() -> advance(o, OrderStatus.PAID));
        options.add(() -> cancel(o));
      }
      case PAID, PICKED, PACKED -> {
        options.add(() -> advance(o, o.status == OrderStatus.PAID ? OrderStatus.PICKED : OrderStatus.PACKED));
        options.add(() -> o.channel.equals(Channel.LOCAL) ? pickup(o) : ship(o));
        options.add(() -> o.channel.equals(Channel.LOCAL) ? pickup(o) : ship(o));
        options.add(() -> cancel(o));
      }
      case SHIPPED -> {
        options.add(() -> deliver(o));
        options.add(() -> askReturn(o));
        options.add(() -> askReturn(o));
        options.add(() -> refund(o));
      }
      case DELIVERED, LOCAL_PICKUP -> {
        options.add(() -> askReturn(o));
        options.add(() -> askReturn(o));
        options.add(() -> refund(o));
      }
      case RETURN_REQUESTED -> {
        options.add(() -> returnArrives(o));
        options.add(() -> returnArrives(o));
        options.add(() -> refund(o));
      }
      default -> options.add(() -> refund(o));
    }
    return List.of(pick(options).get());
  }

  private Step advance(PlannedOrder o, OrderStatus to) {
    o.status = to;
    return new Step.Advance(o.name, to, orderOrigin(o));
  }

  private Step cancel(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.CANCELLED)) {
      o.status = OrderStatus.CANCELLED;
      for (Step.Line l : o.lines) {
        items.stream().filter(p -> p.sku.equals(l.sku())).findFirst().ifPresent(p -> p.available += l.quantity());
      }
    }
    return new Step.Cancel(o.name, orderOrigin(o));
  }

  private Step ship(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.SHIPPED)) {
      o.status = OrderStatus.SHIPPED;
    }
    return new Step.Ship(o.name, pick(List.of("USPS", "UPS", "Royal Mail", "ヤマト運輸")),
        "1Z" + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000L), modest(o.currency), orderOrigin(o));
  }

  private Step pickup(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.LOCAL_PICKUP)) {
      o.status = OrderStatus.LOCAL_PICKUP;
    }
    return new Step.Pickup(o.name, person());
  }

  private Step deliver(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.DELIVERED)) {
      o.status = OrderStatus.DELIVERED;
    }
    return new Step.Deliver(o.name, orderOrigin(o));
  }

  private Step askReturn(PlannedOrder o) {
    if (o.status.canMoveTo(OrderStatus.RETURN_REQUESTED)) {
      o.status = OrderStatus.RETURN_REQUESTED;
    }
    return new Step.AskReturn(o.name, Samples.NOW.plus(Duration.ofDays(30)), orderOrigin(o));
  }

  private Step returnArrives(PlannedOrder o) {
    Step.Line line = pick(o.lines);
    int q = quantity(Math.min(line.quantity(), 2));
    items.stream().filter(p -> p.sku.equals(line.sku())).findFirst().ifPresent(p -> p.inspection += q);
    if (chance(50)) {
      o.status = OrderStatus.RETURNED;
    }
    return new Step.ReturnArrives(o.name, chance(95) ? line.sku() : targetSku(), q, person());
  }

  private Step refund(PlannedOrder o) {
    o.status = OrderStatus.REFUNDED;
    Currency c = chance(95) ? o.currency : currency();
    return new Step.Refund(o.name, chance(5) ? Money.zero(c) : modest(c), orderOrigin(o));
  }

  /** A cancellation and a shipment for the same paid order, in either order: one of them must be refused. */
  private List<Step> cancelRacesShipment() {
    Optional<PlannedOrder> o = orders.stream().filter(x -> x.status.beforeHandover()).findFirst();
    if (o.isEmpty()) {
      return channelSale();
    }
    PlannedOrder order = o.get();
    Step ship = new Step.Ship(order.name, "USPS", "9400" + random.nextInt(1_000_000), modest(order.currency),
        orderOrigin(order));
    Step cancel = new Step.Cancel(order.name, orderOrigin(order));
    order.status = OrderStatus.CANCELLED;
    return chance(50) ? List.of(ship, cancel) : List.of(cancel, ship);
  }

  /** A provider's later event arrives first, is refused, then comes again after the earlier one. */
  private List<Step> outOfOrder() {
    Optional<PlannedOrder> o = orders.stream().filter(x -> !x.channel.equals(Channel.LOCAL)
        && x.status.beforeHandover()).findFirst();
    if (o.isEmpty()) {
      return channelSale();
    }
    PlannedOrder order = o.get();
    Step deliver = new Step.Deliver(order.name, webhook(order.channel));
    Step ship = new Step.Ship(order.name, "UPS", "1Z" + random.nextInt(1_000_000), modest(order.currency),
        webhook(order.channel));
    order.status = OrderStatus.DELIVERED;
    return List.of(deliver, ship, deliver);
  }

  /** A handed-over order comes back: the request, the parcel, the inspection. */
  private List<Step> returnFlow() {
    Optional<PlannedOrder> o = orders.stream().filter(x -> x.status == OrderStatus.SHIPPED
        || x.status == OrderStatus.DELIVERED || x.status == OrderStatus.LOCAL_PICKUP).findAny();
    if (o.isEmpty()) {
      return progressOrder();
    }
    PlannedOrder order = o.get();
    Step ask = askReturn(order);
    Step.Line line = pick(order.lines);
    int q = chance(80) ? 1 : line.quantity();
    Step back = new Step.ReturnArrives(order.name, line.sku(), q, person());
    InspectionOutcome outcome = Gen.elements(InspectionOutcome.values()).next(random);
    Step look = new Step.Inspect(line.sku(), q, outcome, Optional.empty(),
        outcome == InspectionOutcome.WRITE_OFF ? withReason(person()) : person());
    if (outcome == InspectionOutcome.RESTOCK) {
      items.stream().filter(p -> p.sku.equals(line.sku())).findFirst().ifPresent(p -> p.available += q);
    }
    return List.of(ask, back, look);
  }

  private List<Step> inspect() {
    Optional<PlannedItem> p = items.stream().filter(i -> i.inspection > 0).findFirst().or(this::item);
    if (p.isEmpty()) {
      return intake();
    }
    int q = quantity(p.get().inspection);
    InspectionOutcome outcome = Gen.elements(InspectionOutcome.values()).next(random);
    if (q <= p.get().inspection) {
      p.get().inspection -= q;
      if (outcome == InspectionOutcome.RESTOCK) {
        p.get().available += q;
      }
    }
    Optional<Condition> condition = chance(40) ? Optional.of(Gens.conditions().next(random)) : Optional.empty();
    Origin origin = outcome == InspectionOutcome.WRITE_OFF ? withReason(person()) : person();
    return List.of(new Step.Inspect(p.get().sku, q, outcome, condition, origin));
  }

  /**
   * A few item commands in one transaction, as an import would send them: often a new item and what is done
   * to it right away; now and then one part is refused, which must leave nothing of the others.
   */
  private List<Step> batch() {
    List<Supplier<List<Step>>> kinds = List.of(this::intake, this::intake, this::hold, this::release,
        this::adjust, this::damage, this::split, this::merge, this::newListing, this::localSale, this::editDetails,
        this::inspect);
    int n = Gens.ints(2, 4).next(random);
    List<Step> parts = new ArrayList<>();
    while (parts.size() < n) {
      for (Step s : pick(kinds).get()) {
        if (s.origin().provider().isEmpty() && parts.size() < n) {
          parts.add(s);
        }
      }
    }
    return List.of(new Step.Batch(parts));
  }

  // ---- faults ------------------------------------------------------------------------------------------

  /** A provider sends an event again, unchanged. */
  private List<Step> redeliver() {
    if (deliveries.isEmpty()) {
      return channelSale();
    }
    return List.of(pick(deliveries));
  }

  /** A provider sends an event id again with other content: must be an IDEMPOTENCY_CONFLICT. */
  private List<Step> conflictingRedelivery() {
    if (deliveries.isEmpty()) {
      return channelSale();
    }
    Step earlier = pick(deliveries);
    Origin o = earlier.origin();
    Instant other = o.occurredAt().orElse(Samples.NOW).plusSeconds(1 + random.nextInt(60));
    if (earlier instanceof Step.Sale s && chance(50)) {
      return List.of(new Step.Sale(s.order(), s.channel(), s.externalId(), s.lines(), s.fees(),
          s.fees().plus(s.shipping()).plus(new Money(java.math.BigDecimal.ONE, s.fees().currency())), s.status(),
          s.origin()));
    }
    return List.of(earlier.withOrigin(o.at(other)));
  }
}
