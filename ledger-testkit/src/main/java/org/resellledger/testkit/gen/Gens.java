package org.resellledger.testkit.gen;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.BoxCondition;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Defect;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderStatus;

/**
 * Generators for every domain value of the ledger. Each produces valid values unless its name says
 * otherwise, and mixes in edge cases on purpose: zero, one, the maximum, text at its length limit, Unicode
 * titles (emoji, CJK, right-to-left, combining marks), and instants shared by several values.
 *
 * <p>Limits mirrored from core: SKU 1-64 characters, title 200, category 1-6 levels of 60, storage parts 40,
 * brand 80, notes 4000, listing description 50,000. Amounts go up to {@link #MAX_MAJOR_UNITS} major units so
 * that they fit any reasonable SQL numeric column.
 */
public final class Gens {
  private Gens() {}

  /** The largest amount generated, in major units (dollars, yen). */
  public static final long MAX_MAJOR_UNITS = 9_999_999;

  /** Currencies generated: three with cents and one (JPY) with no minor unit. */
  public static final List<Currency> CURRENCIES = List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"),
      Currency.getInstance("GBP"), Currency.getInstance("JPY"));

  /** Well-known channels plus channels a host app may name itself. */
  public static final List<Channel> CHANNELS = List.of(Channel.EBAY, Channel.ETSY, Channel.SHOPIFY,
      Channel.POSHMARK, Channel.MERCARI, Channel.FACEBOOK, Channel.of("vinted"), Channel.of("depop"),
      Channel.of("whatnot"));

  // ---- numbers and enums -------------------------------------------------------------------------------

  /** Ints in {@code [min, max]}; min, max, and 0 and 1 when in range, come up about one time in five. */
  public static Gen<Integer> ints(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    List<Integer> edges = new ArrayList<>(List.of(min, max));
    if (min <= 0 && 0 <= max) {
      edges.add(0);
    }
    if (min <= 1 && 1 <= max) {
      edges.add(1);
    }
    Gen<Integer> uniform = random -> (int) random.nextLong(min, (long) max + 1);
    return uniform.withEdgeCases(0.2, Gen.elements(edges));
  }

  public static Gen<Boolean> booleans() {
    return RandomGenerator::nextBoolean;
  }

  /** Any constant of {@code type}, uniformly. */
  public static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
    return Gen.elements(type.getEnumConstants());
  }

  public static Gen<Condition> conditions() {
    return enums(Condition.class);
  }

  public static Gen<PhotoStatus> photoStatuses() {
    return enums(PhotoStatus.class);
  }

  public static Gen<BoxCondition> boxConditions() {
    return enums(BoxCondition.class);
  }

  public static Gen<ItemStatus> itemStatuses() {
    return enums(ItemStatus.class);
  }

  /** Statuses an item may be taken in with. */
  public static Gen<ItemStatus> intakeStatuses() {
    return Gen.elements(ItemStatus.NEEDS_PHOTOS, ItemStatus.READY_TO_LIST, ItemStatus.HELD);
  }

  public static Gen<SyncStatus> syncStatuses() {
    return enums(SyncStatus.class);
  }

  public static Gen<OrderStatus> orderStatuses() {
    return enums(OrderStatus.class);
  }

  // ---- text --------------------------------------------------------------------------------------------

  /**
   * Non-blank text of {@code min} to {@code max} UTF-16 units in many scripts, never with whitespace at
   * either end (so trimming keeps it as is). One in five is exactly {@code max} long, one in ten exactly
   * {@code min}.
   */
  public static Gen<String> text(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("bad text length range " + min + ".." + max);
    }
    return random -> {
      int roll = random.nextInt(10);
      int length = roll < 2 ? max : roll == 2 ? min : random.nextInt(min, Math.min(max, min + 60) + 1);
      return Texts.ofLength(random, length);
    };
  }

  /** Item titles, up to {@link ItemDetails#MAX_TITLE}, with Unicode edge cases. */
  public static Gen<String> titles() {
    Gen<String> unicodeEdges = Gen.elements(
        "🧥👜🎸",
        "ジャケット 古着 限定版",
        "סוודר צמר",
        "حقيبة جلد",
        "Cafe\u0301 n\u0303 a\u0308\u0304",
        "👩‍💻 Laptop sleeve 🇯🇵",
        "x");
    return text(1, ItemDetails.MAX_TITLE).withEdgeCases(0.25, unicodeEdges);
  }

  // ---- identifiers -------------------------------------------------------------------------------------

  private static final String SKU_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String SKU_REST = SKU_FIRST + "._-";

  /** Valid SKUs: 1 to 64 of letters, digits, '.', '_' and '-', starting with a letter or digit. */
  public static Gen<Sku> skus() {
    Gen<String> typical = random -> {
      String prefix = List.of("JKT", "BAG", "SHOE", "LOT", "VIN", "KIT").get(random.nextInt(6));
      return prefix + "-" + random.nextInt(1, 100_000);
    };
    Gen<String> any = random -> {
      int length = random.nextInt(1, 65);
      StringBuilder sb = new StringBuilder(length);
      sb.append(SKU_FIRST.charAt(random.nextInt(SKU_FIRST.length())));
      for (int i = 1; i < length; i++) {
        sb.append(SKU_REST.charAt(random.nextInt(SKU_REST.length())));
      }
      return sb.toString();
    };
    Gen<String> edges = Gen.oneOf(
        Gen.constant("A"),
        Gen.constant("0"),
        random -> "S" + "9".repeat(63),
        random -> "z-" + random.nextInt(100), // lower case: the SKU is stored upper-case
        Gen.constant("A._-"));
    return Gen.frequency(Gen.weighted(6, typical), Gen.weighted(2, any), Gen.weighted(2, edges)).map(Sku::of);
  }

  /** Texts that are not SKUs; each must be refused with {@code INVALID_VALUE} on {@code sku}. */
  public static Gen<String> invalidSkuTexts() {
    return Gen.elements("", " ", "-A1", ".A", "A B", "A/1", "JKT#1", "ÄBC", "S" + "1".repeat(64), "🧥", "a\tb");
  }

  /** Provider names whose event ids {@link #providerEventIds} imitates. */
  public static final List<String> PROVIDERS = List.of("ebay", "etsy", "shopify");

  /**
   * Event ids in the style of {@code provider}: eBay notification ids (UUIDs), Etsy webhook ids
   * ({@code evt_} and a ULID), Shopify webhook ids (UUIDs) or admin GIDs; anything else gets a plain id.
   */
  public static Gen<String> providerEventIds(String provider) {
    return switch (provider) {
      case "ebay" -> Gen.oneOf(Gens::uuid, random -> "ntf-" + random.nextLong(1_000_000_000L, 9_999_999_999L));
      case "etsy" -> random -> "evt_" + ulid(random);
      case "shopify" -> Gen.oneOf(Gens::uuid,
          random -> "gid://shopify/WebhookEvent/" + random.nextLong(1_000_000_000_000L, 9_999_999_999_999L));
      default -> random -> provider + "-" + Long.toHexString(random.nextLong());
    };
  }

  /** A provider and an event id in its style. */
  public static Gen<ProviderRef> providerRefs() {
    return Gen.elements(PROVIDERS).flatMap(p -> providerEventIds(p).map(id -> ProviderRef.of(p, id)));
  }

  private static String uuid(RandomGenerator random) {
    long hi = random.nextLong();
    long lo = random.nextLong();
    hi = (hi & ~0xF000L) | 0x4000L; // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new java.util.UUID(hi, lo).toString();
  }

  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static String ulid(RandomGenerator random) {
    StringBuilder sb = new StringBuilder(26);
    sb.append("01H"); // a ULID timestamp of the 2020s
    for (int i = 3; i < 26; i++) {
      sb.append(CROCKFORD.charAt(random.nextInt(32)));
    }
    return sb.toString();
  }

  // ---- money -------------------------------------------------------------------------------------------

  public static Gen<Currency> currencies() {
    return Gen.elements(CURRENCIES);
  }

  /**
   * Non-negative amounts in {@code currency} at its minor-unit scale, mostly modest; zero, one minor unit
   * and {@link #MAX_MAJOR_UNITS} come up as edges.
   */
  public static Gen<Money> money(Currency currency) {
    int scale = Math.max(currency.getDefaultFractionDigits(), 0);
    long maxMinor = BigDecimal.valueOf(MAX_MAJOR_UNITS).movePointRight(scale).longValueExact();
    long cents = BigDecimal.ONE.movePointRight(scale).longValueExact();
    Gen<Long> minor = Gen.frequency(
        Gen.weighted(8, random -> random.nextLong(0, 500 * cents + 1)),
        Gen.weighted(1, random -> random.nextLong(0, maxMinor + 1)),
        Gen.weighted(1, Gen.elements(0L, 1L, maxMinor)));
    return minor.map(m -> new Money(BigDecimal.valueOf(m, scale), currency));
  }

  /** Non-negative amounts in any of {@link #CURRENCIES}. */
  public static Gen<Money> money() {
    return currencies().flatMap(Gens::money);
  }

  /** Amounts in {@code currency} above zero. */
  public static Gen<Money> positiveMoney(Currency currency) {
    return money(currency).filter(m -> !m.isZero());
  }

  // ---- item values -------------------------------------------------------------------------------------

  /** Category paths of 1 to 6 levels, levels up to 60 characters. */
  public static Gen<Category> categories() {
    Gen<String> level = Gen.frequency(
        Gen.weighted(6, Gen.elements("Clothing", "Women", "Men", "Dresses", "Jackets", "Home", "Kitchen",
            "Collectibles", "Toys & Hobbies", "Électronique", "家電")),
        Gen.weighted(1, text(1, 60)));
    return Gen.listOf(level, 1, 6).map(Category::new);
  }

  /** Storage locations: an area, optionally a shelf, and a bin only with a shelf; parts up to 40 characters. */
  public static Gen<StorageLocation> locations() {
    Gen<String> part = Gen.frequency(
        Gen.weighted(6, Gen.elements("GARAGE", "Unit 7", "Closet", "S1", "S12", "B3", "Bin 💼", "棚2")),
        Gen.weighted(1, text(1, 40).map(s -> s.replace('/', '-'))));
    return random -> {
      String area = part.next(random);
      int depth = random.nextInt(3);
      Optional<String> shelf = depth >= 1 ? Optional.of(part.next(random)) : Optional.empty();
      Optional<String> bin = depth >= 2 ? Optional.of(part.next(random)) : Optional.empty();
      return new StorageLocation(area, shelf, bin);
    };
  }

  public static Gen<Defect> defects() {
    return random -> new Defect(enums(Defect.Kind.class).next(random), text(1, 80).next(random),
        enums(Defect.Severity.class).next(random), text(1, 500).optional().next(random));
  }

  public static Gen<AcquisitionSource> acquisitionSources() {
    return random -> new AcquisitionSource(enums(AcquisitionSource.Kind.class).next(random),
        text(1, 120).optional().next(random));
  }

  /** Acquisition dates over the last ten years, with the first and last day of a year as edges. */
  public static Gen<LocalDate> dates() {
    LocalDate start = LocalDate.of(2016, 1, 1);
    Gen<LocalDate> any = random -> start.plusDays(random.nextInt(3653));
    return any.withEdgeCases(0.1, Gen.elements(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1),
        LocalDate.of(2024, 2, 29)));
  }

  /** Valid item details with any SKU and any currency. */
  public static Gen<ItemDetails> itemDetails() {
    return currencies().flatMap(c -> itemDetails(skus(), c));
  }

  /**
   * Valid item details with SKUs from {@code skus}, all amounts in {@code currency}. One in ten has no
   * optional field, one in ten has every optional field at its longest.
   */
  public static Gen<ItemDetails> itemDetails(Gen<Sku> skus, Currency currency) {
    Gen<Money> money = money(currency);
    Gen<ItemDetails> typical = random -> {
      ItemDetails.Builder b = required(random, skus, money);
      b.estimatedValue(money.optional().next(random));
      b.targetPrice(money.optional().next(random));
      b.brand(Gen.elements("Levi's", "Pyrex", "Nike", "Le Creuset", "無印良品").optional().next(random));
      b.addAllDefects(Gen.listOf(defects(), 0, 2).next(random));
      b.boxCondition(boxConditions().optional().next(random));
      b.acquisitionSource(acquisitionSources().optional().next(random));
      if (random.nextInt(8) == 0) {
        b.consignor(text(1, 120).next(random));
      }
      int specifics = random.nextInt(4);
      for (int i = 0; i < specifics; i++) {
        b.putSpecifics(Gen.elements("size", "colour", "model", "era", "material").next(random) + i,
            text(1, 40).next(random));
      }
      b.notes(text(1, 300).optional().next(random));
      return b.build();
    };
    Gen<ItemDetails> minimal = random -> required(random, skus, money).build();
    Gen<ItemDetails> maximal = random -> required(random, skus, money)
        .title(Texts.ofLength(random, ItemDetails.MAX_TITLE))
        .estimatedValue(money.next(random))
        .targetPrice(money.next(random))
        .brand(Texts.ofLength(random, 80))
        .addDefects(new Defect(Defect.Kind.OTHER, Texts.ofLength(random, 80), Defect.Severity.MAJOR,
            Optional.of(Texts.ofLength(random, 500))))
        .boxCondition(BoxCondition.ORIGINAL_BOX_WORN)
        .acquisitionSource(AcquisitionSource.of(AcquisitionSource.Kind.ESTATE_SALE, Texts.ofLength(random, 120)))
        .consignor(Texts.ofLength(random, 120))
        .putSpecifics(Texts.ofLength(random, 60), Texts.ofLength(random, 200))
        .notes(Texts.ofLength(random, 4000))
        .build();
    return Gen.frequency(Gen.weighted(8, typical), Gen.weighted(1, minimal), Gen.weighted(1, maximal));
  }

  private static ItemDetails.Builder required(RandomGenerator random, Gen<Sku> skus, Gen<Money> money) {
    return ItemDetails.builder()
        .sku(skus.next(random))
        .title(titles().next(random))
        .category(categories().next(random))
        .condition(conditions().next(random))
        .costBasis(money.next(random))
        .acquiredOn(dates().next(random))
        .location(locations().next(random))
        .photoStatus(photoStatuses().next(random));
  }

  /**
   * Bad item input, one field at a time: blank or too long text, negative or too precise or mixed-currency
   * money, too many category levels, a bin without a shelf, a malformed SKU. Each
   * {@link InvalidInput#attempt()} must be refused with {@code INVALID_VALUE} naming its field.
   */
  public static Gen<InvalidInput> invalidItemDetails() {
    Gen<ItemDetails> valid = itemDetails(skus(), Currency.getInstance("USD"));
    return Gen.oneOf(
        invalid(valid, "title", "blank title", (b, r) -> b.title(" \t ")),
        invalid(valid, "title", "title over 200 characters",
            (b, r) -> b.title(Texts.ofLength(r, ItemDetails.MAX_TITLE + 1 + r.nextInt(50)))),
        invalid(valid, "costBasis", "negative cost basis", (b, r) -> b.costBasis(Money.of("-0.01", "USD"))),
        invalid(valid, "currency", "estimated value in another currency",
            (b, r) -> b.estimatedValue(Money.of("10", "EUR"))),
        invalid(valid, "targetPrice", "negative target price", (b, r) -> b.targetPrice(Money.of("-5", "USD"))),
        invalid(valid, "brand", "brand over 80 characters", (b, r) -> b.brand(Texts.ofLength(r, 81))),
        invalid(valid, "notes", "notes over 4000 characters", (b, r) -> b.notes(Texts.ofLength(r, 4001))),
        invalid(valid, "specifics.key", "blank specifics key", (b, r) -> b.putSpecifics(" ", "M")),
        invalid(valid, "consignor", "blank consignor", (b, r) -> b.consignor("  ")),
        random -> new InvalidInput("amount", "USD amount with three decimals", () -> Money.of("1.005", "USD")),
        random -> new InvalidInput("amount", "JPY amount with decimals", () -> Money.of("100.5", "JPY")),
        random -> new InvalidInput("category", "seven category levels",
            () -> Category.of("a", "b", "c", "d", "e", "f", "g")),
        random -> new InvalidInput("category", "category level over 60 characters",
            () -> Category.of("Clothing", Texts.ofLength(random, 61))),
        random -> new InvalidInput("location", "bin without shelf",
            () -> new StorageLocation("GARAGE", Optional.empty(), Optional.of("B1"))),
        random -> new InvalidInput("location.area", "area over 40 characters",
            () -> StorageLocation.of(Texts.ofLength(random, 41))),
        random -> {
          String text = invalidSkuTexts().next(random);
          return new InvalidInput("sku", "malformed SKU '" + text + "'", () -> Sku.of(text));
        });
  }

  private static Gen<InvalidInput> invalid(Gen<ItemDetails> valid, String field, String what,
      java.util.function.BiFunction<ItemDetails.Builder, RandomGenerator, ItemDetails.Builder> breakIt) {
    return random -> {
      ItemDetails base = valid.next(random);
      ItemDetails.Builder b = ItemDetails.builder().from(base);
      breakIt.apply(b, random);
      return new InvalidInput(field, what, b::build);
    };
  }

  // ---- listings ----------------------------------------------------------------------------------------

  public static Gen<Channel> channels() {
    return Gen.elements(CHANNELS);
  }

  /** Valid listing details on any channel in any currency. */
  public static Gen<ListingDetails> listingDetails() {
    return channels().flatMap(ch -> currencies().flatMap(c -> listingDetails(ch, c)));
  }

  /** Valid listing details on {@code channel}, priced in {@code currency}, with channel-style ids and URLs. */
  public static Gen<ListingDetails> listingDetails(Channel channel, Currency currency) {
    return random -> {
      ListingDetails.Builder b = ListingDetails.builder()
          .channel(channel)
          .title(text(1, 200).withEdgeCases(0.2, titles()).next(random))
          .price(money(currency).next(random))
          .listedQuantity(ints(0, 10).next(random));
      if (random.nextInt(4) != 0) {
        String id = externalListingIds(channel).next(random);
        b.externalId(id);
        if (random.nextBoolean()) {
          b.url(URI.create("https://www." + channel.code() + ".example/listing/" + id));
        }
      }
      b.description(text(1, 2000).withEdgeCases(0.05, random2 -> Texts.ofLength(random2, 50_000))
          .optional().next(random));
      b.shippingProfile(Gen.elements("USPS Ground Advantage", "Royal Mail 2nd Class", "ゆうパケット", "DHL Paket")
          .optional().next(random));
      return b.build();
    };
  }

  /** Listing ids as each channel writes them. */
  public static Gen<String> externalListingIds(Channel channel) {
    return switch (channel.code()) {
      case "ebay" -> random -> String.valueOf(random.nextLong(100_000_000_000L, 399_999_999_999L));
      case "etsy" -> random -> String.valueOf(random.nextLong(1_000_000_000L, 1_999_999_999L));
      case "shopify" -> random -> "gid://shopify/Product/" + random.nextLong(1_000_000_000_000L, 9_999_999_999_999L);
      case "poshmark" -> random -> String.format("%016x%08x", random.nextLong(), random.nextInt());
      case "mercari" -> random -> "m" + random.nextLong(10_000_000_000L, 99_999_999_999L);
      case "facebook" -> random -> String.valueOf(random.nextLong(1_000_000_000_000_000L, 9_999_999_999_999_999L));
      default -> random -> channel.code() + "-" + random.nextInt(1_000_000);
    };
  }

  /** Bad listing input, one field at a time; each must be refused with {@code INVALID_VALUE}. */
  public static Gen<InvalidInput> invalidListingDetails() {
    Gen<ListingDetails> valid = listingDetails(Channel.EBAY, Currency.getInstance("USD"));
    return Gen.oneOf(
        random -> listingBreak(valid.next(random), "listing.title", "blank title", b -> b.title(" ")),
        random -> listingBreak(valid.next(random), "listing.title", "title over 200 characters",
            b -> b.title(Texts.ofLength(random, 201))),
        random -> listingBreak(valid.next(random), "listing.price", "negative price",
            b -> b.price(Money.of("-1", "USD"))),
        random -> listingBreak(valid.next(random), "listing.listedQuantity", "negative listed quantity",
            b -> b.listedQuantity(-1 - random.nextInt(5))),
        random -> listingBreak(valid.next(random), "listing.url", "relative URL", b -> b.url(URI.create("/itm/1"))),
        random -> listingBreak(valid.next(random), "listing.url", "ftp URL", b -> b.url(URI.create("ftp://x.example/1"))),
        random -> listingBreak(valid.next(random), "listing.description", "description over 50,000 characters",
            b -> b.description(Texts.ofLength(random, 50_001))),
        random -> new InvalidInput("channel", "upper-case channel with a space", () -> Channel.of("e bay")));
  }

  private static InvalidInput listingBreak(ListingDetails base, String field, String what,
      java.util.function.UnaryOperator<ListingDetails.Builder> breakIt) {
    ListingDetails.Builder b = ListingDetails.builder().from(base);
    breakIt.apply(b);
    return new InvalidInput(field, what, b::build);
  }

  // ---- sales -------------------------------------------------------------------------------------------

  /** Sale lines over distinct SKUs of {@code skus} (1 to 3 lines), priced in {@code currency}. */
  public static Gen<List<SaleLine>> saleLines(List<Sku> skus, Currency currency) {
    if (skus.isEmpty()) {
      throw new IllegalArgumentException("sale lines need at least one SKU");
    }
    return random -> {
      int lines = Math.min(skus.size(), ints(1, 3).next(random));
      Set<Sku> chosen = new LinkedHashSet<>();
      while (chosen.size() < lines) {
        chosen.add(skus.get(random.nextInt(skus.size())));
      }
      List<SaleLine> out = new ArrayList<>();
      for (Sku sku : chosen) {
        out.add(SaleLine.of(sku, ints(1, 5).next(random), money(currency).next(random)));
      }
      return out;
    };
  }

  /** Channel sales of {@code skus}, delivered by webhook with a provider event id in the channel's style. */
  public static Gen<RecordChannelSale> channelSales(List<Sku> skus, Currency currency) {
    return random -> {
      Channel channel = Gen.elements(Channel.EBAY, Channel.ETSY, Channel.SHOPIFY, Channel.MERCARI).next(random);
      String orderId = externalOrderIds(channel).next(random);
      Origin origin = Origin.webhook(channel.code(), providerEventIds(channel.code()).next(random),
          instants().next(random));
      return new RecordChannelSale(channel, orderId, saleLines(skus, currency).next(random),
          money(currency).next(random), money(currency).next(random),
          Gen.elements(OrderStatus.PAID, OrderStatus.PENDING_PAYMENT).next(random), origin);
    };
  }

  /** Local (in person) sales of {@code skus}. */
  public static Gen<RecordLocalSale> localSales(List<Sku> skus, Currency currency) {
    return random -> new RecordLocalSale(saleLines(skus, currency).next(random),
        Origin.of(Source.LOCAL_POS, Actor.person("market stall")));
  }

  /** Order numbers as each channel writes them. */
  public static Gen<String> externalOrderIds(Channel channel) {
    return switch (channel.code()) {
      case "ebay" -> random -> String.format("%02d-%05d-%05d", random.nextInt(100), random.nextInt(100_000),
          random.nextInt(100_000));
      case "etsy" -> random -> String.valueOf(random.nextLong(1_000_000_000L, 9_999_999_999L));
      case "shopify" -> random -> "#" + random.nextInt(1001, 99_999);
      default -> random -> channel.code().toUpperCase(java.util.Locale.ROOT) + "-" + random.nextInt(1_000_000);
    };
  }

  // ---- time and actors ---------------------------------------------------------------------------------

  /**
   * Instants around {@link Samples#NOW}, at microsecond precision at most (what SQL stores keep). One in four
   * is exactly {@link Samples#NOW}, so several values share one instant.
   */
  public static Gen<Instant> instants() {
    Gen<Instant> spread = random -> Samples.NOW
        .minus(random.nextLong(0, 90L * 24 * 3600 * 1_000_000), ChronoUnit.MICROS);
    Gen<Instant> whole = random -> Samples.NOW.minusSeconds(random.nextInt(0, 3600));
    return Gen.frequency(Gen.weighted(2, spread), Gen.weighted(1, whole), Gen.weighted(1, Gen.constant(Samples.NOW)));
  }

  public static Gen<Actor> actors() {
    return Gen.oneOf(
        Gen.elements("ana", "ben", "Zoë", "李雷").map(Actor::person),
        Gen.elements("repricer-bot", "lister-agent").map(Actor::agent),
        Gen.constant(Actor.system("nightly-rules")),
        Gen.elements(PROVIDERS).map(Actor::channel),
        Gen.constant(Actor.importer("csv-2026-03-01")));
  }

  /** Origins without a provider event id: manual, agent, import, POS or system lanes. */
  public static Gen<Origin> origins() {
    return random -> {
      Actor actor = actors().filter(a -> a.kind() != Actor.Kind.CHANNEL).next(random);
      Source source = switch (actor.kind()) {
        case PERSON -> Gen.elements(Source.MANUAL, Source.LOCAL_POS).next(random);
        case AGENT -> Source.AGENT;
        case SYSTEM -> Source.SYSTEM_RULE;
        case IMPORT -> Source.CSV_IMPORT;
        case CHANNEL -> Source.POLL;
      };
      Origin origin = Origin.of(source, actor);
      if (random.nextInt(3) == 0) {
        origin = origin.because(text(1, 120).next(random));
      }
      if (random.nextInt(4) == 0) {
        origin = origin.at(instants().next(random));
      }
      return origin;
    };
  }

  /** A map of up to {@code max} keys from {@code keys} to values from {@code values}. */
  public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int max) {
    return random -> {
      Map<K, V> map = new LinkedHashMap<>();
      int n = random.nextInt(max + 1);
      for (int i = 0; i < n; i++) {
        map.put(keys.next(random), values.next(random));
      }
      return map;
    };
  }
}
