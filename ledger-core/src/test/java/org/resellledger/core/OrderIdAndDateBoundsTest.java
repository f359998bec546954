package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.channelSale;
import static org.resellledger.core.Fixture.details;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resellledger.core.bundle.BundleCommand.BundleChild;
import org.resellledger.core.bundle.BundleCommand.SplitBundle;
import org.resellledger.core.item.ItemCommand.ChangeItemDetails;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.TimeBounds;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.order.OrderCommand.RequestReturn;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.StoredValues;

/**
 * External order ids are trimmed and checked like SKUs, so "24-77" and "24-77 " are one order; every date and
 * instant given to the ledger is in a plausible range; values stored before these bounds read back.
 */
class OrderIdAndDateBoundsTest {
  private final Fixture f = new Fixture();

  private static RejectionException invalid(Runnable r, String field) {
    RejectionException e = catchThrowableOfType(RejectionException.class, r::run);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo(field);
    return e;
  }

  // ---- external order ids ------------------------------------------------------------------------------

  @Test
  void externalOrderId_isTrimmed_soATrailingSpaceIsTheSameOrder() {
    f.intake("A-1", 5);
    OrderId order = f.run(channelSale(Channel.EBAY, "24-77", "A-1", 1, ANA)).orderId().orElseThrow();
    assertThat(f.ledger.order(order).orElseThrow().externalOrderId()).contains("24-77");

    f.refused(channelSale(Channel.EBAY, "24-77 ", "A-1", 1, ANA), RejectionCode.DUPLICATE_EXTERNAL_ID);
    f.refused(channelSale(Channel.EBAY, "\t24-77", "A-1", 1, ANA), RejectionCode.DUPLICATE_EXTERNAL_ID);
    OrderId spaced = f.run(channelSale(Channel.EBAY, " 24-78 ", "A-1", 1, ANA)).orderId().orElseThrow();
    assertThat(f.ledger.order(spaced).orElseThrow().externalOrderId()).contains("24-78");
  }

  @ParameterizedTest
  @ValueSource(strings = {"24-11301-55555", "#1001", "gid://shopify/Order/5512345678", "m12345678901", "3377001",
      "PM-66120", "ws-1-order-7", "a"})
  void externalOrderId_inEveryChannelsForm_isAccepted(String id) {
    f.intake("A-1", 1);
    OrderId order = f.run(channelSale(Channel.EBAY, id, "A-1", 1, ANA)).orderId().orElseThrow();
    assertThat(f.ledger.order(order).orElseThrow().externalOrderId()).contains(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "24 77", "-77", "24-77\u0000", "24\n77", "orden\u00a0 1", "<script>"})
  void externalOrderId_malformed_isRefusedNamingTheField(String id) {
    f.intake("A-1", 1);
    RejectionException e = f.refused(channelSale(Channel.EBAY, id, "A-1", 1, ANA), RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("externalOrderId");
  }

  @Test
  void externalOrderId_ofAHundredCharactersIsAccepted_andOneMoreRefused() {
    f.intake("A-1", 2);
    f.run(channelSale(Channel.EBAY, "A".repeat(100), "A-1", 1, ANA));
    RejectionException e = f.refused(channelSale(Channel.EBAY, "B".repeat(101), "A-1", 1, ANA),
        RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("externalOrderId");
  }

  // ---- instants ----------------------------------------------------------------------------------------

  @Test
  void instantBounds_areDocumentedConstants() {
    assertThat(TimeBounds.EARLIEST).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    assertThat(TimeBounds.LATEST).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
    assertThat(TimeBounds.EARLIEST_ACQUIRED_ON).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThat(TimeBounds.LATEST_ACQUIRED_ON).isEqualTo(LocalDate.of(2099, 12, 31));
  }

  @Test
  void returnDeadline_inRange_isAccepted_andOutsideRefusedNamingDeadline() {
    f.intake("A-1", 3);
    OrderId late = f.shippedOrder("A-1", 1);
    OrderId early = f.shippedOrder("A-1", 1);
    for (Instant bad : List.of(Instant.MAX, Instant.MIN, Instant.parse("2100-01-01T00:00:00Z"),
        Instant.parse("1999-12-31T23:59:59.999Z"), Instant.EPOCH)) {
      RejectionException e = f.refused(new RequestReturn(late, bad, ANA), RejectionCode.INVALID_VALUE);
      assertThat(e.field()).isEqualTo("deadline");
      assertThat(e.getMessage()).contains("2000-01-01T00:00:00Z").contains("2100-01-01T00:00:00Z");
    }
    f.run(new RequestReturn(late, Instant.parse("2099-12-31T23:59:59.999999Z"), ANA));
    f.run(new RequestReturn(early, Instant.parse("2000-01-01T00:00:00Z"), ANA));
    assertThat(f.ledger.order(late).orElseThrow().returnDeadline()).contains(Instant.parse("2099-12-31T23:59:59.999999Z"));
  }

  @Test
  void occurredAt_outsideTheRange_isRefused_butReadsBackWhenStored() {
    invalid(() -> ANA.at(Instant.MAX), "occurredAt");
    invalid(() -> Origin.webhook("ebay", "n-1", Instant.parse("1970-01-01T00:00:00Z")), "occurredAt");
    assertThat(ANA.at(Instant.parse("2000-01-01T00:00:00Z")).occurredAt()).isPresent();
    assertThat(StoredValues.read(() -> ANA.at(Instant.MAX)).occurredAt()).contains(Instant.MAX);
  }

  // ---- acquired on -------------------------------------------------------------------------------------

  @Test
  void acquiredOn_outsideTheFixedWindow_isRefusedByTheDetails_butReadsBackWhenStored() {
    RejectionException e = invalid(() -> details("A-1").acquiredOn(LocalDate.of(9999, 12, 31)).build(), "acquiredOn");
    assertThat(e.getMessage()).contains("1900-01-01").contains("2099-12-31");
    invalid(() -> details("A-1").acquiredOn(LocalDate.of(1899, 12, 31)).build(), "acquiredOn");
    invalid(() -> details("A-1").acquiredOn(LocalDate.MIN).build(), "acquiredOn");
    assertThat(details("A-1").acquiredOn(LocalDate.of(1900, 1, 1)).build().acquiredOn()).isEqualTo("1900-01-01");
    assertThat(StoredValues.read(() -> details("A-1").acquiredOn(LocalDate.of(9999, 12, 31)).build()).acquiredOn())
        .isEqualTo("9999-12-31");
  }

  @Test
  void acquiredOn_atMostADayAfterTheLedgersToday_atIntake() {
    // the fixture's clock says 2026-11-20 (UTC); a day ahead allows for the seller's time zone
    f.run(new IntakeItem(details("A-1").acquiredOn(LocalDate.of(2026, 11, 21)).build(), 1, ItemStatus.READY_TO_LIST,
        ANA));
    RejectionException e = f.refused(new IntakeItem(details("B-1").acquiredOn(LocalDate.of(2026, 11, 22)).build(), 1,
        ItemStatus.READY_TO_LIST, ANA), RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("acquiredOn");
    assertThat(e.getMessage()).contains("2026-11-21");
  }

  @Test
  void acquiredOn_inTheFuture_isRefusedWhenChanged_andForBundleChildren() {
    f.intake("A-1", 2);
    ItemDetails future = details("A-1").acquiredOn(LocalDate.of(2027, 1, 1)).build();
    assertThat(f.refused(new ChangeItemDetails(Sku.of("A-1"), future, ANA), RejectionCode.INVALID_VALUE).field())
        .isEqualTo("acquiredOn");
    assertThat(f.refused(new SplitBundle(Sku.of("A-1"), 1, List.of(new BundleChild(
        details("C-1").acquiredOn(LocalDate.of(2027, 1, 1)).build(), 1, 1)), ANA), RejectionCode.INVALID_VALUE)
        .field()).isEqualTo("acquiredOn");
    // another field changed on an item whose date is its own business stays possible
    f.run(new ChangeItemDetails(Sku.of("A-1"), details("A-1").title("Renamed").build(), ANA));
  }
}
