package org.resellledger.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.store.InMemoryLedgerStore;

/** A fixture for the proposal lane: a clock the test moves, a policy, listings with quantities. */
final class ProposalSetup {
  static final Origin MAYA = Origin.manual("maya");
  static final Origin AGENT = Origin.of(org.resellledger.core.ledger.Source.AGENT,
      org.resellledger.core.ledger.Actor.agent("repricer"));

  /** A clock that stands still until the test moves it. */
  static final class MovingClock extends Clock {
    Instant now = Fixture.NOW;

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  final MovingClock clock = new MovingClock();
  final Fixture f;
  final ProposalBook book;

  ProposalSetup() {
    this(ProposalPolicy.defaults());
  }

  ProposalSetup(ProposalPolicy policy) {
    LedgerConfig defaults = LedgerConfig.defaults();
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    f = new Fixture(store, WorkspaceId.of("shop"), new LedgerConfig(clock, IdGenerator.sequential("p-"),
        defaults.photoThresholds(), defaults.maxRetries(), policy));
    book = ProposalBook.of(f.ledger, store);
  }

  ListingId live(String sku, Channel channel, int listed) {
    return f.run(new CreateListing(Sku.of(sku), Fixture.listing(channel).listedQuantity(listed).build(),
        SyncStatus.LIVE, Fixture.ANA)).listingId().orElseThrow();
  }

  static Evidence evidence() {
    return Evidence.of("the count says so", List.of(), Map.of("counted", "1"));
  }

  DraftProposal setQuantity(ListingId listing, int quantity, Origin by) {
    return new DraftProposal(ProposalKind.SET_LISTING_QUANTITY, ProposalTarget.listing(listing),
        Map.of("quantity", Integer.toString(quantity)), evidence(), by);
  }

  ProposalId draft(DraftProposal draft) {
    return f.run(draft).proposals().get(0);
  }

  Proposal proposal(ProposalId id) {
    return book.require(id);
  }

  ApproveProposal approval(ProposalId id, Origin by) {
    return new ApproveProposal(id, proposal(id).digest(), by);
  }

  void approve(ProposalId id, Origin by) {
    f.run(approval(id, by));
  }
}
