package org.resellledger.testkit.gen;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.item.ItemCommand.IntakeItem;
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
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.money.Money;

/**
 * Fixed, readable example values for hand-written tests: the same input every run, unlike {@link Gens}.
 * Every value here is valid; instants are whole seconds so that any store keeps them exactly.
 */
public final class Samples {
  private Samples() {}

  /** The instant every pinned clock of the testkit shows. */
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** A clock stopped at {@link #NOW}. */
  public static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** Pinned clock, ids {@code prefix1, prefix2, ...}, otherwise the defaults. */
  public static LedgerConfig config(String idPrefix) {
    return LedgerConfig.defaults().withClock(clock()).withIds(IdGenerator.sequential(idPrefix));
  }

  public static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  /**
   * Minimal valid details: USD 10.00 cost, COMPLETE photos (so it may go live at any value), in
   * {@code GARAGE/S1/B1}.
   */
  public static ItemDetails details(String sku) {
    return details(sku, usd("10.00"));
  }

  /** Minimal valid details with the given cost basis (its currency is the item's currency). */
  public static ItemDetails details(String sku, Money costBasis) {
    return ItemDetails.builder()
        .sku(Sku.of(sku))
        .title("Vintage item " + sku)
        .category(Category.of("Clothing", "Men", "Jackets"))
        .condition(Condition.VERY_GOOD)
        .costBasis(costBasis)
        .acquiredOn(LocalDate.of(2026, 2, 14))
        .location(StorageLocation.of("GARAGE", "S1", "B1"))
        .photoStatus(PhotoStatus.COMPLETE)
        .build();
  }

  /**
   * Details with every optional field set, in text that stresses storage: emoji, CJK, right-to-left and
   * combining marks.
   */
  public static ItemDetails richDetails(String sku) {
    return ItemDetails.builder()
        .sku(Sku.of(sku))
        .title("Levi's 🧥 ジャケット סוודר Cafe\u0301 — trucker")
        .category(Category.of("Clothing", "Women", "Coats & Jackets"))
        .condition(Condition.EXCELLENT)
        .costBasis(usd("12.34"))
        .acquiredOn(LocalDate.of(2025, 12, 31))
        .location(StorageLocation.of("Unit 7", "Shelf ß", "Bin 💼"))
        .photoStatus(PhotoStatus.PARTIAL)
        .estimatedValue(usd("80.00"))
        .targetPrice(usd("64.99"))
        .brand("Levi's")
        .addDefects(Defect.of(Defect.Kind.STAIN, "left cuff", Defect.Severity.MINOR),
            new Defect(Defect.Kind.WEAR, "collar", Defect.Severity.MODERATE, Optional.of("see photo 4 — 写真")))
        .boxCondition(BoxCondition.NOT_APPLICABLE)
        .acquisitionSource(AcquisitionSource.of(AcquisitionSource.Kind.THRIFT, "Goodwill on 5th"))
        .putSpecifics("size", "M")
        .putSpecifics("colour", "indigo")
        .putSpecifics("model", "70505-0217")
        .notes("bought with 3 others; \"as is\"\nsecond line")
        .build();
  }

  /** A listing on {@code channel} at {@code price} for 1 unit, with an external id when given. */
  public static ListingDetails listing(Channel channel, String externalId, Money price) {
    return ListingDetails.builder()
        .channel(channel)
        .externalId(Optional.ofNullable(externalId))
        .title("Listing on " + channel)
        .price(price)
        .listedQuantity(1)
        .build();
  }

  /** A listing with every optional field set. */
  public static ListingDetails richListing(Channel channel, String externalId) {
    return ListingDetails.builder()
        .channel(channel)
        .externalId(externalId)
        .url(URI.create("https://www." + channel.code() + ".example/itm/" + externalId))
        .title("Levi's trucker jacket — 🧥 size M")
        .description("Great condition.\n\n• no holes\n• smoke-free home\nأهلا")
        .price(usd("64.99"))
        .shippingProfile("USPS Ground Advantage")
        .listedQuantity(2)
        .build();
  }

  /** Take in {@code quantity} units of {@link #details(String)} as READY_TO_LIST, by hand. */
  public static IntakeItem intake(String sku, int quantity) {
    return new IntakeItem(details(sku), quantity, ItemStatus.READY_TO_LIST, manual("ana"));
  }

  /** A change made by hand by {@code person}. */
  public static Origin manual(String person) {
    return Origin.manual(person);
  }

  /** A manual change with a reason, as holds and corrections need. */
  public static Origin manual(String person, String reason) {
    return Origin.manual(person).because(reason);
  }

  /** A webhook delivery from {@code provider} with its event id, occurring at {@link #NOW}. */
  public static Origin webhook(String provider, String eventId) {
    return Origin.webhook(provider, eventId, NOW);
  }
}
