package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.AdjustQuantity;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.MarkDamaged;
import org.resellledger.core.item.ItemCommand.MarkLost;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.proposal.ProposalCommand.ReviseProposal;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderCommand.CancelOrder;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderItemFact;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;

/**
 * The sync rule: a change of available units drafts, in the same transaction, a proposal for every listing
 * that now offers more than is available, caused by (and naming) the fact; pending ones are coalesced.
 */
class SyncProposalsTest {
  final ProposalSetup s = new ProposalSetup();
  final Fixture f = s.f;

  private CommandResult ebaySale(ListingId through, int quantity, String orderId) {
    return f.run(new RecordChannelSale(Channel.EBAY, orderId,
        List.of(new SaleLine(Sku.of("JKT"), Optional.of(through), quantity, Fixture.usd("40.00"))), Fixture.usd("4.00"),
        Fixture.usd("0.00"), OrderStatus.PAID, Fixture.ANA));
  }

  private static LedgerEvent saleEvent(CommandResult r) {
    return r.events().stream().filter(e -> e.payload() instanceof OrderItemFact.ChannelSaleRecorded).findFirst()
        .orElseThrow();
  }

  private List<Proposal> open(ListingId listing) {
    return s.book.syncOf(listing);
  }

  @Test
  void aSaleOnEbay_draftsProposalsForTheOtherListings_inTheSameCommit_namingTheSale() {
    f.intake("JKT", 2);
    ListingId ebay = s.live("JKT", Channel.EBAY, 2);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 2);
    ListingId mercari = s.live("JKT", Channel.MERCARI, 1);

    CommandResult sale = ebaySale(ebay, 1, "E-1");

    LedgerEvent fact = saleEvent(sale);
    assertThat(sale.proposals()).as("drafted by the sale's own command").hasSize(2);
    Proposal toPoshmark = open(poshmark).get(0);
    assertThat(toPoshmark.kind()).isEqualTo(ProposalKind.SET_LISTING_QUANTITY);
    assertThat(toPoshmark.params()).containsEntry("quantity", "1");
    assertThat(toPoshmark.causation()).contains(fact.id().value());
    assertThat(toPoshmark.evidence().events()).containsExactly(fact.id());
    assertThat(toPoshmark.evidence().figures()).containsEntry("item.available", "1")
        .containsEntry("cause.kind", "ChannelSaleRecorded");
    assertThat(toPoshmark.author()).isEqualTo(Actor.system("sync"));
    assertThat(toPoshmark.channel()).contains(Channel.POSHMARK);
    assertThat(toPoshmark.state()).isEqualTo(ProposalState.PENDING);
    assertThat(open(ebay)).as("the local record of the sold-through listing is above what is available too")
        .hasSize(1);
    assertThat(open(mercari)).as("a listing that fits gets nothing").isEmpty();
    assertThat(f.ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void theLastUnitSold_endsEveryListing_andCoalescesThePendingOnes() {
    f.intake("JKT", 2);
    ListingId ebay = s.live("JKT", Channel.EBAY, 2);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 2);
    ListingId mercari = s.live("JKT", Channel.MERCARI, 1);
    ebaySale(ebay, 1, "E-1");
    ProposalId lower = open(poshmark).get(0).id();

    CommandResult second = ebaySale(ebay, 1, "E-2");

    assertThat(second.proposals()).hasSize(3);
    for (ListingId listing : List.of(ebay, poshmark, mercari)) {
      assertThat(open(listing)).as("one open sync proposal per listing").hasSize(1);
      assertThat(open(listing).get(0).kind()).isEqualTo(ProposalKind.END_LISTING);
      assertThat(open(listing).get(0).causation()).contains(saleEvent(second).id().value());
    }
    Proposal old = s.proposal(lower);
    assertThat(old.state()).isEqualTo(ProposalState.SUPERSEDED);
    assertThat(old.supersededBy()).contains(open(poshmark).get(0).id());
  }

  @Test
  void aPendingLoweringStaysOpen_whenTheWriteInFlightWouldStillOfferMoreThanIsAvailable() {
    // found by the simulator (OFFERED_ABOVE_AVAILABLE): the pending END was closed as "no longer needed"
    // because the listing's own figure fit, while the write already started would put it back up to 1
    f.intake("JKT", 1);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 10);
    ProposalId toOne = open(poshmark).get(0).id();
    s.approve(toOne, ProposalSetup.MAYA);
    f.run(new StartWrite(toOne, 1, Fixture.NOW.plus(java.time.Duration.ofMinutes(5)),
        Origin.of(Source.SYSTEM_RULE, Actor.system("outbox"))));
    f.run(new MarkLost(Sku.of("JKT"), 1, Bucket.AVAILABLE, Fixture.ANA.because("not on the shelf")));
    ProposalId end = open(poshmark).stream().filter(p -> p.state() == ProposalState.PENDING).findFirst()
        .orElseThrow().id();
    assertThat(s.proposal(end).kind()).isEqualTo(ProposalKind.END_LISTING);

    Listing listing = f.ledger.listing(poshmark).orElseThrow();
    f.run(new ChangeListing(poshmark, ListingDetails.builder().from(listing.details()).listedQuantity(0).build(),
        Fixture.ANA));

    assertThat(s.proposal(end).state()).as("the write of 'set to 1' is still going out: ending it is still needed")
        .isEqualTo(ProposalState.PENDING);
    assertThat(s.proposal(toOne).state()).isEqualTo(ProposalState.APPLYING);
  }

  @Test
  void revisingAnApprovedWriteBackToPending_supersedesTheOtherPendingOne_soAListingHasOneIntention() {
    // found by the simulator (OFFERED_ABOVE_AVAILABLE): two pending sync proposals, and the next sale's rule
    // read the first as the listing's intention while the later one still asked for a unit that was gone
    f.intake("JKT", 1);
    ListingId etsy = s.live("JKT", Channel.ETSY, 6);
    CommandResult sale = ebaySale(s.live("JKT", Channel.EBAY, 1), 1, "E-1");
    ProposalId end = open(etsy).get(0).id();
    s.approve(end, ProposalSetup.MAYA);
    f.run(new CancelOrder(sale.orderId().orElseThrow(), Fixture.ANA));
    ProposalId setToOne = open(etsy).stream().filter(p -> p.state() == ProposalState.PENDING).findFirst()
        .orElseThrow().id();

    f.run(new ReviseProposal(end, java.util.Map.of(), ProposalSetup.evidence(), Fixture.ANA));

    assertThat(s.proposal(end).state()).isEqualTo(ProposalState.PENDING);
    assertThat(s.proposal(setToOne).state()).isEqualTo(ProposalState.SUPERSEDED);
    assertThat(s.proposal(setToOne).supersededBy()).contains(end);
    assertThat(open(etsy)).filteredOn(p -> p.state() == ProposalState.PENDING).extracting(Proposal::id)
        .containsExactly(end);
  }

  @Test
  void sameTarget_isNotDraftedTwice() {
    f.intake("JKT", 3);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 3);
    f.run(new HoldUnits(Sku.of("JKT"), 3, Fixture.ANA.because("photo shoot")));
    ProposalId end = open(poshmark).get(0).id();
    f.run(new MarkDamaged(Sku.of("JKT"), 1, Bucket.HELD, Fixture.ANA.because("torn")));
    assertThat(open(poshmark)).extracting(Proposal::id).containsExactly(end);
  }

  @Test
  void aCancellation_bringsUnitsBack_andClosesPendingProposalsNoLongerNeeded() {
    f.intake("JKT", 1);
    ListingId ebay = s.live("JKT", Channel.EBAY, 1);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 1);
    CommandResult sale = ebaySale(ebay, 1, "E-1");
    ProposalId end = open(poshmark).get(0).id();

    f.run(new CancelOrder(sale.orderId().orElseThrow(), Fixture.ANA));

    assertThat(s.proposal(end).state()).isEqualTo(ProposalState.SUPERSEDED);
    assertThat(s.proposal(end).note().orElseThrow()).contains("no longer needed");
    assertThat(open(poshmark)).isEmpty();
  }

  @Test
  void everyWayUnitsLeave_draftsSyncProposals() {
    f.intake("JKT", 6);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 6);
    List<Integer> targets = new java.util.ArrayList<>();
    f.run(new RecordLocalSale(List.of(new SaleLine(Sku.of("JKT"), Optional.empty(), 1, Fixture.usd("30.00"))),
        Fixture.ANA));
    targets.add(open(poshmark).get(0).targetQuantity().orElseThrow());
    f.run(new MarkDamaged(Sku.of("JKT"), 1, Bucket.AVAILABLE, Fixture.ANA.because("stain")));
    targets.add(open(poshmark).get(0).targetQuantity().orElseThrow());
    f.run(new MarkLost(Sku.of("JKT"), 1, Bucket.AVAILABLE, Fixture.ANA.because("missing")));
    targets.add(open(poshmark).get(0).targetQuantity().orElseThrow());
    f.run(new HoldUnits(Sku.of("JKT"), 1, Fixture.ANA.because("photos")));
    targets.add(open(poshmark).get(0).targetQuantity().orElseThrow());
    f.run(new AdjustQuantity(Sku.of("JKT"), -1, Fixture.ANA.because("recount")));
    targets.add(open(poshmark).get(0).targetQuantity().orElseThrow());

    assertThat(targets).containsExactly(5, 4, 3, 2, 1);
    assertThat(open(poshmark)).hasSize(1);
  }

  @Test
  void syncIsAPolicy_offMeansNoProposals() {
    ProposalSetup off = new ProposalSetup(ProposalPolicy.defaults().withSyncProposals(false));
    off.f.intake("JKT", 1);
    ListingId poshmark = off.live("JKT", Channel.POSHMARK, 1);
    off.f.sell("JKT", 1);
    assertThat(off.book.syncOf(poshmark)).isEmpty();
  }
}
