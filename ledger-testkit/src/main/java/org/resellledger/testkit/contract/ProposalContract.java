package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.order.OrderCommand.RecordChannelSale;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.outbox.Outbox;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StreamState;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.outbox.FakeChannel;
import org.resellledger.testkit.outbox.MovingClock;

/**
 * What every store must do for the proposal lane: the proposals group of {@link LedgerStoreContract}. It
 * keeps proposal and outbox-queue streams with their keys, answers {@code streamsWithKeyPrefix} exactly
 * (prefixes taken literally, values in {@link String#compareTo} order, per workspace), and carries the whole
 * loop: a sale's sync proposals, an approval, the outbox's write, the local listing after it.
 */
public abstract class ProposalContract {

  /** The store under test. */
  protected abstract LedgerStore store();

  /** A workspace of this test only. */
  protected abstract WorkspaceId ws();

  /** A second workspace of this test only. */
  protected abstract WorkspaceId otherWs();

  private final MovingClock clock = new MovingClock(Samples.NOW);

  private Ledger ledger(WorkspaceId ws, ProposalPolicy policy) {
    return Ledger.open(store(), ws, LedgerConfig.defaults().withClock(clock).withIds(IdGenerator.sequential("pc-"))
        .withProposals(policy));
  }

  private static ListingId live(Ledger ledger, String sku, Channel channel, int listed) {
    return ledger.execute(new CreateListing(Sku.of(sku), ListingDetails.builder().channel(channel).title("Jacket")
        .price(Samples.usd("60.00")).listedQuantity(listed).build(), SyncStatus.LIVE, Origin.manual("ana")))
        .listingId().orElseThrow();
  }

  private static CommandResult sale(Ledger ledger, String sku, ListingId through, String orderId) {
    return ledger.execute(new RecordChannelSale(Channel.EBAY, orderId,
        List.of(new SaleLine(Sku.of(sku), Optional.of(through), 1, Samples.usd("60.00"))), Samples.usd("6.00"),
        Samples.usd("0.00"), OrderStatus.PAID, Origin.manual("ana")));
  }

  @Test
  void aSalesSyncProposals_areStoredWithTheirKeys_andReplayAndRebuildEqual() {
    Ledger ledger = ledger(ws(), ProposalPolicy.defaults());
    ProposalBook book = ProposalBook.of(ledger, store());
    ledger.execute(Samples.intake("JKT", 2));
    ListingId ebay = live(ledger, "JKT", Channel.EBAY, 2);
    ListingId poshmark = live(ledger, "JKT", Channel.POSHMARK, 2);

    CommandResult first = sale(ledger, "JKT", ebay, "E-1");
    CommandResult second = sale(ledger, "JKT", ebay, "E-2");

    assertThat(first.proposals()).hasSize(2);
    assertThat(book.syncOf(poshmark)).extracting(Proposal::kind).containsExactly(ProposalKind.END_LISTING);
    Proposal superseded = book.require(first.proposals().get(1));
    assertThat(superseded.state()).isEqualTo(ProposalState.SUPERSEDED);
    assertThat(book.pending(100)).hasSize(2).allSatisfy(p -> assertThat(second.proposals()).contains(p.id()));
    assertThat(store().stream(ws(), ProposalStreams.of(superseded.id()))).hasSize(2);
    assertThat(ledger.replayMatchesProjections()).isTrue();
    StreamState before = store().state(ws(), ProposalStreams.of(superseded.id())).orElseThrow();
    ledger.rebuildProjections();
    assertThat(store().state(ws(), ProposalStreams.of(superseded.id()))).contains(before);
    assertThat(book.syncOf(poshmark)).hasSize(1);
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void theLoop_approvalOutboxWriteAndLocalListing_onThisStore() {
    Ledger ledger = ledger(ws(), ProposalPolicy.defaults());
    ProposalBook book = ProposalBook.of(ledger, store());
    ledger.execute(Samples.intake("JKT", 1));
    ListingId ebay = live(ledger, "JKT", Channel.EBAY, 1);
    ListingId poshmark = live(ledger, "JKT", Channel.POSHMARK, 1);
    sale(ledger, "JKT", ebay, "E-1");
    Proposal end = book.syncOf(poshmark).get(0);
    FakeChannel channel = FakeChannel.keepingKeys().crashAfterWrite();

    ledger.execute(new ApproveProposal(end.id(), end.digest(), Origin.manual("maya")));
    assertThat(book.outbox(poshmark.value())).extracting(Proposal::id).containsExactly(end.id());
    try {
      Outbox.of(ledger, store(), channel, new Random(1)).runDue(10);
    } catch (FakeChannel.Crash crash) {
      // the process died after the channel made the change
    }
    clock.advance(Duration.ofHours(1));
    Outbox.of(ledger, store(), channel, new Random(2)).runDue(10);

    assertThat(channel.effects()).isEqualTo(1);
    assertThat(book.require(end.id()).state()).isEqualTo(ProposalState.APPLIED);
    assertThat(book.outbox(poshmark.value())).isEmpty();
    assertThat(ledger.listing(poshmark).orElseThrow().status()).isEqualTo(SyncStatus.ENDED);
    assertThat(book.queue(poshmark.value()).writesOn(java.time.LocalDate.of(2026, 3, 1))).isEqualTo(2);
    assertThat(ledger.replayMatchesProjections()).isTrue();
  }

  @Test
  void aProposalsState_readsBackWhole() {
    Ledger ledger = ledger(ws(), ProposalPolicy.defaults());
    ledger.execute(Samples.intake("JKT", 3));
    ListingId poshmark = live(ledger, "JKT", Channel.POSHMARK, 1);
    ProposalId id = ledger.execute(new DraftProposal(ProposalKind.CHANGE_LISTING_PRICE,
        ProposalTarget.listing(poshmark), Map.of("price", "9.99", "currency", "USD"),
        Evidence.of("comparables — 相場", List.of(), Map.of("comparable.median", "12.00 USD", "days.listed", "45")),
        Origin.manual("ana").causedBy("repricing-run-7"))).proposals().get(0);
    ledger.execute(new ApproveProposal(id, ProposalBook.of(ledger, store()).require(id).digest(),
        Origin.manual("maya")));

    StreamState stored = store().state(ws(), ProposalStreams.of(id)).orElseThrow();
    Proposal replayed = org.resellledger.core.Projector.replay(store().stream(ws(), ProposalStreams.of(id)));
    assertThat(stored.state()).isEqualTo(replayed);
    Proposal p = (Proposal) stored.state();
    assertThat(p.risks()).isNotEmpty();
    assertThat(p.causation()).contains("repricing-run-7");
    assertThat(p.outbox().orElseThrow().channel()).isEqualTo(Channel.POSHMARK);
  }

  @Test
  void streamsWithKeyPrefix_takesThePrefixLiterally_ordersByValue_andStaysInItsWorkspace() {
    org.resellledger.core.store.StreamTypes.register(TallyStream.TYPE);
    Facts facts = new Facts(ws());
    List<String> names = List.of("r_2", "rx1", "r%1", "r_1", "s_1");
    for (int i = 0; i < names.size(); i++) {
      store().commit(facts.tally("ev-" + i, "t-" + i, 1, names.get(i), 1, null));
    }
    store().commit(new Facts(otherWs()).tally("ev-9", "t-9", 1, "r_1", 1, null));

    assertThat(values(ws(), "r", 100)).containsExactly("r%1", "r_1", "r_2", "rx1");
    assertThat(values(ws(), "r%", 100)).as("% is a plain character").containsExactly("r%1");
    assertThat(values(ws(), "r_", 100)).as("_ is a plain character").containsExactly("r_1", "r_2");
    assertThat(values(ws(), "", 100)).containsExactly("r%1", "r_1", "r_2", "rx1", "s_1");
    assertThat(values(ws(), "r", 2)).as("the first by value").containsExactly("r%1", "r_1");
    assertThat(values(otherWs(), "r", 100)).containsExactly("r_1");
    assertThat(store().streamsWithKeyPrefix(ws(), TallyStream.KIND, "other-name", "", 100)).isEmpty();
    assertThat(store().streamsWithKeyPrefix(ws(), TallyStream.KIND, "name", "r%1", 10))
        .extracting(KeyedStream::stream).containsExactly(new StreamId(TallyStream.KIND, "t-2"));
  }

  private List<String> values(WorkspaceId ws, String prefix, int limit) {
    return store().streamsWithKeyPrefix(ws, TallyStream.KIND, "name", prefix, limit).stream()
        .map(k -> k.key().value()).toList();
  }
}
