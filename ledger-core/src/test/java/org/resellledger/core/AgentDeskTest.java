package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.proposal.AgentDesk;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;

/** The agent's desk: it reads context and drafts with evidence; it cannot approve or apply. */
class AgentDeskTest {
  final ProposalSetup s = new ProposalSetup();
  final Fixture f = s.f;
  final AgentDesk desk = AgentDesk.of(f.ledger, f.store, "repricer");

  @Test
  void context_ofItemListingAndOrder_withOpenExceptionsAndProposals() {
    f.intake("JKT", 1);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 1);
    OrderId first = f.sell("JKT", 1);
    OrderId second = f.sell("JKT", 1);

    AgentDesk.ItemContext item = desk.item(Sku.of("JKT"));
    assertThat(item.item().available()).isZero();
    assertThat(item.history()).isNotEmpty();
    assertThat(item.conflicts()).as("the double sale is an open exception").hasSize(1);
    assertThat(item.proposals()).extracting(Proposal::kind).containsExactly(ProposalKind.END_LISTING);

    AgentDesk.ListingContext listing = desk.listing(poshmark);
    assertThat(listing.item().sku()).isEqualTo(Sku.of("JKT"));
    assertThat(listing.history()).extracting(e -> (Object) e.payload().getClass())
        .contains(ListingFact.ListingCreated.class);
    assertThat(listing.proposals()).hasSize(1);

    assertThat(desk.order(first).shortfall()).isFalse();
    assertThat(desk.order(second).shortfall()).isTrue();
    assertThat(desk.order(second).history()).isNotEmpty();
  }

  @Test
  void aDraft_isTheAgents_andMustCarryEvidence() {
    f.intake("JKT", 2);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 1);
    var history = desk.listing(poshmark).history();

    RejectionException none = catchThrowableOfType(RejectionException.class, () -> desk.draft(
        ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(poshmark), Map.of("price", "22.00", "currency", "USD"),
        Evidence.none(), Optional.empty()));
    assertThat(none.code()).isEqualTo(RejectionCode.EVIDENCE_REQUIRED);

    ProposalId id = desk.draft(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(poshmark),
        Map.of("price", "22.00", "currency", "USD"),
        Evidence.of("no sale in 40 days", List.of(history.get(0).id()), Map.of("days.listed", "40")),
        Optional.of("repricing-run-1"));
    Proposal p = s.proposal(id);
    assertThat(p.author()).isEqualTo(Actor.agent("repricer"));
    assertThat(p.state()).isEqualTo(ProposalState.PENDING);
    assertThat(p.causation()).contains("repricing-run-1");
    assertThat(p.evidence().events()).containsExactly(history.get(0).id());
  }

  @Test
  void theDesk_cannotApproveOrApply_andAnAgentsApprovalIsRefused() {
    assertThat(Arrays.stream(AgentDesk.class.getMethods()).map(m -> m.getName().toLowerCase()))
        .noneMatch(n -> n.contains("approve") || n.contains("apply") || n.contains("reject") || n.contains("execute"));
    f.intake("JKT", 2);
    ListingId poshmark = s.live("JKT", Channel.POSHMARK, 1);
    ProposalId id = desk.draft(ProposalKind.SET_LISTING_QUANTITY, ProposalTarget.listing(poshmark),
        Map.of("quantity", "2"), Evidence.of("2 on hand", List.of(), Map.of("item.available", "2")), Optional.empty());

    f.refused(new ApproveProposal(id, s.proposal(id).digest(), Origin.of(Source.AGENT, Actor.agent("repricer"))),
        RejectionCode.APPROVER_NOT_A_PERSON);
  }
}
