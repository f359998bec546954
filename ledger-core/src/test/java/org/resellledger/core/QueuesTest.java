package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.NOW;
import static org.resellledger.core.Fixture.usd;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.inbox.InboxEntryId;
import org.resellledger.core.inbox.InboxFixture;
import org.resellledger.core.item.ItemCommand.ChangeItemDetails;
import org.resellledger.core.item.ItemCommand.ChangeItemStatus;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ChannelObservation;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingCommand.RecordChannelObservation;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderCommand.AddTracking;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.InspectReturn;
import org.resellledger.core.order.OrderCommand.ReceiveReturn;
import org.resellledger.core.order.OrderCommand.RecordFoundUnit;
import org.resellledger.core.order.OrderCommand.SubstituteSaleLine;
import org.resellledger.core.order.OrderCommand.RequestReturn;
import org.resellledger.core.order.OrderCommand.ShipOrder;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.store.InMemoryLedgerStore;

/**
 * Each queue: a scenario puts a record in it, the entry's evidence and suggested action are checked, and the
 * action that takes it out does. Then the order of the queues.
 */
class QueuesTest {
  final Fixture f = new Fixture();

  Queues queues() {
    return queuesAt(NOW);
  }

  Queues queuesAt(java.time.Instant now) {
    return Queues.open(f.store, f.ledger.workspace(), f.ledger.config().withClock(java.time.Clock.fixed(now,
        ZoneOffset.UTC)), QueuePolicy.defaults(), Optional.of((InMemoryLedgerStore) f.store));
  }

  List<QueueEntry> entries(QueueKind kind) {
    return queues().page(kind, Optional.empty(), 100).rows();
  }

  Optional<QueueEntry> entry(QueueKind kind, String subject) {
    return entries(kind).stream().filter(e -> e.subject().equals(subject)).findFirst();
  }

  List<EventId> ids(StreamId stream, String kind) {
    return f.store.stream(f.ledger.workspace(), stream).stream().filter(e -> e.kind().equals(kind))
        .map(LedgerEvent::id).toList();
  }

  @Test
  void doubleSale_namesWhoKeepsTheItem_andWhichOrderToCancel_untilItIsCancelled() {
    var item = f.intake("A", 1);
    OrderId first = f.sell("A", 1);
    OrderId second = f.sell("A", 1);

    QueueEntry e = entry(QueueKind.DOUBLE_SALE, "A").orElseThrow();
    assertThat(e.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ChannelSaleRecorded"));
    assertThat(e.figures()).containsEntry("available", "0").containsEntry("short." + second.value(), "1")
        .containsEntry("keeps", first.value());
    assertThat(e.suggestedAction()).contains("order " + first.value() + " keeps")
        .contains("cancel order " + second.value() + " (CancelOrder)").contains("RecordFoundUnit")
        .contains("SubstituteSaleLine");

    f.run(new CancelOrder(second, ANA));
    assertThat(entry(QueueKind.DOUBLE_SALE, "A")).isEmpty();
  }

  @Test
  void doubleSale_namesTheWaysOtherThanCancelling_andLeavesTheQueue_whenAFoundUnitCoversIt() {
    f.intake("A", 1);
    f.sell("A", 1);
    OrderId second = f.sell("A", 1);
    assertThat(entry(QueueKind.DOUBLE_SALE, "A").orElseThrow().suggestedAction()).contains("RecordFoundUnit")
        .contains("SubstituteSaleLine").contains("CancelOrder");

    f.run(new RecordFoundUnit(second, Sku.of("A"), 1, ANA.because("a second unit was in the back room")));
    assertThat(entry(QueueKind.DOUBLE_SALE, "A")).isEmpty();
    assertThat(f.ledger.order(second).orElseThrow().lines().get(0).shortfall()).isZero();
  }

  @Test
  void doubleSale_leavesTheQueue_whenALikeForLikeItemFulfilsTheShortLine() {
    f.intake("A", 1);
    f.intake("A2", 1);
    f.sell("A", 1);
    OrderId second = f.sell("A", 1);
    assertThat(entry(QueueKind.DOUBLE_SALE, "A")).isPresent();

    f.run(new SubstituteSaleLine(second, Sku.of("A"), Sku.of("A2"), 1, ANA.because("same jacket, other box")));
    assertThat(entry(QueueKind.DOUBLE_SALE, "A")).isEmpty();
    assertThat(entry(QueueKind.DOUBLE_SALE, "A2")).isEmpty();
  }

  @Test
  void lateShipment_whenShipByIsNearOrPast_untilShipped() {
    f.intake("A", 2);
    OrderId soon = f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A", 1, ANA)
        .withShipBy(NOW.plus(Duration.ofHours(2)))).orderId().orElseThrow();
    f.run(Fixture.channelSale(Channel.EBAY, "E-2", "A", 1, ANA).withShipBy(NOW.plus(Duration.ofDays(3))));

    assertThat(entries(QueueKind.LATE_SHIPMENT)).extracting(QueueEntry::subject).containsExactly(soon.value());
    QueueEntry e = entry(QueueKind.LATE_SHIPMENT, soon.value()).orElseThrow();
    assertThat(e.evidence()).containsExactlyElementsOf(f.ledger.orderHistory(soon).stream()
        .map(LedgerEvent::id).toList()); // OrderPlaced and ShipByDateSet
    assertThat(e.figures()).containsEntry("hoursLeft", "2").containsEntry("shipBy", NOW.plus(Duration.ofHours(2))
        .toString());
    assertThat(e.due()).contains(NOW.plus(Duration.ofHours(2)));
    assertThat(e.suggestedAction()).contains("ShipOrder");
    assertThat(queuesAt(NOW.plus(Duration.ofHours(3))).page(QueueKind.LATE_SHIPMENT, Optional.empty(), 10).rows()
        .get(0).summary()).contains("is late");

    f.run(new ShipOrder(soon, "USPS", "9400", usd("4.00"), ANA));
    assertThat(entries(QueueKind.LATE_SHIPMENT)).isEmpty();
  }

  @Test
  void missingTracking_whenShippedWithout_untilAdded() {
    f.intake("A", 1);
    OrderId order = f.sell("A", 1);
    f.run(new ShipOrder(order, "USPS", "", usd("4.00"), ANA));

    QueueEntry e = entry(QueueKind.MISSING_TRACKING, order.value()).orElseThrow();
    assertThat(e.evidence()).isEqualTo(ids(StreamId.of(order), "OrderShipped"));
    assertThat(e.figures()).containsEntry("carrier", "USPS");
    assertThat(e.suggestedAction()).contains("AddTracking");

    f.run(new AddTracking(order, "USPS", "9400111", ANA));
    assertThat(entries(QueueKind.MISSING_TRACKING)).isEmpty();
  }

  @Test
  void unmatchedProviderEvent_whenParked_untilSettled() {
    InMemoryLedgerStore inbox = (InMemoryLedgerStore) f.store;
    InboxEntryId id = new InboxEntryId("in-1");
    inbox.receive(f.ledger.workspace(), id, InboxFixture.shopify("orders/create", "ev-1", "{}"));
    inbox.park(f.ledger.workspace(), id, "no listing for product 77");

    QueueEntry e = entry(QueueKind.UNMATCHED_PROVIDER_EVENT, "in-1").orElseThrow();
    assertThat(e.figures()).containsEntry("state", "PARKED").containsEntry("topic", "orders/create")
        .containsEntry("detail", "no listing for product 77");
    assertThat(e.suggestedAction()).contains("matchByHand");

    inbox.ignore(f.ledger.workspace(), id, "a test order");
    assertThat(entries(QueueKind.UNMATCHED_PROVIDER_EVENT)).isEmpty();
  }

  @Test
  void syncError_whenAListingIsInError_untilItMovesOn() {
    var item = f.intake("A", 1);
    ListingId listing = f.list("A", Channel.EBAY, SyncStatus.DRAFT);
    f.run(new ChangeListingStatus(listing, SyncStatus.ERROR, Optional.of("category not allowed"), ANA));

    QueueEntry e = entry(QueueKind.SYNC_ERROR, "A").orElseThrow();
    assertThat(e.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ListingStatusChanged"));
    assertThat(e.figures()).containsEntry(listing.value() + ".error", "category not allowed");
    assertThat(e.suggestedAction()).contains("ChangeListingStatus");

    f.run(new ChangeListingStatus(listing, SyncStatus.DRAFT, Optional.empty(), ANA));
    assertThat(entries(QueueKind.SYNC_ERROR)).isEmpty();
  }

  @Test
  void listingDiscrepancy_whenTheChannelSaysAnotherPrice_untilTheLedgerAgrees() {
    var item = f.intake("A", 1);
    ListingId listing = f.list("A", Channel.EBAY, SyncStatus.DRAFT);
    f.run(new RecordChannelObservation(listing, ChannelObservation.price(NOW, usd("19.00")), ANA));

    QueueEntry e = entry(QueueKind.LISTING_DISCREPANCY, "A").orElseThrow();
    assertThat(e.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ChannelObserved"));
    assertThat(e.figures()).containsEntry(listing.value() + ".price", "ledger 25.00 USD, channel 19.00 USD");
    assertThat(e.suggestedAction()).contains("ChangeListing");

    var details = f.ledger.listing(listing).orElseThrow().details();
    f.run(new ChangeListing(listing, org.resellledger.core.listing.ListingDetails.builder().from(details)
        .price(usd("19.00")).build(), ANA));
    assertThat(entries(QueueKind.LISTING_DISCREPANCY)).isEmpty();
  }

  @Test
  void returnDeadline_thenAwaitingInspection_eachUntilTheirAction() {
    var item = f.intake("A", 1);
    OrderId order = f.shippedOrder("A", 1);
    f.run(new RequestReturn(order, NOW.plus(Duration.ofDays(10)), ANA));

    QueueEntry r = entry(QueueKind.RETURN_DEADLINE, order.value()).orElseThrow();
    assertThat(r.evidence()).isEqualTo(ids(StreamId.of(order), "ReturnRequested"));
    assertThat(r.due()).contains(NOW.plus(Duration.ofDays(10)));
    assertThat(r.suggestedAction()).contains("ReceiveReturn");

    f.run(new ReceiveReturn(order, Sku.of("A"), 1, ANA));
    assertThat(entries(QueueKind.RETURN_DEADLINE)).isEmpty();
    QueueEntry i = entry(QueueKind.AWAITING_INSPECTION, "A").orElseThrow();
    assertThat(i.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ReturnReceived"));
    assertThat(i.figures()).containsEntry("inspection", "1");
    assertThat(i.suggestedAction()).contains("InspectReturn");

    f.run(new InspectReturn(Sku.of("A"), 1, InspectionOutcome.RESTOCK, Optional.empty(), ANA));
    assertThat(entries(QueueKind.AWAITING_INSPECTION)).isEmpty();
  }

  @Test
  void staleDraft_whenOlderThanThePolicy_untilPublishedOrDropped() {
    var item = f.intake("A", 1);
    ListingId listing = f.list("A", Channel.EBAY, SyncStatus.DRAFT);
    assertThat(entries(QueueKind.STALE_DRAFT)).isEmpty();

    Queues later = queuesAt(NOW.plus(Duration.ofDays(15)));
    QueueEntry e = later.page(QueueKind.STALE_DRAFT, Optional.empty(), 10).rows().get(0);
    assertThat(e.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ListingCreated"));
    assertThat(e.figures()).containsEntry(listing.value() + ".days", "15");
    assertThat(e.suggestedAction()).contains("LIVE").contains("ARCHIVED");

    f.run(new ChangeListingStatus(listing, SyncStatus.ARCHIVED, Optional.empty(), ANA));
    assertThat(later.page(QueueKind.STALE_DRAFT, Optional.empty(), 10).rows()).isEmpty();
  }

  @Test
  void stuckStatus_andMissingPhotos_forAHighValueItemWithoutPhotos_untilPhotographed() {
    var details = Fixture.details("A").photoStatus(PhotoStatus.NONE).estimatedValue(usd("500.00")).build();
    f.run(new IntakeItem(details, 1, ItemStatus.NEEDS_PHOTOS, ANA));
    var item = f.item("A");

    QueueEntry stuck = entry(QueueKind.STUCK_STATUS, "A").orElseThrow();
    assertThat(stuck.figures()).containsEntry("status", "NEEDS_PHOTOS").containsEntry("days", "0");
    assertThat(stuck.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ItemAcquired"));
    QueueEntry photos = entry(QueueKind.MISSING_PHOTOS, "A").orElseThrow();
    assertThat(photos.figures()).containsEntry("value", "500.00 USD").containsEntry("threshold", "100.00 USD");
    assertThat(photos.suggestedAction()).contains("photoStatus COMPLETE");

    f.run(new ChangeItemDetails(Sku.of("A"), Fixture.details("A").estimatedValue(usd("500.00")).build(), ANA));
    assertThat(entry(QueueKind.STUCK_STATUS, "A")).isEmpty(); // the photos moved it to READY_TO_LIST
    assertThat(entry(QueueKind.MISSING_PHOTOS, "A")).isEmpty();
  }

  @Test
  void stuckStatus_whenHeld_untilMovedOn() {
    f.run(new IntakeItem(Fixture.details("A").build(), 1, ItemStatus.HELD, ANA));
    assertThat(entry(QueueKind.STUCK_STATUS, "A").orElseThrow().suggestedAction()).contains("ReleaseUnits");

    f.run(new ChangeItemStatus(Sku.of("A"), ItemStatus.READY_TO_LIST, ANA));
    assertThat(entry(QueueKind.STUCK_STATUS, "A")).isEmpty();
  }

  @Test
  void noListing_whenUnitsAreAvailable_untilListed() {
    var item = f.intake("A", 2);
    QueueEntry e = entry(QueueKind.NO_LISTING, "A").orElseThrow();
    assertThat(e.figures()).containsEntry("available", "2");
    assertThat(e.evidence()).isEqualTo(ids(StreamId.of(item.id()), "ItemAcquired"));
    assertThat(e.suggestedAction()).contains("CreateListing");

    f.run(new CreateListing(Sku.of("A"), Fixture.listing(Channel.EBAY).build(), SyncStatus.DRAFT, ANA));
    assertThat(entry(QueueKind.NO_LISTING, "A")).isEmpty();
  }

  @Test
  void top_walksTheQueuesInPriorityOrder_andPagesKeepTheirPlace() {
    f.run(new IntakeItem(Fixture.details("P").photoStatus(PhotoStatus.NONE).estimatedValue(usd("500.00")).build(),
        1, ItemStatus.NEEDS_PHOTOS, ANA));
    f.intake("A", 1);
    f.intake("B", 3);
    f.intake("C", 1);
    OrderId shipped = f.sell("B", 1);
    f.run(new ShipOrder(shipped, "USPS", "", usd("4.00"), ANA));
    f.sell("A", 1);
    f.sell("A", 1);
    f.run(Fixture.channelSale(Channel.EBAY, "E-9", "B", 1, ANA).withShipBy(NOW));

    List<QueueEntry> top = queues().top(50);
    assertThat(top).extracting(QueueEntry::kind).isSortedAccordingTo(
        java.util.Comparator.comparingInt(QueueKind::priority).thenComparing(Enum::ordinal));
    assertThat(top).extracting(QueueEntry::kind).startsWith(QueueKind.DOUBLE_SALE, QueueKind.LATE_SHIPMENT,
        QueueKind.MISSING_TRACKING).contains(QueueKind.STUCK_STATUS, QueueKind.MISSING_PHOTOS,
        QueueKind.NO_LISTING);
    assertThat(queues().top(2)).isEqualTo(top.subList(0, 2));
    // declaration order is priority order: blocked writes first in 4, risky then stale approvals in 7
    assertThat(List.of(QueueKind.values())).extracting(QueueKind::priority).isSorted();
    assertThat(List.of(QueueKind.values())).containsSubsequence(QueueKind.UNMATCHED_PROVIDER_EVENT,
        QueueKind.BLOCKED_WRITE, QueueKind.SYNC_ERROR, QueueKind.AWAITING_INSPECTION, QueueKind.RISKY_CHANGE,
        QueueKind.STALE_APPROVAL, QueueKind.STALE_DRAFT);

    var first = queues().page(QueueKind.NO_LISTING, Optional.empty(), 1);
    var second = queues().page(QueueKind.NO_LISTING, first.next(), 1);
    assertThat(first.rows()).extracting(QueueEntry::subject).containsExactly("B");
    assertThat(second.rows()).extracting(QueueEntry::subject).containsExactly("C");
  }
}
