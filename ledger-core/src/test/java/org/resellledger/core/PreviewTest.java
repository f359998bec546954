package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.NOW;
import static org.resellledger.core.Fixture.details;
import static org.resellledger.core.Fixture.usd;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.resellledger.core.command.Command;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.store.InMemoryLedgerStore;

/** {@link Ledger#preview}: what a list of commands would do, with nothing written. */
class PreviewTest {
  /** Ids {@code p1, p2, ...} that a test can rewind, so an execute after a preview draws the same ones. */
  final AtomicLong counter = new AtomicLong();
  final InMemoryLedgerStore store = new InMemoryLedgerStore();
  final Ledger ledger = Ledger.open(store, WorkspaceId.of("shop"), LedgerConfig.defaults()
      .withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withIds(() -> "p" + counter.incrementAndGet()));

  private void intake(String sku, int quantity) {
    ledger.execute(new IntakeItem(details(sku).build(), quantity, ItemStatus.READY_TO_LIST, ANA));
  }

  private static RecordChannelSale sale(String externalId, String sku, int quantity, Origin origin) {
    return Fixture.channelSale(Channel.EBAY, externalId, sku, quantity, origin);
  }

  private record State(List<?> events, List<?> items, List<?> orders) {}

  private State state() {
    return new State(ledger.events(), ledger.items(), ledger.orders());
  }

  @Test
  void previewThenExecuteAll_appendsExactlyThePreviewedEvents() {
    intake("A-1", 2);
    intake("B-1", 1);
    var listing = ledger.execute(new CreateListing(Sku.of("A-1"), Fixture.listing(Channel.POSHMARK).build(),
        SyncStatus.LIVE, ANA)).listingId().orElseThrow();
    List<Command> commands = List.of(
        new IntakeItem(details("C-1").build(), 3, ItemStatus.READY_TO_LIST, ANA),
        sale("E-1", "A-1", 3, ANA), // one more than exists: a recorded conflict, not a refusal
        new HoldUnits(Sku.of("C-1"), 1, ANA.because("photos")),
        new AdjustQuantity(Sku.of("B-1"), 2, ANA.because("found two")),
        new ChangeListingStatus(listing, SyncStatus.ENDED, java.util.Optional.empty(), ANA),
        new SplitBundle(Sku.of("C-1"), 1, List.of(new BundleChild(details("C-1-A").build(), 1, 1)), ANA));
    long before = counter.get();
    State unchanged = state();

    Preview preview = ledger.preview(commands);

    assertThat(state()).as("a preview writes nothing").isEqualTo(unchanged);
    assertThat(preview.accepted()).isTrue();
    assertThat(preview.steps()).extracting(Preview.Step::position).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(preview.step(1).events()).extracting(e -> (Object) e.payload().getClass())
        .contains(OrderItemFact.ChannelSaleRecorded.class);
    assertThat(preview.step(2).balancesAfter().get(Sku.of("C-1")).get(Bucket.HELD)).isEqualTo(1);
    assertThat(preview.step(3).balancesAfter().get(Sku.of("B-1")).available()).isEqualTo(3);

    counter.set(before);
    List<CommandResult> results = ledger.executeAll(commands);

    assertThat(results.stream().flatMap(r -> r.events().stream()).toList()).isEqualTo(preview.events());
    for (int i = 0; i < commands.size(); i++) {
      assertThat(results.get(i).events()).isEqualTo(preview.step(i).events());
    }
  }

  @Test
  void everyRefusedCommand_isReportedWithItsPosition_andTheOthersGoOnWithoutIt() {
    intake("A-1", 1);
    List<Command> commands = List.of(
        new HoldUnits(Sku.of("A-1"), 1, ANA.because("x")),
        new HoldUnits(Sku.of("A-1"), 1, ANA.because("again")), // nothing left to hold
        new AdjustQuantity(Sku.of("A-1"), 1, ANA), // no reason
        new HoldUnits(Sku.of("NOPE"), 1, ANA.because("x")),
        new ReleaseUnits(Sku.of("A-1"), 1, ANA));
    State unchanged = state();

    Preview preview = ledger.preview(commands);

    assertThat(state()).isEqualTo(unchanged);
    assertThat(preview.accepted()).isFalse();
    assertThat(preview.rejections()).extracting(RejectionException::code).containsExactly(
        RejectionCode.INSUFFICIENT_UNITS, RejectionCode.REASON_REQUIRED, RejectionCode.UNKNOWN_ITEM);
    assertThat(preview.rejections()).extracting(e -> e.position().getAsInt()).containsExactly(1, 2, 3);
    assertThat(preview.step(3).rejection().orElseThrow().field()).isEqualTo("sku");
    assertThat(preview.step(3).rejection().orElseThrow().value()).contains("NOPE");
    assertThat(preview.step(4).accepted()).as("sees the hold of command 0, not the refused ones").isTrue();
    assertThat(preview.step(4).balancesAfter().get(Sku.of("A-1")).available()).isEqualTo(1);

    RejectionException executed = catchThrowableOfType(RejectionException.class, () -> ledger.executeAll(commands));
    assertThat(executed.code()).isEqualTo(RejectionCode.INSUFFICIENT_UNITS);
    assertThat(executed.position()).hasValue(1);
    assertThat(state()).isEqualTo(unchanged);
  }

  @Test
  void aRefusedSale_leavesTheUnitsOfItsOtherLines() {
    intake("A-1", 1);
    // the second line names an unknown item; the first line's item was read into the preview by then
    // (a command refused after appending is covered by item.internal.TxUndoTest)
    RecordChannelSale twoLines = new RecordChannelSale(Channel.EBAY, "E-9",
        List.of(SaleLine.of(Sku.of("A-1"), 1, usd("20.00")), SaleLine.of(Sku.of("NOPE"), 1, usd("20.00"))),
        usd("2.00"), usd("0.00"), org.resellledger.core.order.OrderStatus.PAID, ANA);

    Preview preview = ledger.preview(List.of(twoLines, new HoldUnits(Sku.of("A-1"), 1, ANA.because("x"))));

    assertThat(preview.step(0).rejection()).get().extracting(RejectionException::code)
        .isEqualTo(RejectionCode.UNKNOWN_ITEM);
    assertThat(preview.step(1).accepted()).as("the unit the refused sale touched is still there").isTrue();
  }

  @Test
  void laterCommandsSeeWhatEarlierOnesDid() {
    Preview preview = ledger.preview(List.of(
        new IntakeItem(details("N-1").build(), 1, ItemStatus.READY_TO_LIST, ANA),
        sale("E-1", "N-1", 1, ANA),
        new IntakeItem(details("N-1").build(), 1, ItemStatus.READY_TO_LIST, ANA)));

    assertThat(preview.step(1).accepted()).isTrue();
    assertThat(preview.step(1).balancesAfter().get(Sku.of("N-1")).available()).isZero();
    assertThat(preview.step(2).rejection()).get().extracting(RejectionException::code)
        .isEqualTo(RejectionCode.DUPLICATE_SKU);
    assertThat(ledger.item(Sku.of("N-1"))).isEmpty();
  }

  @Test
  void takenKeys_areFound_withoutACommitToRefuseThem() {
    intake("A-1", 2);
    ledger.execute(sale("E-1", "A-1", 1, ANA));

    Preview preview = ledger.preview(List.of(sale("E-1", "A-1", 1, ANA)));

    assertThat(preview.step(0).rejection()).get().extracting(RejectionException::code)
        .isEqualTo(RejectionCode.DUPLICATE_EXTERNAL_ID);
  }

  @Test
  void providerEvents_aRepeatIsADuplicate_otherContentAConflict_andTheListItselfCounts() {
    intake("A-1", 3);
    Origin hook = Origin.webhook("ebay", "ntf-1", Instant.parse("2026-11-20T11:00:00Z"));
    CommandResult first = ledger.execute(sale("E-1", "A-1", 1, hook));
    Origin fresh = Origin.webhook("ebay", "ntf-2", Instant.parse("2026-11-20T11:00:00Z"));
    State unchanged = state();

    Preview preview = ledger.preview(List.of(
        sale("E-1", "A-1", 1, hook),
        sale("E-2", "A-1", 1, hook),
        sale("E-3", "A-1", 1, fresh),
        sale("E-3", "A-1", 1, fresh),
        sale("E-4", "A-1", 1, fresh)));

    assertThat(state()).isEqualTo(unchanged);
    assertThat(preview.step(0).duplicate()).isTrue();
    assertThat(preview.step(0).events()).isEqualTo(first.events());
    assertThat(preview.step(1).rejection()).get().extracting(RejectionException::code)
        .isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);
    assertThat(preview.step(2).accepted()).isTrue();
    assertThat(preview.step(3).duplicate()).as("the same delivery twice in one list").isTrue();
    assertThat(preview.step(3).events()).isEqualTo(preview.step(2).events());
    assertThat(preview.step(4).rejection()).get().extracting(RejectionException::code)
        .isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);
    assertThat(preview.events()).as("duplicates add nothing").isEqualTo(preview.step(2).events());
  }

  @Test
  void anEmptyList_previewsNothing_andMissingCommandsAreNamed() {
    assertThat(ledger.preview(List.of()).steps()).isEmpty();
    java.util.List<Command> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    RejectionException e = catchThrowableOfType(RejectionException.class, () -> ledger.preview(withNull));
    assertThat(e.field()).isEqualTo("commands[0]");
  }
}
