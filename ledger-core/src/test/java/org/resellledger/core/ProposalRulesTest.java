package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.ProposalSetup.AGENT;
import static org.resellledger.core.ProposalSetup.MAYA;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalCommand.ApplyProposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.ReviseProposal;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.RiskFlag;

/**
 * The approval rules, abuse case by abuse case: each refused with its own code, changing nothing (the
 * fixture previews each refused command and checks the store is as before).
 */
class ProposalRulesTest {
  final ProposalSetup s = new ProposalSetup();
  final Fixture f = s.f;
  static final Origin SYSTEM = Origin.of(Source.SYSTEM_RULE, Actor.system("auto-approval"));

  private ProposalId countProposal(String sku, int counted, Origin by) {
    return s.draft(new DraftProposal(ProposalKind.ADJUST_FROM_COUNT, ProposalTarget.item(Sku.of(sku)),
        Map.of("counted", Integer.toString(counted)), ProposalSetup.evidence(), by));
  }

  private ApplyProposal apply(ProposalId id) {
    return new ApplyProposal(id, MAYA);
  }

  @Test
  void apply_whenNotApproved_isRefusedNotApproved() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, AGENT);
    f.refused(apply(id), RejectionCode.NOT_APPROVED);
  }

  @Test
  void approve_byAnAgent_isRefused_evenAnotherAgentsProposal() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, Origin.manual("ana"));
    f.refused(s.approval(id, AGENT), RejectionCode.APPROVER_NOT_A_PERSON);
    f.refused(new RejectProposal(id, "no", AGENT), RejectionCode.APPROVER_NOT_A_PERSON);
  }

  @Test
  void approve_byItsAuthor_isRefusedSelfApproval() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, MAYA);
    f.refused(s.approval(id, MAYA), RejectionCode.SELF_APPROVAL);
  }

  @Test
  void apply_afterTheParametersChanged_isRefusedProposalChanged_andApprovalOfOldDigestToo() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, AGENT);
    String seen = s.proposal(id).digest();
    s.approve(id, MAYA);
    f.run(new ReviseProposal(id, Map.of("counted", "1"), ProposalSetup.evidence(), AGENT));

    assertThat(s.proposal(id).state()).isEqualTo(ProposalState.PENDING);
    assertThat(s.proposal(id).digest()).isNotEqualTo(seen);
    f.refused(apply(id), RejectionCode.PROPOSAL_CHANGED);
    f.refused(new ApproveProposal(id, seen, MAYA), RejectionCode.PROPOSAL_CHANGED);
    assertThat(f.item("A-1").available()).isEqualTo(3);
  }

  @Test
  void apply_afterTheTargetMoved_isRefused_andSettlingReplansInsteadOfForcing() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, AGENT);
    s.approve(id, MAYA);
    f.run(new HoldUnits(Sku.of("A-1"), 1, Fixture.ANA.because("photos")));

    f.refused(apply(id), RejectionCode.TARGET_MOVED);
    List<ProposalId> replanned = f.run(new SettleProposal(id, MAYA)).proposals();

    Proposal old = s.proposal(id);
    assertThat(old.state()).isEqualTo(ProposalState.SUPERSEDED);
    assertThat(old.supersededBy()).isEqualTo(Optional.of(replanned.get(0)));
    Proposal again = s.proposal(replanned.get(0));
    assertThat(again.state()).as("a re-planned proposal needs approval again").isEqualTo(ProposalState.PENDING);
    assertThat(again.params()).isEqualTo(old.params());
    assertThat(again.replaces()).contains(id);
    assertThat(f.item("A-1").available()).as("nothing forced").isEqualTo(2);
  }

  @Test
  void apply_afterTheApprovalExpired_isRefused_andSettlingExpiresIt() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, AGENT);
    s.approve(id, MAYA);
    s.clock.advance(ProposalPolicy.defaults().approvalTtl().plusSeconds(1));

    f.refused(apply(id), RejectionCode.APPROVAL_EXPIRED);
    f.run(new SettleProposal(id, MAYA));
    assertThat(s.proposal(id).state()).isEqualTo(ProposalState.EXPIRED);
    assertThat(f.item("A-1").available()).isEqualTo(3);
  }

  @Test
  void anApprovalReplayed_orAnApplyRepeated_hasExactlyOneEffect() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, AGENT);
    ApproveProposal approval = s.approval(id, MAYA);
    f.run(approval);
    f.refused(approval, RejectionCode.APPROVAL_REPLAYED);
    f.run(apply(id));
    f.refused(approval, RejectionCode.APPROVAL_REPLAYED);
    f.refused(apply(id), RejectionCode.ALREADY_APPLIED);

    assertThat(f.item("A-1").available()).isEqualTo(2);
    assertThat(s.proposal(id).state()).isEqualTo(ProposalState.APPLIED);
  }

  @Test
  void approve_ofARejectedOrSupersededProposal_isRefusedClosed() {
    f.intake("A-1", 3);
    ProposalId rejected = countProposal("A-1", 2, AGENT);
    f.run(new RejectProposal(rejected, "the count was wrong", MAYA));
    f.refused(s.approval(rejected, Origin.manual("ana")), RejectionCode.PROPOSAL_CLOSED);

    ProposalId moved = countProposal("A-1", 2, AGENT);
    s.approve(moved, Origin.manual("ana"));
    f.run(new HoldUnits(Sku.of("A-1"), 1, Fixture.ANA.because("photos")));
    f.run(new SettleProposal(moved, MAYA));
    assertThat(s.proposal(moved).state()).isEqualTo(ProposalState.SUPERSEDED);
    f.refused(new ApproveProposal(moved, s.proposal(moved).digest(), MAYA), RejectionCode.PROPOSAL_CLOSED);
  }

  @Test
  void draft_withoutEvidence_isRefused() {
    f.intake("A-1", 3);
    f.refused(new DraftProposal(ProposalKind.ADJUST_FROM_COUNT, ProposalTarget.item(Sku.of("A-1")),
        Map.of("counted", "2"), Evidence.none(), AGENT), RejectionCode.EVIDENCE_REQUIRED);
    f.refused(new DraftProposal(ProposalKind.ADJUST_FROM_COUNT, ProposalTarget.item(Sku.of("A-1")),
        Map.of("counted", "2"), Evidence.of("I just think so", List.of(), Map.of()), AGENT),
        RejectionCode.EVIDENCE_REQUIRED);
  }

  @Test
  void autoApproval_ofARiskyChange_isRefused_andNeverHappensByPolicy() {
    ProposalSetup auto = new ProposalSetup(ProposalPolicy.defaults()
        .withAutoApprove(Set.of(ProposalKind.SET_LISTING_QUANTITY, ProposalKind.CHANGE_LISTING_PRICE)));
    auto.f.intake("A-1", 2);
    ListingId listing = auto.live("A-1", Channel.POSHMARK, 1);

    ProposalId risky = auto.draft(auto.setQuantity(listing, 5, AGENT));
    assertThat(auto.proposal(risky).risks()).containsExactly(RiskFlag.QUANTITY_ABOVE_AVAILABLE);
    assertThat(auto.proposal(risky).state()).as("not auto-approved").isEqualTo(ProposalState.PENDING);
    auto.f.refused(auto.approval(risky, SYSTEM), RejectionCode.RISKY_AUTO_APPROVAL);

    ProposalId safe = auto.draft(auto.setQuantity(listing, 2, AGENT));
    assertThat(auto.proposal(safe).state()).as("auto-approved by policy").isEqualTo(ProposalState.APPROVED);
    assertThat(auto.proposal(safe).approval().orElseThrow().automatic()).isTrue();
  }

  @Test
  void autoApproval_isOffByDefault() {
    f.intake("A-1", 2);
    ListingId listing = s.live("A-1", Channel.POSHMARK, 1);
    ProposalId id = s.draft(s.setQuantity(listing, 2, AGENT));
    assertThat(s.proposal(id).state()).isEqualTo(ProposalState.PENDING);
    f.refused(s.approval(id, SYSTEM), RejectionCode.AUTO_APPROVAL_OFF);
  }

  @Test
  void riskFlags_priceBelowCost_largeDrop_highValueWithoutPhotos() {
    f.run(new org.resellledger.core.item.ItemCommand.IntakeItem(Fixture.details("A-1").costBasis(Fixture.usd("300.00"))
        .photoStatus(org.resellledger.core.item.PhotoStatus.PARTIAL).build(), 1,
        org.resellledger.core.item.ItemStatus.READY_TO_LIST, Fixture.ANA));
    ListingId draft = f.list("A-1", Channel.EBAY, org.resellledger.core.listing.SyncStatus.DRAFT);

    ProposalId price = s.draft(new DraftProposal(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(draft),
        Map.of("price", "10.00", "currency", "USD"), ProposalSetup.evidence(), AGENT));
    assertThat(s.proposal(price).risks())
        .containsExactlyInAnyOrder(RiskFlag.PRICE_BELOW_COST_BASIS, RiskFlag.PRICE_DROP_ABOVE_SHARE);
    ProposalId publish = s.draft(new DraftProposal(ProposalKind.PUBLISH_LISTING, ProposalTarget.listing(draft),
        Map.of(), ProposalSetup.evidence(), AGENT));
    assertThat(s.proposal(publish).risks()).containsExactly(RiskFlag.HIGH_VALUE_WITHOUT_PHOTOS);
  }

  @Test
  void anOutboxWrite_ofAnUnapprovedProposal_isRefused() {
    f.intake("A-1", 2);
    ListingId listing = s.live("A-1", Channel.POSHMARK, 1);
    ProposalId id = s.draft(s.setQuantity(listing, 2, AGENT));
    f.refused(new StartWrite(id, 1, Fixture.NOW.plus(Duration.ofMinutes(1)), MAYA), RejectionCode.NOT_APPROVED);
  }

  @Test
  void approvalBindsToDigestAndTargetVersion_andExpires() {
    f.intake("A-1", 3);
    ProposalId id = countProposal("A-1", 2, AGENT);
    s.approve(id, MAYA);
    Proposal p = s.proposal(id);
    assertThat(p.approval().orElseThrow().digest()).isEqualTo(p.digest()).hasSize(64);
    assertThat(p.approval().get().targetVersion()).isEqualTo(p.targetVersion());
    assertThat(p.approval().get().expiresAt()).isEqualTo(Fixture.NOW.plus(Duration.ofHours(24)));
    assertThat(p.approval().get().by()).isEqualTo(Actor.person("maya"));
  }

  @Test
  void stateTable_everyMoveListedIsAllowed_andFinalStatesGoNowhere() {
    for (ProposalState from : ProposalState.values()) {
      for (ProposalState to : ProposalState.values()) {
        boolean listed = from.next().contains(to);
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(listed);
      }
    }
    assertThat(Set.of(ProposalState.values())).filteredOn(ProposalState::isFinal).containsExactlyInAnyOrder(
        ProposalState.REJECTED, ProposalState.EXPIRED, ProposalState.SUPERSEDED, ProposalState.APPLIED);
    assertThat(ProposalState.PENDING.next()).containsExactlyInAnyOrder(ProposalState.APPROVED,
        ProposalState.REJECTED, ProposalState.SUPERSEDED);
  }
}
