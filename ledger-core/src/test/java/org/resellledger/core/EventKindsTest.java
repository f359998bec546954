package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.details;
import static org.resellledger.core.Fixture.usd;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.item.ItemFact.*;
import org.resellledger.core.listing.ListingFact.*;
import org.resellledger.core.order.OrderItemFact.*;
import org.resellledger.core.order.OrderFact.*;
import org.resellledger.core.bundle.BundleFact.*;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;

/** Given past commands, when one more command runs, then exactly these events, movements and balances. */
class EventKindsTest {
  final Fixture f = new Fixture();

  @AfterEach
  void invariantsHold() {
    for (Item item : f.ledger.items()) {
      assertThat(item.balances().isConserved()).as("conserved %s", item.sku()).isTrue();
      assertThat(item.balances().hasNegativeOnHand()).as("negative %s", item.sku()).isFalse();
    }
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  /** Stores write a listing only for the facts marked {@code ListingFact}; no other fact may change one. */
  @AfterEach
  void onlyListingFactsChangeListings() {
    for (Item item : f.ledger.items()) {
      Item before = null;
      for (var h : f.ledger.history(item.sku())) {
        Item after = org.resellledger.core.Projector.apply(before, h.event());
        if (before != null && !before.listings().equals(after.listings())) {
          assertThat(h.event().payload()).as(h.event().kind())
              .isInstanceOf(org.resellledger.core.listing.ListingFact.class);
        }
        before = after;
      }
    }
  }

  @Test
  void kinds_listEveryPayloadRecord_groupsIncluded() {
    var kinds = org.resellledger.core.ledger.EventPayload.kinds();

    assertThat(kinds).allMatch(Class::isRecord).doesNotHaveDuplicates()
        .contains(ItemAcquired.class, ListingCreated.class, ListingStatusChanged.class, RefundIssued.class);
    // every record nested in a concept's group of facts (ItemFact, ListingFact, ...) that is a payload
    assertThat(kinds).hasSize((int) java.util.Arrays.stream(
        org.resellledger.core.ledger.EventPayload.class.getPermittedSubclasses())
        .flatMap(group -> java.util.Arrays.stream(group.getDeclaredClasses())).filter(Class::isRecord)
        .filter(org.resellledger.core.ledger.EventPayload.class::isAssignableFrom).count());
  }

  private static List<String> kinds(CommandResult r) {
    return r.events().stream().map(LedgerEvent::kind).toList();
  }

  @Test
  void intake_movesUnitsFromSupplierToAvailable() {
    CommandResult r = f.run(new IntakeItem(details("A-1").build(), 3, ItemStatus.READY_TO_LIST, ANA));

    assertThat(kinds(r)).containsExactly("ItemAcquired");
    LedgerEvent e = r.events().get(0);
    assertThat(e.movement()).contains(Movement.of(3, Bucket.SUPPLIER, Bucket.AVAILABLE));
    assertThat(e.source()).isEqualTo(Source.MANUAL);
    assertThat(e.actor().name()).isEqualTo("ana");
    assertThat(e.occurredAt()).isEqualTo(Fixture.NOW);
    assertThat(e.version()).isEqualTo(1);
    Item item = f.item("A-1");
    assertThat(item.quantity()).isEqualTo(3);
    assertThat(item.available()).isEqualTo(3);
    assertThat(item.balances().get(Bucket.SUPPLIER)).isEqualTo(-3);
    assertThat(item.status()).isEqualTo(ItemStatus.READY_TO_LIST);
  }

  @Test
  void intakeHeld_movesUnitsToHeld() {
    f.run(new IntakeItem(details("A-1").build(), 2, ItemStatus.HELD, ANA.because("waiting for repair")));

    assertThat(f.units("A-1", Bucket.HELD)).isEqualTo(2);
    assertThat(f.units("A-1", Bucket.AVAILABLE)).isZero();
  }

  @Test
  void intakeOfZeroUnits_recordsTheItemWithoutMovement() {
    CommandResult r = f.run(new IntakeItem(details("A-1").build(), 0, ItemStatus.NEEDS_PHOTOS, ANA));

    assertThat(r.events().get(0).movement()).isEmpty();
    assertThat(f.item("A-1").quantity()).isZero();
  }

  @Test
  void channelSale_commitsUnitsAndPlacesTheOrder() {
    f.intake("A-1", 2);
    var listing = f.list("A-1", Channel.ETSY, SyncStatus.LIVE);

    CommandResult r = f.run(new RecordChannelSale(Channel.ETSY, "ETSY-77",
        List.of(SaleLine.of(listing, Sku.of("A-1"), 1, usd("30.00"))), usd("3.10"), usd("5.00"),
        OrderStatus.PAID, ANA));

    assertThat(kinds(r)).containsExactly("OrderPlaced", "ChannelSaleRecorded");
    LedgerEvent sale = r.events().get(1);
    assertThat(sale.movement()).contains(Movement.of(1, Bucket.AVAILABLE, Bucket.COMMITTED));
    assertThat(sale.listing()).contains(listing);
    assertThat(sale.order()).isEqualTo(r.orderId());
    Order order = f.ledger.order(r.orderId().orElseThrow()).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.salePrice()).isEqualTo(usd("30.00"));
    assertThat(order.fees()).isEqualTo(usd("3.10"));
    assertThat(order.shippingCharged()).isEqualTo(usd("5.00"));
    assertThat(order.externalOrderId()).contains("ETSY-77");
    assertThat(f.item("A-1").available()).isEqualTo(1);
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.LISTED);
  }

  @Test
  void sale_whenNothingAvailable_recordsConflictAndKeepsOrder() {
    f.intake("A-1", 1);
    f.sell("A-1", 1, Channel.EBAY);

    CommandResult r = f.run(Fixture.channelSale(Channel.MERCARI, "M-9", "A-1", 1, ANA));

    LedgerEvent sale = r.events().get(1);
    assertThat(sale.payload()).isEqualTo(new ChannelSaleRecorded(Channel.MERCARI, 1, 0, usd("20.00")));
    assertThat(sale.movement()).isEmpty();
    Item item = f.item("A-1");
    assertThat(item.conflicts()).containsExactly(new SaleConflict(r.orderId().orElseThrow(), 1));
    assertThat(item.balances().get(Bucket.COMMITTED)).isEqualTo(1);
    assertThat(item.available()).isZero();
    assertThat(f.ledger.order(r.orderId().orElseThrow()).orElseThrow().hasShortfall()).isTrue();
  }

  @Test
  void sale_ofMoreThanAvailable_commitsWhatThereIs() {
    f.intake("A-1", 2);

    CommandResult r = f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 5, ANA));

    assertThat(r.events().get(1).movement()).contains(Movement.of(2, Bucket.AVAILABLE, Bucket.COMMITTED));
    assertThat(f.item("A-1").conflicts()).containsExactly(new SaleConflict(r.orderId().orElseThrow(), 3));
  }

  @Test
  void lastUnitSold_movesItemToSold() {
    f.intake("A-1", 1);
    CommandResult r = f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA));

    assertThat(kinds(r)).containsExactly("OrderPlaced", "ChannelSaleRecorded", "ItemStatusChanged");
    assertThat(r.events().get(2).causation()).contains(r.events().get(1).id().value());
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.SOLD);
  }

  @Test
  void localSale_commitsUnitsOnTheLocalChannel() {
    f.intake("A-1", 2);

    CommandResult r = f.run(new RecordLocalSale(List.of(SaleLine.of(Sku.of("A-1"), 1, usd("15.00"))), ANA));

    assertThat(kinds(r)).containsExactly("OrderPlaced", "LocalSaleRecorded");
    Order order = f.ledger.order(r.orderId().orElseThrow()).orElseThrow();
    assertThat(order.channel()).isEqualTo(Channel.LOCAL);
    assertThat(order.externalOrderId()).isEmpty();
    assertThat(f.item("A-1").balances().get(Bucket.COMMITTED)).isEqualTo(1);
  }

  @Test
  void localPickup_handsCommittedUnitsToTheBuyer() {
    f.intake("A-1", 2);
    OrderId order = f.run(new RecordLocalSale(List.of(SaleLine.of(Sku.of("A-1"), 2, usd("15.00"))), ANA))
        .orderId().orElseThrow();

    CommandResult r = f.run(new RecordPickup(order, ANA));

    assertThat(kinds(r)).containsExactly("OrderPickedUp", "UnitsPickedUp");
    assertThat(r.events().get(1).movement()).contains(Movement.of(2, Bucket.COMMITTED, Bucket.BUYER));
    assertThat(f.ledger.order(order).orElseThrow().status()).isEqualTo(OrderStatus.LOCAL_PICKUP);
  }

  @Test
  void cancellation_returnsCommittedUnitsAndClearsTheConflict() {
    f.intake("A-1", 1);
    f.sell("A-1", 1);
    OrderId oversold = f.sell("A-1", 1);

    CommandResult r = f.run(new CancelOrder(oversold, ANA.because("sold elsewhere first")));

    assertThat(kinds(r)).containsExactly("OrderCancelled", "SaleCancelled");
    assertThat(r.events().get(1).payload()).isEqualTo(new SaleCancelled(0, 1));
    assertThat(r.events().get(1).reason()).contains("sold elsewhere first");
    assertThat(f.item("A-1").conflicts()).isEmpty();
    assertThat(f.ledger.order(oversold).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void cancellation_isNotAReturn_unitsGoStraightBackToAvailable() {
    f.intake("A-1", 1);
    OrderId order = f.sell("A-1", 1);

    CommandResult r = f.run(new CancelOrder(order, ANA));

    assertThat(r.events().get(1).movement()).contains(Movement.of(1, Bucket.COMMITTED, Bucket.AVAILABLE));
    assertThat(f.item("A-1").available()).isEqualTo(1);
    assertThat(f.item("A-1").balances().get(Bucket.INSPECTION)).isZero();
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.READY_TO_LIST);
  }

  @Test
  void shipment_movesCommittedToBuyerWithCarrierAndTracking() {
    f.intake("A-1", 1);
    OrderId order = f.sell("A-1", 1);

    CommandResult r = f.run(new ShipOrder(order, "UPS", "1Z999", usd("8.20"), ANA));

    assertThat(kinds(r)).containsExactly("OrderShipped", "UnitsShipped");
    assertThat(r.events().get(1).payload()).isEqualTo(new UnitsShipped("UPS", "1Z999"));
    assertThat(r.events().get(1).movement()).contains(Movement.of(1, Bucket.COMMITTED, Bucket.BUYER));
    Order shipped = f.ledger.order(order).orElseThrow();
    assertThat(shipped.tracking()).contains("1Z999");
    assertThat(shipped.shippingCost()).isEqualTo(usd("8.20"));
    assertThat(f.item("A-1").quantity()).isZero();
  }

  @Test
  void delivery_movesTheOrderOnly() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);

    CommandResult r = f.run(new MarkDelivered(order, ANA));

    assertThat(kinds(r)).containsExactly("OrderDelivered");
    assertThat(f.ledger.order(order).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
  }

  @Test
  void returnRequested_recordsTheDeadline() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    Instant deadline = Instant.parse("2026-12-05T00:00:00Z");

    CommandResult r = f.run(new RequestReturn(order, deadline, ANA));

    assertThat(kinds(r)).containsExactly("ReturnRequested");
    assertThat(f.ledger.order(order).orElseThrow().returnDeadline()).contains(deadline);
  }

  @Test
  void returnReceived_goesToInspection_neverStraightToAvailable() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    f.run(new RequestReturn(order, Instant.parse("2026-12-05T00:00:00Z"), ANA));

    CommandResult r = f.run(new ReceiveReturn(order, Sku.of("A-1"), 1, ANA));

    assertThat(kinds(r)).containsExactly("OrderReturnArrived", "ReturnReceived", "ItemStatusChanged");
    assertThat(r.events().get(1).movement()).contains(Movement.of(1, Bucket.BUYER, Bucket.INSPECTION));
    Item item = f.item("A-1");
    assertThat(item.available()).isZero();
    assertThat(item.balances().get(Bucket.INSPECTION)).isEqualTo(1);
    assertThat(item.status()).isEqualTo(ItemStatus.NEEDS_INSPECTION);
    assertThat(f.ledger.order(order).orElseThrow().status()).isEqualTo(OrderStatus.RETURNED);
  }

  @Test
  void returnReceived_forAnArchivedItem_bringsItBackToInspection() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    f.run(new ArchiveItem(Sku.of("A-1"), ANA));
    f.run(new RequestReturn(order, Instant.parse("2026-12-05T00:00:00Z"), ANA));

    CommandResult r = f.run(new ReceiveReturn(order, Sku.of("A-1"), 1, ANA));

    assertThat(kinds(r)).containsExactly("OrderReturnArrived", "ReturnReceived", "ItemStatusChanged");
    assertThat(r.events().get(2).payload()).isEqualTo(new ItemStatusChanged(ItemStatus.ARCHIVED, ItemStatus.NEEDS_INSPECTION));
    f.run(new InspectReturn(Sku.of("A-1"), 1, InspectionOutcome.RESTOCK, Optional.empty(), ANA));
    assertThat(f.item("A-1").available()).isEqualTo(1);
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.READY_TO_LIST);
  }

  private void returnedUnit() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    f.run(new RequestReturn(order, Instant.parse("2026-12-05T00:00:00Z"), ANA));
    f.run(new ReceiveReturn(order, Sku.of("A-1"), 1, ANA));
  }

  @Test
  void inspectionRestock_makesTheUnitAvailableAndMayChangeCondition() {
    returnedUnit();

    CommandResult r = f.run(new InspectReturn(Sku.of("A-1"), 1, InspectionOutcome.RESTOCK,
        Optional.of(Condition.GOOD), ANA));

    assertThat(r.events().get(0).movement()).contains(Movement.of(1, Bucket.INSPECTION, Bucket.AVAILABLE));
    assertThat(f.item("A-1").available()).isEqualTo(1);
    assertThat(f.item("A-1").details().condition()).isEqualTo(Condition.GOOD);
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.READY_TO_LIST);
  }

  @Test
  void inspectionDamaged_movesToDamaged() {
    returnedUnit();

    f.run(new InspectReturn(Sku.of("A-1"), 1, InspectionOutcome.DAMAGED, Optional.empty(), ANA));

    assertThat(f.units("A-1", Bucket.DAMAGED)).isEqualTo(1);
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.DAMAGED);
  }

  @Test
  void inspectionWriteOff_movesOutOfStockForGood() {
    returnedUnit();

    f.run(new InspectReturn(Sku.of("A-1"), 1, InspectionOutcome.WRITE_OFF, Optional.empty(),
        ANA.because("mould inside")));

    assertThat(f.units("A-1", Bucket.WRITTEN_OFF)).isEqualTo(1);
    assertThat(f.item("A-1").quantity()).isZero();
  }

  @Test
  void damaged_movesAvailableUnitsToDamaged() {
    f.intake("A-1", 3);

    CommandResult r = f.run(new MarkDamaged(Sku.of("A-1"), 1, Bucket.AVAILABLE, ANA));

    assertThat(kinds(r)).containsExactly("UnitsDamaged");
    assertThat(f.units("A-1", Bucket.DAMAGED)).isEqualTo(1);
    assertThat(f.item("A-1").quantity()).isEqualTo(3);
  }

  @Test
  void lost_movesUnitsOutOfStock() {
    f.intake("A-1", 1);

    CommandResult r = f.run(new MarkLost(Sku.of("A-1"), 1, Bucket.AVAILABLE, ANA));

    assertThat(kinds(r)).containsExactly("UnitsLost", "ItemStatusChanged");
    assertThat(f.units("A-1", Bucket.LOST)).isEqualTo(1);
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.LOST);
  }

  @Test
  void holdAndRelease_moveBetweenAvailableAndHeld() {
    f.intake("A-1", 2);

    f.run(new HoldUnits(Sku.of("A-1"), 2, ANA.because("photo shoot")));
    assertThat(f.units("A-1", Bucket.HELD)).isEqualTo(2);
    f.run(new ReleaseUnits(Sku.of("A-1"), 1, ANA));

    assertThat(f.units("A-1", Bucket.HELD)).isEqualTo(1);
    assertThat(f.units("A-1", Bucket.AVAILABLE)).isEqualTo(1);
  }

  @Test
  void consigned_recordsTheConsignorAndStatus() {
    f.intake("A-1", 1);

    CommandResult r = f.run(new ConsignItem(Sku.of("A-1"), "Mrs. Patel", ANA));

    assertThat(kinds(r)).containsExactly("ItemConsigned", "ItemStatusChanged");
    assertThat(f.item("A-1").details().consignor()).contains("Mrs. Patel");
    assertThat(f.item("A-1").status()).isEqualTo(ItemStatus.CONSIGNED);
  }

  @Test
  void manualAdjustment_movesToOrFromAdjustmentWithItsReason() {
    f.intake("A-1", 2);

    CommandResult down = f.run(new AdjustQuantity(Sku.of("A-1"), -1, ANA.because("recount: one missing")));
    CommandResult up = f.run(new AdjustQuantity(Sku.of("A-1"), 3, ANA.because("found a box")));

    assertThat(down.events().get(0).movement()).contains(Movement.of(1, Bucket.AVAILABLE, Bucket.ADJUSTMENT));
    assertThat(down.events().get(0).reason()).contains("recount: one missing");
    assertThat(up.events().get(0).movement()).contains(Movement.of(3, Bucket.ADJUSTMENT, Bucket.AVAILABLE));
    assertThat(f.item("A-1").available()).isEqualTo(4);
    assertThat(f.units("A-1", Bucket.ADJUSTMENT)).isEqualTo(-2);
  }

  @Test
  void bundleSplit_allocatesCostBasisExactlyToTheChildren() {
    f.run(new IntakeItem(details("LOT-1").costBasis(usd("10.00")).build(), 1, ItemStatus.READY_TO_LIST, ANA));

    CommandResult r = f.run(new SplitBundle(Sku.of("LOT-1"), 1, List.of(
        new BundleChild(details("LOT-1-A").build(), 1, 1),
        new BundleChild(details("LOT-1-B").build(), 2, 1),
        new BundleChild(details("LOT-1-C").photoStatus(PhotoStatus.NONE).build(), 1, 1)), ANA));

    assertThat(kinds(r)).containsExactly("BundleSplit", "SplitFromBundle", "SplitFromBundle", "SplitFromBundle");
    Money a = f.item("LOT-1-A").details().costBasis();
    Money b = f.item("LOT-1-B").details().costBasis();
    Money c = f.item("LOT-1-C").details().costBasis();
    assertThat(a.plus(b).plus(c)).isEqualTo(usd("10.00"));
    assertThat(List.of(a, b, c)).containsExactly(usd("3.34"), usd("3.33"), usd("3.33"));
    assertThat(f.item("LOT-1").details().costBasis()).isEqualTo(usd("0.00"));
    assertThat(f.units("LOT-1", Bucket.BUNDLE)).isEqualTo(1);
    assertThat(f.units("LOT-1-B", Bucket.AVAILABLE)).isEqualTo(2);
    assertThat(f.units("LOT-1-B", Bucket.BUNDLE)).isEqualTo(-2);
    assertThat(f.item("LOT-1-C").status()).isEqualTo(ItemStatus.NEEDS_PHOTOS);
  }

  @Test
  void bundleMerge_sumsThePartsCostBasis() {
    f.run(new IntakeItem(details("CUP").costBasis(usd("6.00")).build(), 3, ItemStatus.READY_TO_LIST, ANA));
    f.run(new IntakeItem(details("SAUCER").costBasis(usd("1.00")).build(), 1, ItemStatus.READY_TO_LIST, ANA));

    CommandResult r = f.run(new MergeBundle(
        List.of(new BundleInput(Sku.of("CUP"), 1), new BundleInput(Sku.of("SAUCER"), 1)),
        details("SET").build(), 1, ANA));

    assertThat(kinds(r)).containsExactly("MergedIntoBundle", "MergedIntoBundle", "MergedFromParts");
    assertThat(f.item("SET").details().costBasis()).isEqualTo(usd("3.00"));
    assertThat(f.item("CUP").details().costBasis()).isEqualTo(usd("4.00"));
    assertThat(f.item("SAUCER").details().costBasis()).isEqualTo(usd("0.00"));
    assertThat(f.units("SET", Bucket.AVAILABLE)).isEqualTo(1);
    assertThat(f.units("CUP", Bucket.AVAILABLE)).isEqualTo(2);
  }

  @Test
  void fieldChange_recordsBeforeAndAfter() {
    f.intake("A-1", 1);

    CommandResult r = f.run(new ChangeItemDetails(Sku.of("A-1"),
        details("A-1").title("Better title").costBasis(usd("12.00")).build(), ANA));

    ItemFieldsChanged changed = (ItemFieldsChanged) r.events().get(0).payload();
    assertThat(changed.changes()).containsExactly(
        new FieldChange("title", Optional.of("Vintage item A-1"), Optional.of("Better title")),
        new FieldChange("costBasis", Optional.of("10.00 USD"), Optional.of("12.00 USD")));
    assertThat(f.item("A-1").details().title()).isEqualTo("Better title");
  }

  @Test
  void fieldChange_withNothingDifferent_appendsNothing() {
    f.intake("A-1", 1);

    CommandResult r = f.run(new ChangeItemDetails(Sku.of("A-1"), details("A-1").build(), ANA));

    assertThat(r.events()).isEmpty();
  }

  @Test
  void statusChange_recordsFromAndTo() {
    f.intake("A-1", 1);

    CommandResult r = f.run(new ChangeItemStatus(Sku.of("A-1"), ItemStatus.HELD, ANA));

    assertThat(r.events().get(0).payload()).isEqualTo(new ItemStatusChanged(ItemStatus.READY_TO_LIST, ItemStatus.HELD));
  }

  @Test
  void archive_hidesTheItemButKeepsItsHistoryReadable() {
    f.intake("A-1", 0);

    f.run(new ArchiveItem(Sku.of("A-1"), ANA));

    assertThat(f.item("A-1").archived()).isTrue();
    assertThat(f.ledger.history(Sku.of("A-1"))).extracting(h -> h.event().kind())
        .containsExactly("ItemAcquired", "ItemArchived");
  }

  @Test
  void listingChange_updatesTheListingNeverTheItem() {
    f.intake("A-1", 1);
    var listing = f.list("A-1", Channel.EBAY, SyncStatus.DRAFT);
    var itemBefore = f.item("A-1").details();

    CommandResult r = f.run(new ChangeListing(listing,
        Fixture.listing(Channel.EBAY).price(usd("19.99")).title("New title").build(),
        org.resellledger.core.ledger.Origin.webhook("ebay", "rev-1", Fixture.NOW)));

    assertThat(kinds(r)).containsExactly("ListingChanged");
    assertThat(f.ledger.listing(listing).orElseThrow().details().price()).isEqualTo(usd("19.99"));
    assertThat(f.item("A-1").details()).isEqualTo(itemBefore);
  }

  @Test
  void listingStatusError_keepsTheErrorMessage() {
    f.intake("A-1", 1);
    var listing = f.list("A-1", Channel.SHOPIFY, SyncStatus.LIVE);

    f.run(new ChangeListingStatus(listing, SyncStatus.ERROR, Optional.of("token expired"), ANA));

    assertThat(f.ledger.listing(listing).orElseThrow().lastError()).contains("token expired");
  }

  @Test
  void refund_addsUpOnTheOrder() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);

    f.run(new IssueRefund(order, usd("5.00"), ANA.because("late delivery")));
    f.run(new IssueRefund(order, usd("2.00"), ANA));

    Order refunded = f.ledger.order(order).orElseThrow();
    assertThat(refunded.refunded()).isEqualTo(usd("7.00"));
    assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
  }

  @Test
  void advanceOrder_walksPaidPickedPacked() {
    f.intake("A-1", 1);
    OrderId order = f.run(new RecordChannelSale(Channel.SHOPIFY, "S-1",
        List.of(SaleLine.of(Sku.of("A-1"), 1, usd("9.00"))), usd("0.30"), usd("0.00"),
        OrderStatus.PENDING_PAYMENT, ANA)).orderId().orElseThrow();

    f.run(new AdvanceOrder(order, OrderStatus.PAID, ANA));
    f.run(new AdvanceOrder(order, OrderStatus.PICKED, ANA));
    f.run(new AdvanceOrder(order, OrderStatus.PACKED, ANA));

    assertThat(f.ledger.orderHistory(order)).extracting(LedgerEvent::kind)
        .containsExactly("OrderPlaced", "OrderStatusChanged", "OrderStatusChanged", "OrderStatusChanged");
    assertThat(f.ledger.order(order).orElseThrow().status()).isEqualTo(OrderStatus.PACKED);
  }

  @Test
  void history_showsBalancesAfterEveryEvent() {
    f.intake("A-1", 2);
    f.sell("A-1", 1);

    var history = f.ledger.history(Sku.of("A-1"));

    assertThat(history).extracting(h -> h.balancesAfter().asMap()).containsExactly(
        Map.of(Bucket.SUPPLIER, -2L, Bucket.AVAILABLE, 2L),
        Map.of(Bucket.SUPPLIER, -2L, Bucket.AVAILABLE, 1L, Bucket.COMMITTED, 1L));
  }

  @Test
  void webhookEvents_carryProviderAndEventId() {
    f.intake("A-1", 1);

    CommandResult r = f.run(Fixture.channelSale(Channel.EBAY, "E-5", "A-1", 1,
        org.resellledger.core.ledger.Origin.webhook("ebay", "ntf-123", Instant.parse("2026-11-19T08:00:00Z"))));

    assertThat(r.events()).allSatisfy(e -> {
      assertThat(e.provider().orElseThrow().eventId()).isEqualTo("ntf-123");
      assertThat(e.source()).isEqualTo(Source.WEBHOOK);
      assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
      assertThat(e.recordedAt()).isEqualTo(Fixture.NOW);
    });
  }
}
