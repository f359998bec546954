package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.*;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.core.store.LedgerStore;

/** A ledger on the in-memory store with a pinned clock and sequential ids, plus builders for test data. */
final class Fixture {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Origin ANA = Origin.manual("ana");

  final LedgerStore store;
  final Ledger ledger;
  private int externalIds;

  Fixture() {
    this(new InMemoryLedgerStore(), WorkspaceId.of("shop"));
  }

  Fixture(LedgerStore store, WorkspaceId ws) {
    this(store, ws, LedgerConfig.defaults().maxRetries());
  }

  /** A ledger opened with {@code config} as it is (a test's own clock and policy). */
  Fixture(LedgerStore store, WorkspaceId ws, LedgerConfig config) {
    this.store = store;
    this.ledger = Ledger.open(store, ws, config);
  }

  Fixture(LedgerStore store, WorkspaceId ws, int maxRetries) {
    this.store = store;
    LedgerConfig defaults = LedgerConfig.defaults();
    this.ledger = Ledger.open(store, ws, new LedgerConfig(Clock.fixed(NOW, ZoneOffset.UTC),
        IdGenerator.sequential(ws + "-"), defaults.photoThresholds(), maxRetries));
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static ItemDetails.Builder details(String sku) {
    return ItemDetails.builder()
        .sku(Sku.of(sku))
        .title("Vintage item " + sku)
        .category(Category.parse("Home > Decor"))
        .condition(Condition.VERY_GOOD)
        .costBasis(usd("10.00"))
        .acquiredOn(LocalDate.of(2026, 11, 1))
        .location(StorageLocation.parse("GARAGE/S1/B1"))
        .photoStatus(PhotoStatus.COMPLETE);
  }

  CommandResult run(Command c) {
    return ledger.execute(c);
  }

  /** Every code a preview reported for a command that {@link #refused} then saw refused. */
  static final java.util.Set<RejectionCode> PREVIEW_REFUSED =
      java.util.Collections.synchronizedSet(java.util.EnumSet.noneOf(RejectionCode.class));

  /**
   * Runs a command that must be refused, asserts the code and that nothing changed. It is previewed first:
   * the preview reports the same rejection at position 0 (a lost race excepted: a preview commits nothing,
   * so it cannot lose one) and changes nothing either.
   */
  RejectionException refused(Command c, RejectionCode code) {
    int before = ledger.events().size();
    var items = ledger.items();
    var orders = ledger.orders();
    Preview preview = ledger.preview(List.of(c));
    assertThat(ledger.events()).hasSize(before);
    assertThat(ledger.items()).isEqualTo(items);
    assertThat(ledger.orders()).isEqualTo(orders);
    if (code == RejectionCode.CONCURRENT_MODIFICATION) {
      assertThat(preview.accepted()).as("a preview commits nothing, so it loses no race").isTrue();
    } else {
      assertThat(preview.accepted()).as("preview of %s", c).isFalse();
      RejectionException previewed = preview.step(0).rejection().orElseThrow();
      assertThat(previewed.code()).as(previewed.getMessage()).isEqualTo(code);
      assertThat(previewed.position()).hasValue(0);
      PREVIEW_REFUSED.add(code);
    }
    RejectionException e = catchThrowableOfType(RejectionException.class, () -> ledger.execute(c));
    assertThat(e).as("expected %s for %s", code, c).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(ledger.events()).hasSize(before);
    assertThat(ledger.items()).isEqualTo(items);
    assertThat(ledger.orders()).isEqualTo(orders);
    return e;
  }

  Item intake(String sku, int quantity) {
    run(new IntakeItem(details(sku).build(), quantity, ItemStatus.READY_TO_LIST, ANA));
    return item(sku);
  }

  Item item(String sku) {
    return ledger.requireItem(Sku.of(sku));
  }

  long units(String sku, Bucket bucket) {
    return item(sku).balances().get(bucket);
  }

  ListingId list(String sku, Channel channel, SyncStatus status) {
    return run(new CreateListing(Sku.of(sku), listing(channel).build(), status, ANA)).listingId().orElseThrow();
  }

  static ListingDetails.Builder listing(Channel channel) {
    return ListingDetails.builder().channel(channel).title("Listing").price(usd("25.00")).listedQuantity(1);
  }

  OrderId sell(String sku, int quantity) {
    return sell(sku, quantity, Channel.EBAY);
  }

  OrderId sell(String sku, int quantity, Channel channel) {
    return run(channelSale(channel, "X-" + (++externalIds), sku, quantity, ANA)).orderId().orElseThrow();
  }

  static RecordChannelSale channelSale(Channel channel, String externalId, String sku, int quantity, Origin origin) {
    return new RecordChannelSale(channel, externalId,
        List.of(new SaleLine(Sku.of(sku), Optional.empty(), quantity, usd("20.00"))), usd("2.00"), usd("0.00"),
        OrderStatus.PAID, origin);
  }

  OrderId shippedOrder(String sku, int quantity) {
    OrderId order = sell(sku, quantity);
    run(new ShipOrder(order, "USPS", "9400100", usd("4.50"), ANA));
    return order;
  }
}
