package org.resellledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.core.ProposalSetup.MAYA;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.FinishWrite;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.RetryProposal;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalPolicy;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.RiskFlag;
import org.resellledger.core.proposal.WriteOutcome;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.store.Page;

/**
 * The queues of the proposal lane: blocked outbox writes (priority 4), risky changes and stale approvals
 * (priority 7). Each: a scenario puts a proposal in it, the evidence and action are checked, and the action
 * takes it out.
 */
class ProposalQueuesTest {
  static final Origin OUTBOX = Origin.of(org.resellledger.core.ledger.Source.SYSTEM_RULE,
      org.resellledger.core.ledger.Actor.system("outbox"));

  final ProposalSetup s = new ProposalSetup(ProposalPolicy.defaults().withMaxAttempts(2));
  final Fixture f = s.f;

  Queues queues(QueuePolicy policy) {
    return Queues.open(f.store, f.ledger.workspace(), f.ledger.config(), policy, Optional.empty());
  }

  List<QueueEntry> entries(QueueKind kind) {
    return queues(QueuePolicy.defaults()).page(kind, Optional.empty(), 100).rows();
  }

  EventId intakeEvent(String sku) {
    return f.store.stream(f.ledger.workspace(), StreamId.of(f.item(sku).id())).get(0).id();
  }

  DraftProposal quantity(ListingId listing, int quantity) {
    return new DraftProposal(ProposalKind.SET_LISTING_QUANTITY, ProposalTarget.listing(listing),
        Map.of("quantity", Integer.toString(quantity)),
        Evidence.of("counted", List.of(intakeEvent("A")), Map.of("counted", "1")), ProposalSetup.AGENT);
  }

  /** Approves, then fails every attempt until the outbox blocks it. */
  ProposalId blocked(ListingId listing) {
    ProposalId id = s.draft(quantity(listing, 1));
    s.approve(id, MAYA);
    for (int attempt = 1; attempt <= 2; attempt++) {
      Instant retry = s.clock.instant().plus(Duration.ofMinutes(1));
      f.run(new StartWrite(id, attempt, retry, OUTBOX));
      f.run(new FinishWrite(id, WriteOutcome.FAILED, Optional.empty(), Optional.empty(),
          Optional.of("HTTP 503 attempt " + attempt), attempt == 2 ? Optional.empty() : Optional.of(retry), OUTBOX));
      s.clock.advance(Duration.ofMinutes(2));
    }
    assertThat(s.proposal(id).state()).isEqualTo(ProposalState.BLOCKED);
    return id;
  }

  @Test
  void blockedWrite_namesTheProposalTargetFailuresAndEvidence_untilRetried() {
    f.intake("A", 2);
    ListingId listing = s.live("A", Channel.POSHMARK, 2);
    ProposalId id = blocked(listing);

    QueueEntry e = entries(QueueKind.BLOCKED_WRITE).get(0);
    assertThat(e.subject()).isEqualTo(id.value());
    assertThat(e.evidence()).containsExactly(intakeEvent("A"));
    assertThat(e.figures()).containsEntry("proposal", id.value()).containsEntry("target", "listing:" + listing.value())
        .containsEntry("attempts", "2").containsEntry("lastError", "HTTP 503 attempt 2")
        .containsEntry("param.quantity", "1").containsEntry("channel", "poshmark");
    assertThat(e.suggestedAction()).contains("RetryProposal").contains("RejectProposal");

    f.run(new RetryProposal(id, MAYA));
    assertThat(entries(QueueKind.BLOCKED_WRITE)).isEmpty();
  }

  @Test
  void blockedWrite_leavesTheQueue_whenRejected() {
    f.intake("A", 2);
    ProposalId id = blocked(s.live("A", Channel.POSHMARK, 2));
    assertThat(entries(QueueKind.BLOCKED_WRITE)).extracting(QueueEntry::subject).containsExactly(id.value());

    f.run(new RejectProposal(id, "the listing was removed by hand", MAYA));
    assertThat(entries(QueueKind.BLOCKED_WRITE)).isEmpty();
  }

  @Test
  void riskyChange_showsEachFlagWithItsFigures_untilRejectedOrApproved() {
    f.intake("A", 2);
    ListingId listing = s.live("A", Channel.POSHMARK, 2);
    f.intake("B", 2);
    ListingId other = s.live("B", Channel.POSHMARK, 2);
    ProposalId safe = s.draft(quantity(other, 1));
    s.clock.advance(Duration.ofMinutes(1));
    ProposalId tooMany = s.draft(quantity(listing, 5));
    s.clock.advance(Duration.ofMinutes(1));
    ProposalId cheap = s.draft(new DraftProposal(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(listing),
        Map.of("price", "1.00", "currency", "USD"), ProposalSetup.evidence(), ProposalSetup.AGENT));
    assertThat(s.proposal(cheap).risks()).containsExactlyInAnyOrder(RiskFlag.PRICE_BELOW_COST_BASIS,
        RiskFlag.PRICE_DROP_ABOVE_SHARE);

    List<QueueEntry> risky = entries(QueueKind.RISKY_CHANGE);
    assertThat(risky).extracting(QueueEntry::subject).containsExactly(tooMany.value(), cheap.value())
        .doesNotContain(safe.value());
    assertThat(risky.get(0).figures()).containsEntry("risks", "QUANTITY_ABOVE_AVAILABLE")
        .containsEntry("param.quantity", "5").containsEntry("available", "2");
    assertThat(risky.get(0).evidence()).containsExactly(intakeEvent("A"));
    var item = f.item("A");
    assertThat(risky.get(1).figures()).containsEntry("risks", "PRICE_BELOW_COST_BASIS,PRICE_DROP_ABOVE_SHARE")
        .containsEntry("param.price", "1.00")
        .containsEntry("costBasis", item.details().costBasis().toString())
        .containsEntry("currentPrice", item.listing(listing).orElseThrow().details().price().toString())
        .containsEntry("maxDropShare", "0.30");
    assertThat(risky.get(1).suggestedAction()).contains("ApproveProposal").contains("RejectProposal");

    f.run(new RejectProposal(tooMany, "no", MAYA));
    s.approve(cheap, MAYA);
    assertThat(entries(QueueKind.RISKY_CHANGE)).isEmpty();
  }

  @Test
  void staleApproval_afterThePolicysAge_withDraftedAtAndAge_untilDecided() {
    f.intake("A", 2);
    ListingId listing = s.live("A", Channel.POSHMARK, 2);
    Instant drafted = s.clock.instant();
    ProposalId id = s.draft(quantity(listing, 1));
    s.clock.advance(Duration.ofDays(1));
    assertThat(entries(QueueKind.STALE_APPROVAL)).isEmpty();
    assertThat(queues(QueuePolicy.defaults().withStaleApproval(Duration.ofHours(12)))
        .page(QueueKind.STALE_APPROVAL, Optional.empty(), 10).rows()).hasSize(1);

    s.clock.advance(Duration.ofDays(2));
    QueueEntry e = entries(QueueKind.STALE_APPROVAL).get(0);
    assertThat(e.subject()).isEqualTo(id.value());
    assertThat(e.figures()).containsEntry("draftedAt", drafted.toString()).containsEntry("days", "3")
        .containsEntry("hours", "72");
    assertThat(e.evidence()).containsExactly(intakeEvent("A"));
    assertThat(e.suggestedAction()).contains("ApproveProposal").contains("RejectProposal");

    s.approve(id, MAYA);
    assertThat(entries(QueueKind.STALE_APPROVAL)).isEmpty();
  }

  @Test
  void proposalQueues_pageWithAKeysetCursor_inKeyOrder_withoutRepeats() {
    f.intake("A", 2);
    List<ProposalId> drafted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String sku = i == 0 ? "A" : "S" + i;
      if (i > 0) {
        f.intake(sku, 2);
      }
      drafted.add(s.draft(quantity(s.live(sku, Channel.POSHMARK, 2), 3 + i)));
      s.clock.advance(Duration.ofHours(1));
    }
    s.clock.advance(Duration.ofDays(3));
    for (QueueKind kind : List.of(QueueKind.RISKY_CHANGE, QueueKind.STALE_APPROVAL)) {
      List<String> walked = new ArrayList<>();
      Optional<String> after = Optional.empty();
      int pages = 0;
      do {
        Page<QueueEntry> page = queues(QueuePolicy.defaults()).page(kind, after, 2);
        page.rows().forEach(e -> walked.add(e.subject()));
        after = page.next();
        pages++;
      } while (after.isPresent());
      assertThat(walked).as(kind.name()).containsExactlyElementsOf(drafted.stream().map(ProposalId::value).toList());
      assertThat(pages).as(kind.name()).isEqualTo(3);
    }
  }

  @Test
  void proposalQueues_andTheDashboard_walkPastOneBatchOfKeys() {
    int safe = 520; // more than a queue's batch of keys (200) and the dashboard's (500)
    f.intake("A", 1);
    for (int i = 0; i < safe + 3; i++) {
      String sku = "B" + i;
      f.intake(sku, 2);
      s.draft(quantity(s.live(sku, Channel.POSHMARK, 2), i < safe ? 1 : 3));
    }
    Page<QueueEntry> risky = queues(QueuePolicy.defaults()).page(QueueKind.RISKY_CHANGE, Optional.empty(), 10);
    assertThat(risky.rows()).as("the risky ones come after every safe one").hasSize(3);
    assertThat(risky.next()).isEmpty();
    var dashboard = org.resellledger.core.report.Reports.open(f.store, f.ledger.workspace(), Optional.empty())
        .daily(java.time.LocalDate.ofInstant(s.clock.instant(), java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC,
            java.util.Currency.getInstance("USD"));
    assertThat(dashboard.needsApproval().value()).isEqualByComparingTo(java.math.BigDecimal.valueOf(safe + 3));
    assertThat(dashboard.riskyApprovals().value()).isEqualByComparingTo(java.math.BigDecimal.valueOf(3));
  }

  @Test
  void top_putsBlockedWritesAtPriorityFour_andRiskyThenStaleApprovalsAtSeven() {
    f.intake("A", 2);
    f.intake("B", 1);
    ListingId listing = s.live("A", Channel.POSHMARK, 2);
    s.live("B", Channel.EBAY, 1);
    f.sell("B", 1);
    f.sell("B", 1); // a double sale: priority 1
    blocked(listing);
    s.draft(quantity(listing, 9)); // risky, and stale below
    s.clock.advance(Duration.ofDays(3));

    List<QueueEntry> top = queues(QueuePolicy.defaults()).top(100);
    assertThat(top).extracting(QueueEntry::kind).isSortedAccordingTo(
        java.util.Comparator.comparingInt(QueueKind::priority).thenComparing(Enum::ordinal));
    assertThat(top).extracting(QueueEntry::kind).containsSubsequence(QueueKind.DOUBLE_SALE,
        QueueKind.BLOCKED_WRITE, QueueKind.RISKY_CHANGE, QueueKind.STALE_APPROVAL);
    assertThat(QueueKind.BLOCKED_WRITE.priority()).isEqualTo(4);
    assertThat(QueueKind.RISKY_CHANGE.priority()).isEqualTo(7);
    assertThat(QueueKind.STALE_APPROVAL.priority()).isEqualTo(7);
  }

  @Test
  void dailyDashboard_countsWhatNeedsApproval_withRiskyOnesMarked_andBlockedWrites() {
    f.intake("A", 2);
    f.intake("B", 2);
    ListingId a = s.live("A", Channel.POSHMARK, 2);
    ListingId b = s.live("B", Channel.POSHMARK, 2);
    ProposalId blockedWrite = blocked(a);
    ProposalId routine = s.draft(quantity(b, 1));
    s.clock.advance(Duration.ofMinutes(1));
    f.intake("C", 2);
    ProposalId risky = s.draft(quantity(s.live("C", Channel.POSHMARK, 2), 7));

    var d = org.resellledger.core.report.Reports.open(f.store, f.ledger.workspace(), Optional.empty())
        .daily(java.time.LocalDate.ofInstant(s.clock.instant(), java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC,
            java.util.Currency.getInstance("USD"));

    assertThat(d.needsApproval().value()).isEqualByComparingTo("2");
    assertThat(d.riskyApprovals().value()).isEqualByComparingTo("1");
    assertThat(d.approvals()).extracting(x -> x.proposal()).containsExactly(routine, risky);
    assertThat(d.approvals()).extracting(x -> x.risky()).containsExactly(false, true);
    assertThat(d.approvals().get(1).risks()).containsExactly(RiskFlag.QUANTITY_ABOVE_AVAILABLE);
    assertThat(d.blockedWrites().value()).isEqualByComparingTo("1");
    assertThat(d.blocked()).singleElement().satisfies(w -> {
      assertThat(w.proposal()).isEqualTo(blockedWrite);
      assertThat(w.attempts()).isEqualTo(2);
      assertThat(w.lastError()).isEqualTo("HTTP 503 attempt 2");
      assertThat(w.event()).isEqualTo(f.store.stream(f.ledger.workspace(),
          org.resellledger.core.proposal.ProposalStreams.of(blockedWrite)).stream()
          .filter(e -> e.kind().equals("ProposalWriteFailed")).reduce((x, y) -> y).orElseThrow().id());
    });
    for (var fig : List.of(d.needsApproval(), d.riskyApprovals(), d.blockedWrites())) {
      assertThat(fig.partsSum()).as(fig.name()).isEqualByComparingTo(fig.value());
    }
    assertThat(d.riskyApprovals().parts()).extracting(x -> x.event())
        .containsExactly(d.approvals().get(1).event());
  }
}
