package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.Fixture.ANA;
import static org.resellledger.core.Fixture.details;
import static org.resellledger.core.Fixture.usd;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.*;
import org.resellledger.core.listing.ListingCommand.*;
import org.resellledger.core.order.OrderCommand.*;
import org.resellledger.core.bundle.BundleCommand.*;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.order.OrderItemFact.InspectionOutcome;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.store.ConcurrencyException;
import org.resellledger.core.store.InMemoryLedgerStore;

/** Every rejection code, given the state that triggers it; a refused command changes nothing. */
class RejectionCodesTest {
  static final Set<RejectionCode> COVERED = EnumSet.noneOf(RejectionCode.class);
  final Fixture f = new Fixture();

  private RejectionException refused(Object command, RejectionCode code) {
    COVERED.add(code);
    return f.refused((org.resellledger.core.command.Command) command, code);
  }

  @AfterAll
  static void everyCodeHasAScenario() {
    assertThat(COVERED).containsExactlyInAnyOrder(RejectionCode.values());
    EnumSet<RejectionCode> previewable = EnumSet.allOf(RejectionCode.class);
    previewable.remove(RejectionCode.CONCURRENT_MODIFICATION);
    // the inbox's and the channel-id map's codes refuse store and processor calls, not commands: nothing to preview
    previewable.remove(RejectionCode.UNKNOWN_INBOX_ENTRY);
    previewable.remove(RejectionCode.ILLEGAL_INBOX_TRANSITION);
    previewable.remove(RejectionCode.CHANNEL_ID_TAKEN);
    previewable.remove(RejectionCode.NOT_MATCHABLE);
    assertThat(Fixture.PREVIEW_REFUSED).as("every code but a lost race is reported by Ledger.preview")
        .containsAll(previewable);
  }

  @Test
  void invalidValue_namesFieldValueAndWhatIsAllowed() {
    f.intake("A-1", 1);
    RejectionException e = refused(new HoldUnits(Sku.of("A-1"), 0, ANA.because("x")), RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("quantity");
    assertThat(e.value()).contains("0");
    assertThat(e.getMessage()).contains("at least 1");
  }

  @Test
  void invalidValue_intakeStatusOutsideIntakeStatuses() {
    RejectionException e = refused(new IntakeItem(details("A-1").build(), 1, ItemStatus.SOLD, ANA),
        RejectionCode.INVALID_VALUE);
    assertThat(e.field()).isEqualTo("status");
    assertThat(e.getMessage()).contains("READY_TO_LIST");
  }

  @Test
  void missingField_aRequiredPartOfACommandLeftOut() {
    f.intake("A-1", 1);
    RejectionException e = refused(new RecordChannelSale(Channel.EBAY, "E-1",
        List.of(SaleLine.of(Sku.of("A-1"), 1, usd("10.00"))), null, usd("0.00"), OrderStatus.PAID, ANA),
        RejectionCode.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("fees");
    assertThat(e.value()).isEmpty();
  }

  @Test
  void missingField_intakeDetailsNameEveryMissingField_beforeAnyCommand() {
    RejectionException e = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> org.resellledger.core.item.ItemDetails.builder().sku(Sku.of("A-1")).title("Lamp").build());
    assertThat(e.code()).isEqualTo(RejectionCode.MISSING_FIELD);
    assertThat(e.all()).extracting(RejectionException::field).containsExactly(
        "category", "condition", "costBasis", "acquiredOn", "location", "photoStatus");
    assertThat(e.all()).extracting(RejectionException::code).containsOnly(RejectionCode.MISSING_FIELD);
    assertThat(e.getMessage()).contains("category").contains("photoStatus");
    RejectionException listing = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> org.resellledger.core.listing.ListingDetails.builder().channel(Channel.EBAY).build());
    assertThat(listing.all()).extracting(RejectionException::field)
        .containsExactlyInAnyOrder("title", "price", "listedQuantity");
  }

  @Test
  void invalidValue_everyBadFieldOfTheDetails_isNamedAtOnce() {
    RejectionException e = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> details("A-1").title(" ").costBasis(usd("-1.00")).brand("x".repeat(81)).build());
    assertThat(e.all()).extracting(RejectionException::field).containsExactly("title", "costBasis", "brand");
    assertThat(e.all()).extracting(RejectionException::code).containsOnly(RejectionCode.INVALID_VALUE);
  }

  @Test
  void reasonRequired_forManualAdjustment() {
    f.intake("A-1", 1);
    RejectionException e = refused(new AdjustQuantity(Sku.of("A-1"), -1, ANA), RejectionCode.REASON_REQUIRED);
    assertThat(e.getMessage()).contains("manual adjustment");
  }

  @Test
  void reasonRequired_forWriteOff() {
    f.intake("A-1", 1);
    refused(new InspectReturn(Sku.of("A-1"), 1, InspectionOutcome.WRITE_OFF, Optional.empty(), ANA),
        RejectionCode.REASON_REQUIRED);
  }

  @Test
  void currencyMismatch_whenOrderAmountsMixCurrencies() {
    f.intake("A-1", 1);
    refused(new RecordChannelSale(Channel.EBAY, "E-1", List.of(SaleLine.of(Sku.of("A-1"), 1, usd("10.00"))),
        Money.of("1.00", "EUR"), usd("0"), OrderStatus.PAID, ANA), RejectionCode.CURRENCY_MISMATCH);
  }

  @Test
  void unknownItem() {
    RejectionException e = refused(new HoldUnits(Sku.of("NOPE"), 1, ANA.because("x")), RejectionCode.UNKNOWN_ITEM);
    assertThat(e.value()).contains("NOPE");
  }

  @Test
  void unknownListing() {
    refused(new ChangeListingStatus(ListingId.of("missing"), SyncStatus.LIVE, Optional.empty(), ANA),
        RejectionCode.UNKNOWN_LISTING);
  }

  @Test
  void unknownOrder() {
    refused(new CancelOrder(OrderId.of("missing"), ANA), RejectionCode.UNKNOWN_ORDER);
  }

  @Test
  void duplicateSku() {
    f.intake("A-1", 1);
    refused(new IntakeItem(details("a-1").build(), 1, ItemStatus.READY_TO_LIST, ANA), RejectionCode.DUPLICATE_SKU);
  }

  @Test
  void duplicateExternalId_forListings() {
    f.intake("A-1", 1);
    f.intake("B-1", 1);
    f.run(new CreateListing(Sku.of("A-1"), Fixture.listing(Channel.EBAY).externalId("123456789012").build(),
        SyncStatus.DRAFT, ANA));
    refused(new CreateListing(Sku.of("B-1"), Fixture.listing(Channel.EBAY).externalId("123456789012").build(),
        SyncStatus.DRAFT, ANA), RejectionCode.DUPLICATE_EXTERNAL_ID);
  }

  @Test
  void duplicateExternalId_forOrdersWithoutProviderIds() {
    f.intake("A-1", 2);
    f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA));
    refused(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, ANA), RejectionCode.DUPLICATE_EXTERNAL_ID);
  }

  @Test
  void itemArchived_refusesChanges() {
    f.intake("A-1", 0);
    f.run(new ArchiveItem(Sku.of("A-1"), ANA));
    refused(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("found")), RejectionCode.ITEM_ARCHIVED);
  }

  @Test
  void illegalItemStatusTransition_namesBothStates() {
    f.intake("A-1", 1);
    f.run(new ChangeItemStatus(Sku.of("A-1"), ItemStatus.HELD, ANA));
    RejectionException e = refused(new ChangeItemStatus(Sku.of("A-1"), ItemStatus.SOLD, ANA),
        RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION);
    assertThat(e.getMessage()).contains("HELD").contains("SOLD");
  }

  @Test
  void illegalItemStatusTransition_outOfInspectionWhileUnitsWait() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    f.run(new RequestReturn(order, Instant.parse("2026-12-01T00:00:00Z"), ANA));
    f.run(new ReceiveReturn(order, Sku.of("A-1"), 1, ANA));
    refused(new ChangeItemStatus(Sku.of("A-1"), ItemStatus.READY_TO_LIST, ANA),
        RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION);
  }

  @Test
  void illegalItemStatusTransition_archivingWhileUnitsNeedWork() {
    f.intake("A-1", 2);
    RejectionException e = refused(new ArchiveItem(Sku.of("A-1"), ANA), RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION);
    assertThat(e.getMessage()).contains("2 units are AVAILABLE");
    f.run(new MarkDamaged(Sku.of("A-1"), 2, Bucket.AVAILABLE, ANA));
    f.run(new ArchiveItem(Sku.of("A-1"), ANA));
    assertThat(f.item("A-1").archived()).isTrue();
  }

  @Test
  void illegalListingStatusTransition_namesBothStates() {
    f.intake("A-1", 1);
    ListingId listing = f.list("A-1", Channel.EBAY, SyncStatus.DRAFT);
    RejectionException e = refused(new ChangeListingStatus(listing, SyncStatus.SOLD, Optional.empty(), ANA),
        RejectionCode.ILLEGAL_LISTING_STATUS_TRANSITION);
    assertThat(e.getMessage()).contains("DRAFT").contains("SOLD");
  }

  @Test
  void illegalOrderStatusTransition_namesBothStates() {
    f.intake("A-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    RejectionException e = refused(new CancelOrder(order, ANA), RejectionCode.ILLEGAL_ORDER_STATUS_TRANSITION);
    assertThat(e.getMessage()).contains("SHIPPED").contains("CANCELLED");
  }

  @Test
  void notInOrder_whenReturningMoreThanWasHandedOver() {
    f.intake("A-1", 2);
    OrderId order = f.shippedOrder("A-1", 1);
    f.run(new RequestReturn(order, Instant.parse("2026-12-01T00:00:00Z"), ANA));
    RejectionException e = refused(new ReceiveReturn(order, Sku.of("A-1"), 2, ANA), RejectionCode.NOT_IN_ORDER);
    assertThat(e.getMessage()).contains("only 1");
  }

  @Test
  void notInOrder_whenTheSkuIsNotOnTheOrder() {
    f.intake("A-1", 1);
    f.intake("B-1", 1);
    OrderId order = f.shippedOrder("A-1", 1);
    f.run(new RequestReturn(order, Instant.parse("2026-12-01T00:00:00Z"), ANA));
    refused(new ReceiveReturn(order, Sku.of("B-1"), 1, ANA), RejectionCode.NOT_IN_ORDER);
  }

  @Test
  void insufficientUnits_neverLetsAnOnHandBucketGoNegative() {
    f.intake("A-1", 1);
    RejectionException e = refused(new AdjustQuantity(Sku.of("A-1"), -2, ANA.because("recount")),
        RejectionCode.INSUFFICIENT_UNITS);
    assertThat(e.getMessage()).contains("has 1 AVAILABLE");
    refused(new ReleaseUnits(Sku.of("A-1"), 1, ANA), RejectionCode.INSUFFICIENT_UNITS);
    assertThat(f.units("A-1", Bucket.AVAILABLE)).isEqualTo(1);
  }

  @Test
  void photosRequired_toPublishAValuableItemWithoutCompletePhotos() {
    f.run(new IntakeItem(details("RARE-1").photoStatus(PhotoStatus.PARTIAL).estimatedValue(usd("450.00")).build(),
        1, ItemStatus.READY_TO_LIST, ANA));
    RejectionException e = refused(new CreateListing(Sku.of("RARE-1"), Fixture.listing(Channel.EBAY).build(),
        SyncStatus.LIVE, ANA), RejectionCode.PHOTOS_REQUIRED);
    assertThat(e.getMessage()).contains("450.00 USD").contains("100.00 USD");
  }

  @Test
  void photosNotRequired_belowTheThreshold() {
    f.run(new IntakeItem(details("CHEAP-1").photoStatus(PhotoStatus.NONE).estimatedValue(usd("20.00")).build(),
        1, ItemStatus.READY_TO_LIST, ANA));
    f.run(new CreateListing(Sku.of("CHEAP-1"), Fixture.listing(Channel.EBAY).build(), SyncStatus.LIVE, ANA));
    assertThat(f.item("CHEAP-1").status()).isEqualTo(ItemStatus.LISTED);
  }

  @Test
  void idempotencyConflict_sameProviderEventWithDifferentContent() {
    f.intake("A-1", 3);
    Origin delivery = Origin.webhook("ebay", "ntf-1", Fixture.NOW);
    f.run(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 1, delivery));
    refused(Fixture.channelSale(Channel.EBAY, "E-1", "A-1", 2, delivery), RejectionCode.IDEMPOTENCY_CONFLICT);
  }

  @Test
  void concurrentModification_afterRetriesAreExhausted() {
    InMemoryLedgerStore inner = new InMemoryLedgerStore();
    Fixture seeded = new Fixture(inner, WorkspaceId.of("shop"));
    seeded.intake("A-1", 1);
    var alwaysLoses = new ForwardingStore(inner) {
      @Override
      public void commit(org.resellledger.core.store.Commit commit) {
        throw new ConcurrencyException("another writer got there first");
      }
    };
    Ledger ledger = Ledger.open(alwaysLoses, WorkspaceId.of("shop"), LedgerConfig.defaults().withMaxRetries(2));
    COVERED.add(RejectionCode.CONCURRENT_MODIFICATION);
    RejectionException e = org.assertj.core.api.Assertions.catchThrowableOfType(RejectionException.class,
        () -> ledger.execute(new AdjustQuantity(Sku.of("A-1"), 1, ANA.because("found"))));
    assertThat(e.code()).isEqualTo(RejectionCode.CONCURRENT_MODIFICATION);
    assertThat(e.getMessage()).contains("3 optimistic-concurrency races").contains("another writer got there first");
  }

  @Test
  void precedence_theFirstFailingRuleInCodeOrderIsReported() {
    // unknown SKU and no reason: REASON_REQUIRED comes before UNKNOWN_ITEM
    refused(new AdjustQuantity(Sku.of("NOPE"), -1, ANA), RejectionCode.REASON_REQUIRED);
    // archived and not enough units: ITEM_ARCHIVED comes before INSUFFICIENT_UNITS
    f.intake("A-1", 0);
    f.run(new ArchiveItem(Sku.of("A-1"), ANA));
    refused(new HoldUnits(Sku.of("A-1"), 5, ANA.because("x")), RejectionCode.ITEM_ARCHIVED);
  }

  @Test
  void inboxCodes_refuseAnUnknownEntry_andAnIllegalMove() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    WorkspaceId ws = WorkspaceId.of("codes");
    org.resellledger.core.inbox.InboxEntryId id = org.resellledger.core.inbox.InboxEntryId.of("in-1");
    RejectionException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> store.park(ws, id, "no listing"), RejectionException.class);
    assertThat(unknown.code()).isEqualTo(RejectionCode.UNKNOWN_INBOX_ENTRY);
    COVERED.add(unknown.code());

    store.receive(ws, id, org.resellledger.core.inbox.InboxFixture.shopify("orders/create", "ev-1", "{}"));
    store.markApplied(ws, id, List.of());
    RejectionException illegal = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> store.park(ws, id, "no listing"), RejectionException.class);
    assertThat(illegal.code()).isEqualTo(RejectionCode.ILLEGAL_INBOX_TRANSITION);
    assertThat(illegal.field()).isEqualTo("state");
    COVERED.add(illegal.code());
  }

  @Test
  void channelCodes_refuseASecondListingForAChannelId_andMatchingAnEntryThatIsNotParked() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    WorkspaceId ws = WorkspaceId.of("codes");
    var ref = org.resellledger.core.channel.ChannelRef.of(org.resellledger.core.listing.Channel.SHOPIFY, "variant", "1");
    var at = java.time.Instant.parse("2026-03-01T10:00:00Z");
    var ana = org.resellledger.core.ledger.Actor.person("ana");
    store.link(ws, new org.resellledger.core.channel.ChannelLink(ref, org.resellledger.core.listing.ListingId.of("l-1"), ana, at));
    RejectionException taken = org.assertj.core.api.Assertions.catchThrowableOfType(() -> store.link(ws,
        new org.resellledger.core.channel.ChannelLink(ref, org.resellledger.core.listing.ListingId.of("l-2"), ana, at)),
        RejectionException.class);
    assertThat(taken.code()).isEqualTo(RejectionCode.CHANNEL_ID_TAKEN);
    assertThat(taken.getMessage()).contains("l-1");
    COVERED.add(taken.code());

    Ledger ledger = Ledger.open(store, ws);
    var id = org.resellledger.core.inbox.InboxEntryId.of("in-1");
    store.receive(ws, id, org.resellledger.core.inbox.InboxFixture.shopify("orders/create", "ev-1", "{}"));
    var processor = org.resellledger.core.channel.InboxProcessor.of(ledger, store, store, List.of());
    RejectionException notParked = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> processor.matchByHand(id, org.resellledger.core.listing.ListingId.of("l-1"), ana), RejectionException.class);
    assertThat(notParked.code()).isEqualTo(RejectionCode.NOT_MATCHABLE);
    assertThat(notParked.getMessage()).contains("RECEIVED");
    COVERED.add(notParked.code());
  }

  // ---- the proposal lane (ProposalRulesTest has each abuse case in full) ------------------------------

  private static void refusedIn(Fixture fx, Object command, RejectionCode code) {
    COVERED.add(code);
    fx.refused((org.resellledger.core.command.Command) command, code);
  }

  @Test
  void proposalCodes_eachAbuseRefusedWithItsOwnCode() {
    ProposalSetup s = new ProposalSetup();
    Fixture fx = s.f;
    fx.intake("P-1", 3);
    var agent = ProposalSetup.AGENT;
    var maya = ProposalSetup.MAYA;
    var system = org.resellledger.core.ledger.Origin.of(org.resellledger.core.ledger.Source.SYSTEM_RULE,
        org.resellledger.core.ledger.Actor.system("auto-approval"));
    var count = new org.resellledger.core.proposal.ProposalCommand.DraftProposal(
        org.resellledger.core.proposal.ProposalKind.ADJUST_FROM_COUNT,
        org.resellledger.core.proposal.ProposalTarget.item(Sku.of("P-1")), java.util.Map.of("counted", "2"),
        ProposalSetup.evidence(), agent);
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.ApplyProposal(
        org.resellledger.core.proposal.ProposalId.of("nope"), maya), RejectionCode.UNKNOWN_PROPOSAL);
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.DraftProposal(count.kind(), count.target(),
        count.params(), org.resellledger.core.proposal.Evidence.none(), agent), RejectionCode.EVIDENCE_REQUIRED);
    var id = s.draft(count);
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.ApplyProposal(id, maya), RejectionCode.NOT_APPROVED);
    var own = s.draft(new org.resellledger.core.proposal.ProposalCommand.DraftProposal(count.kind(), count.target(),
        count.params(), count.evidence(), Fixture.ANA));
    refusedIn(fx, s.approval(own, Fixture.ANA), RejectionCode.SELF_APPROVAL);
    refusedIn(fx, s.approval(id, org.resellledger.core.ledger.Origin.of(org.resellledger.core.ledger.Source.AGENT,
        org.resellledger.core.ledger.Actor.agent("other"))), RejectionCode.APPROVER_NOT_A_PERSON);
    refusedIn(fx, s.approval(id, system), RejectionCode.AUTO_APPROVAL_OFF);
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.ApproveProposal(id, "0".repeat(64), maya),
        RejectionCode.PROPOSAL_CHANGED);
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.RetryProposal(id, maya),
        RejectionCode.ILLEGAL_PROPOSAL_TRANSITION);
    s.approve(id, maya);
    refusedIn(fx, s.approval(id, Fixture.ANA), RejectionCode.APPROVAL_REPLAYED);
    s.clock.advance(java.time.Duration.ofDays(2));
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.ApplyProposal(id, maya), RejectionCode.APPROVAL_EXPIRED);

    var moved = s.draft(count);
    s.approve(moved, maya);
    fx.run(new HoldUnits(Sku.of("P-1"), 1, ANA.because("photos")));
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.ApplyProposal(moved, maya), RejectionCode.TARGET_MOVED);

    var applied = s.draft(count);
    s.approve(applied, maya);
    fx.run(new org.resellledger.core.proposal.ProposalCommand.ApplyProposal(applied, maya));
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.ApplyProposal(applied, maya), RejectionCode.ALREADY_APPLIED);
    refusedIn(fx, new org.resellledger.core.proposal.ProposalCommand.RejectProposal(applied, "late", maya),
        RejectionCode.PROPOSAL_CLOSED);

    ProposalSetup auto = new ProposalSetup(org.resellledger.core.proposal.ProposalPolicy.defaults()
        .withAutoApprove(java.util.Set.of(org.resellledger.core.proposal.ProposalKind.SET_LISTING_QUANTITY)));
    auto.f.intake("P-2", 1);
    var listing = auto.live("P-2", org.resellledger.core.listing.Channel.POSHMARK, 1);
    var risky = auto.draft(auto.setQuantity(listing, 4, agent));
    refusedIn(auto.f, auto.approval(risky, system), RejectionCode.RISKY_AUTO_APPROVAL);
  }

  // ---- buyer messages (BuyerMessagesTest and MessageTransitionsTest have each case in full) ----------------

  @Test
  void messageCodes_unknownMessageAndAnIllegalMove() {
    ProposalSetup s = new ProposalSetup();
    s.f.intake("M-1", 1);
    var order = s.f.sell("M-1", 1);
    refusedIn(s.f, new org.resellledger.core.message.MessageCommand.DraftBuyerReply(
        org.resellledger.core.message.BuyerMessageId.of("nope"), "Hi", ProposalSetup.AGENT),
        RejectionCode.UNKNOWN_MESSAGE);
    var id = s.f.run(BuyerMessagesTest.message("m-1", Optional.of(order), "Shipped?", Fixture.NOW)).messageId()
        .orElseThrow();
    s.f.run(new org.resellledger.core.message.MessageCommand.CloseMessage(id, "answered by phone", ProposalSetup.MAYA));
    refusedIn(s.f, new org.resellledger.core.message.MessageCommand.DraftBuyerReply(id, "Hi", ProposalSetup.AGENT),
        RejectionCode.ILLEGAL_MESSAGE_TRANSITION);
  }

  // ---- physical counts (CountSessionContract has each case in full) ----------------------------------------

  @Test
  void countCodes_aSecondOpenSession_aClosedSession_anUnknownSession() {
    f.intake("A-1", 2);
    var garage = org.resellledger.core.item.StorageLocation.of("GARAGE");
    var session = org.resellledger.core.count.CountSessionId.of(
        f.run(new org.resellledger.core.count.CountCommand.OpenCount(garage, ANA)).events().get(0).stream().id());
    RejectionException open = refused(new org.resellledger.core.count.CountCommand.OpenCount(garage, ANA),
        RejectionCode.COUNT_ALREADY_OPEN);
    assertThat(open.getMessage()).contains(session.value()).contains("GARAGE");
    f.run(new org.resellledger.core.count.CountCommand.CloseCount(session, ANA));
    refused(new org.resellledger.core.count.CountCommand.RecordCount(session, Sku.of("A-1"), 1, ANA),
        RejectionCode.COUNT_CLOSED);
    refused(new org.resellledger.core.count.CountCommand.CloseCount(
        org.resellledger.core.count.CountSessionId.of("nope"), ANA), RejectionCode.UNKNOWN_COUNT);
  }
}
