package org.resellledger.jooq.internal.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.count.CountFact;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.count.VarianceLine;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.message.BuyerMessageId;
import org.resellledger.core.message.MessageFact;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.OutboxEntry;
import org.resellledger.core.proposal.ProposalFact;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.RiskFlag;
import org.resellledger.core.proposal.WriteOutcome;
import org.resellledger.core.item.ItemFact.*;
import org.resellledger.core.listing.ListingFact.*;
import org.resellledger.core.order.OrderItemFact.*;
import org.resellledger.core.order.OrderFact.*;
import org.resellledger.core.bundle.BundleFact.*;
import org.resellledger.core.ledger.FieldChange;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ChannelObservation;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.testkit.gen.Samples;

/**
 * One payload of every kind with every optional part filled in, and the kinds whose optional parts can be
 * empty once more with them empty. Amounts include a zero-decimal currency (JPY) and a large figure.
 */
final class EveryPayload {
  private EveryPayload() {}

  static List<EventPayload> filled() {
    Money usd = Samples.usd("1234567.89");
    Money jpy = Money.of("1500", "JPY");
    ItemId child = ItemId.of("child-1");
    ListingId listing = ListingId.of("li-1");
    List<FieldChange> changes = List.of(
        new FieldChange("title", Optional.of("old — 旧"), Optional.of("new ✓")),
        new FieldChange("brand", Optional.empty(), Optional.of("Levi's")),
        new FieldChange("notes", Optional.of("x"), Optional.empty()));
    List<BundlePart> parts = List.of(
        new BundlePart(child, Sku.of("KIT-A"), 2, Samples.usd("3.33")),
        new BundlePart(ItemId.of("child-2"), Sku.of("KIT-B"), 1, Samples.usd("0.01")));
    OrderLine line = new OrderLine(ItemId.of("it-1"), Sku.of("JKT-001"), Optional.of(listing), 3,
        Samples.usd("55.00"), 2, 2, 1);
    OrderLine local = new OrderLine(ItemId.of("it-2"), Sku.of("JKT-002"), Optional.empty(), 1,
        Samples.usd("0.00"), 1, 0, 0);
    return List.of(
        new ItemAcquired(Samples.richDetails("JKT-001"), 3, ItemStatus.READY_TO_LIST),
        new ItemFieldsChanged(changes, Samples.richDetails("JKT-001")),
        new ItemStatusChanged(ItemStatus.READY_TO_LIST, ItemStatus.LISTED),
        new ItemConsigned("Ana's closet"),
        new ItemArchived(),
        new ListingCreated(listing, Samples.richListing(Channel.EBAY, "eb-1"), SyncStatus.LIVE),
        new ListingChanged(listing, changes, Samples.richListing(Channel.of("vinted"), "v-1")),
        new ListingStatusChanged(listing, SyncStatus.LIVE, SyncStatus.ERROR, Optional.of("token expired")),
        new ChannelObserved(listing, new ChannelObservation(Instant.parse("2026-03-01T10:15:30.123456Z"),
            Optional.of(Samples.usd("79.50")), Optional.of("Levi's Type III, M"), Optional.of(2),
            Optional.of(SyncStatus.ENDED))),
        new ChannelSaleRecorded(Channel.EBAY, 3, 2, Samples.usd("55.00")),
        new LocalSaleRecorded(2, 2, jpy),
        new SaleCancelled(2, 1),
        new FoundUnitsCommitted(1),
        new SaleSubstitutedBy(Sku.of("JKT-002"), 2),
        new SubstituteCommitted(Sku.of("JKT-001"), 2),
        new UnitsShipped("USPS", "9400 1000 0000 0000 0000 00"),
        new UnitsPickedUp(),
        new ReturnReceived(),
        new InspectionCompleted(InspectionOutcome.DAMAGED, Optional.of(Condition.FOR_PARTS)),
        new UnitsDamaged(),
        new UnitsLost(),
        new UnitsHeld(),
        new UnitsReleased(),
        new QuantityAdjusted(-4),
        new BundleSplit(parts, Samples.usd("6.67")),
        new SplitFromBundle(ItemId.of("parent-1"), Sku.of("KIT"), Samples.richDetails("KIT-A"),
            ItemStatus.NEEDS_PHOTOS),
        new MergedIntoBundle(ItemId.of("parent-2"), Sku.of("SET"), usd),
        new MergedFromParts(parts, Samples.richDetails("SET"), ItemStatus.READY_TO_LIST),
        new OrderPlaced(Channel.EBAY, Optional.of("E-1001"), List.of(line, local), Samples.usd("7.15"),
            Samples.usd("4.99"), OrderStatus.PAID),
        new OrderStatusChanged(OrderStatus.PAID, OrderStatus.PACKED),
        new OrderShipped(OrderStatus.PACKED, "UPS", "1Z999", Samples.usd("8.40")),
        new OrderPickedUp(OrderStatus.PAID),
        new OrderDelivered(OrderStatus.SHIPPED),
        new OrderCancelled(OrderStatus.PENDING_PAYMENT),
        new ReturnRequested(OrderStatus.DELIVERED, Instant.parse("2026-04-01T23:59:59.123456789Z")),
        new OrderReturnArrived(OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED, ItemId.of("it-1"), 1),
        new RefundIssued(OrderStatus.RETURNED, OrderStatus.REFUNDED, Samples.usd("59.99")),
        new ShortfallCovered(ItemId.of("it-1"), 1),
        new SaleLineSubstituted(ItemId.of("it-1"), ItemId.of("it-2"), Sku.of("JKT-002"), 2),
        new ProposalFact.ProposalDrafted(ProposalId.of("pr-1"), ProposalKind.CHANGE_LISTING_PRICE,
            ProposalTarget.listing(listing), "LIVE|price=64.99 USD",
            new java.util.TreeMap<>(java.util.Map.of("price", "12.50", "currency", "USD")), "ab".repeat(32),
            Evidence.of("drop — 値下げ", List.of(EventId.of("ev-1"), EventId.of("ev-2")),
                java.util.Map.of("item.available", "1", "sell-through.days", "40")),
            java.util.Set.of(RiskFlag.PRICE_BELOW_COST_BASIS, RiskFlag.PRICE_DROP_ABOVE_SHARE),
            Optional.of(Channel.POSHMARK), Optional.of(ProposalId.of("pr-0"))),
        new ProposalFact.ProposalRevised(java.util.Map.of("quantity", "2"), "cd".repeat(32),
            Evidence.of("", List.of(), java.util.Map.of("counted", "2")), java.util.Set.of(), "v7"),
        new ProposalFact.ProposalApproved("ab".repeat(32), "LIVE|available=1",
            Instant.parse("2026-03-02T10:15:30.123456Z"), true, Optional.of(new OutboxEntry("li-1", Channel.POSHMARK,
                "rl-pr-1", Instant.parse("2026-03-01T10:15:30.123456Z"), 2,
                Optional.of(Instant.parse("2026-03-01T10:16:00Z")), Optional.of("503")))),
        new ProposalFact.ProposalRejected("not now"),
        new ProposalFact.ProposalSuperseded(Optional.of(ProposalId.of("pr-2")), "coalesced"),
        new ProposalFact.ProposalExpired(Instant.parse("2026-03-02T10:15:30Z")),
        new ProposalFact.ProposalWriteStarted(3, Instant.parse("2026-03-02T10:15:30Z")),
        new ProposalFact.ProposalWriteFailed(3, "503 service unavailable", Optional.of(Instant.parse("2026-03-02T10:16:30Z"))),
        new ProposalFact.ProposalRetried(Instant.parse("2026-03-02T11:00:00Z")),
        new ProposalFact.ProposalApplied(Optional.of(WriteOutcome.ALREADY_AT_TARGET)),
        new ProposalFact.WriteCounted(Channel.EBAY, java.time.LocalDate.of(2026, 3, 1)),
        new ProposalFact.RestorePointSet(Optional.of(3)),
        new ShipByDateSet(Optional.of(Instant.parse("2026-04-01T23:59:59.123456789Z")),
            Instant.parse("2026-04-03T12:00:00Z")),
        new TrackingAdded(Optional.of("1Z998"), "UPS", "1Z999"),
        new PayoutReceived("PO-77", Samples.usd("51.30"), Samples.usd("7.15")),
        new MarketValueEstimated(Optional.of(Samples.usd("40.00")), Samples.usd("55.00"), Optional.of("sold comps")),
        new MessageFact.MessageReceived(BuyerMessageId.of("msg-1"), Channel.EBAY, "ebay-msg-991",
            Optional.of(OrderId.of("or-1")), Optional.of(listing), "buyer_jo — ジョー",
            "Has it shipped?\nThanks ✓", Instant.parse("2026-03-01T10:15:30.123456789Z")),
        new MessageFact.ReplyDrafted(ProposalId.of("pr-9")),
        new MessageFact.ReplyApproved(ProposalId.of("pr-9")),
        new MessageFact.ReplyWithdrawn(ProposalId.of("pr-9"), ProposalState.EXPIRED, "approval expired"),
        new MessageFact.MessageReplied(ProposalId.of("pr-9"), Optional.of(WriteOutcome.WRITTEN)),
        new MessageFact.MessageClosed("answered by phone"),
        new CountFact.CountOpened(CountSessionId.of("cs-1"), StorageLocation.of("GARAGE", "S1", "B2")),
        new CountFact.UnitsCounted(Sku.of("A-1"), 4, Optional.of(3L), Optional.of(StorageLocation.parse("GARAGE/S1")), 7),
        new CountFact.CountClosed(List.of(
            new VarianceLine(Sku.of("A-1"), VarianceLine.Finding.OVER, 3, 4, 1, Optional.of(Samples.usd("10.00")),
                Optional.of(StorageLocation.parse("GARAGE/S1")), 3, Optional.of(ProposalId.of("pr-9"))),
            new VarianceLine(Sku.of("ZZ-1"), VarianceLine.Finding.UNKNOWN_SKU, 0, 2, 0, Optional.empty(),
                Optional.empty(), 0, Optional.empty())), List.of(ProposalId.of("pr-9"))),
        new CountFact.LocationVerified(StorageLocation.of("GARAGE"), CountSessionId.of("cs-1"), 6, EventId.of("ev-9")));
  }

  /** The kinds with optional parts, those parts empty. */
  static List<EventPayload> empties() {
    return List.of(
        new ItemAcquired(Samples.details("MIN-1"), 0, ItemStatus.NEEDS_PHOTOS),
        new ItemFieldsChanged(List.of(), Samples.details("MIN-1")),
        new ListingCreated(ListingId.of("li-2"), Samples.listing(Channel.LOCAL, null, Samples.usd("0.00")),
            SyncStatus.DRAFT),
        new ListingStatusChanged(ListingId.of("li-2"), SyncStatus.ERROR, SyncStatus.DRAFT, Optional.empty()),
        new InspectionCompleted(InspectionOutcome.RESTOCK, Optional.empty()),
        new ChannelObserved(ListingId.of("li-2"), ChannelObservation.quantity(Instant.parse("2026-03-01T10:15:30Z"), 0)),
        new OrderPlaced(Channel.LOCAL, Optional.empty(), List.of(new OrderLine(ItemId.of("it-3"), Sku.of("MIN-1"),
            Optional.empty(), 1, Samples.usd("1.00"), 0, 0, 0)), Samples.usd("0.00"), Samples.usd("0.00"),
            OrderStatus.PENDING_PAYMENT),
        new ProposalFact.ProposalDrafted(ProposalId.of("pr-3"), ProposalKind.END_LISTING,
            ProposalTarget.listing(ListingId.of("li-2")), "LIVE|available=0", new java.util.TreeMap<>(), "ef".repeat(32),
            Evidence.of("", List.of(EventId.of("ev-3")), java.util.Map.of()), java.util.Set.of(), Optional.empty(),
            Optional.empty()),
        new ProposalFact.ProposalApproved("ef".repeat(32), "v1", Instant.parse("2026-03-02T10:15:30Z"), false,
            Optional.empty()),
        new ProposalFact.ProposalSuperseded(Optional.empty(), "no longer needed"),
        new ProposalFact.ProposalWriteFailed(5, "blocked", Optional.empty()),
        new ProposalFact.ProposalApplied(Optional.empty()),
        new ProposalFact.RestorePointSet(Optional.empty()),
        new ShipByDateSet(Optional.empty(), Instant.parse("2026-04-03T12:00:00Z")),
        new TrackingAdded(Optional.empty(), "USPS", "9400"),
        new MarketValueEstimated(Optional.empty(), Samples.usd("0.00"), Optional.empty()),
        new MessageFact.MessageReceived(BuyerMessageId.of("msg-2"), Channel.of("vinted"), "v-1", Optional.empty(),
            Optional.empty(), "b", "?", Instant.parse("2026-03-01T10:15:30Z")),
        new MessageFact.MessageReplied(ProposalId.of("pr-9"), Optional.empty()),
        new CountFact.UnitsCounted(Sku.of("ZZ-1"), 0, Optional.empty(), Optional.empty(), 0),
        new CountFact.CountClosed(List.of(), List.of()));
  }
}
