package org.resellledger.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.CommandResult;
import org.resellledger.core.IdGenerator;
import org.resellledger.core.Ledger;
import org.resellledger.core.LedgerConfig;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.command.Command;
import org.resellledger.core.count.CountBook;
import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.count.CountStreams;
import org.resellledger.core.count.LocationCount;
import org.resellledger.core.count.VarianceLine;
import org.resellledger.core.count.VarianceLine.Finding;
import org.resellledger.core.item.ItemCommand.HoldUnits;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalBook;
import org.resellledger.core.proposal.ProposalCommand.ApplyProposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.queue.QueueEntry;
import org.resellledger.core.queue.QueueKind;
import org.resellledger.core.queue.QueuePolicy;
import org.resellledger.core.queue.Queues;
import org.resellledger.core.report.Figure;
import org.resellledger.core.report.Reports;
import org.resellledger.core.report.WeeklyReview;
import org.resellledger.core.store.LedgerStore;
import org.resellledger.core.store.StreamState;
import org.resellledger.testkit.gen.Samples;
import org.resellledger.testkit.outbox.MovingClock;

/**
 * What every store must do for physical counts: the counts group of {@link LedgerStoreContract}. A session
 * is opened for a location, counted and closed; the close's variance report (more, fewer, not counted,
 * elsewhere, unknown), the adjustment proposals it drafts, their approval by a person (never an agent) and
 * application, the location's last-verified date, the uncounted-location queue and the weekly review's last
 * count all read back from the store under test, and replay and rebuild give the same states.
 */
public abstract class CountSessionContract {
  static final StorageLocation GARAGE = StorageLocation.of("GARAGE");
  static final Origin ANA = Origin.manual("ana");
  static final Origin MAYA = Origin.manual("maya");
  static final Origin AGENT = Origin.of(Source.AGENT, Actor.agent("stock-bot"));

  /** The store under test. */
  protected abstract LedgerStore store();

  /** A workspace of this test only. */
  protected abstract WorkspaceId ws();

  private final MovingClock clock = new MovingClock(Samples.NOW);
  private Ledger ledger;

  private Ledger ledger() {
    if (ledger == null) {
      ledger = Ledger.open(store(), ws(), LedgerConfig.defaults().withClock(clock).withIds(IdGenerator.sequential("cc-")));
    }
    return ledger;
  }

  private CountBook counts() {
    return CountBook.of(ledger(), store());
  }

  private ProposalBook proposals() {
    return ProposalBook.of(ledger(), store());
  }

  /** {@code units} of a new item at {@code location}, its lot costing {@code cost} USD. */
  private void intake(String sku, int units, String cost, String location) {
    ledger().execute(new IntakeItem(Samples.details(sku, Samples.usd(cost)).withStorage(StorageLocation.parse(location)),
        units, ItemStatus.READY_TO_LIST, ANA));
  }

  private CountSessionId open(StorageLocation where) {
    CommandResult r = ledger().execute(new OpenCount(where, ANA));
    return CountSessionId.of(r.events().get(0).stream().id());
  }

  private void count(CountSessionId session, String sku, int units) {
    ledger().execute(new RecordCount(session, Sku.of(sku), units, ANA));
  }

  private CountSession close(CountSessionId session) {
    ledger().execute(new CloseCount(session, ANA));
    return counts().require(session);
  }

  private static VarianceLine line(CountSession s, String sku) {
    return s.report().stream().filter(l -> l.sku().equals(Sku.of(sku))).findFirst().orElseThrow();
  }

  private long available(String sku) {
    return ledger().requireItem(Sku.of(sku)).available();
  }

  private RejectionCode refused(Command c) {
    List<LedgerEvent> before = store().events(ws());
    RejectionCode code = catchThrowableOfType(() -> ledger().execute(c), RejectionException.class).code();
    assertThat(store().events(ws())).as("a refused command changes nothing").isEqualTo(before);
    return code;
  }

  /** A shelf of A (over), B (short), E (matched), C (not counted), D (elsewhere) and an unknown SKU. */
  private CountSession countedShelf() {
    intake("A", 3, "30.00", "GARAGE/S1/B1");
    intake("B", 2, "20.00", "GARAGE/S1/B2");
    intake("C", 1, "5.00", "GARAGE/S2");
    intake("D", 1, "7.00", "SHED");
    intake("E", 2, "8.00", "GARAGE");
    CountSessionId s = open(GARAGE);
    count(s, "A", 4);
    count(s, "B", 5);
    count(s, "B", 1); // a recount replaces the line
    count(s, "D", 1);
    count(s, "NOPE-1", 2);
    count(s, "E", 2);
    return close(s);
  }

  @Test
  void close_reportsMoreFewerMatchedNotCountedElsewhereAndUnknown_withTheValueOfEachVariance() {
    CountSession s = countedShelf();

    assertThat(s.status()).isEqualTo(CountSession.Status.CLOSED);
    assertThat(s.report()).extracting(VarianceLine::sku).extracting(Sku::value)
        .containsExactly("A", "B", "D", "NOPE-1", "E", "C");
    VarianceLine a = line(s, "A");
    assertThat(a.finding()).isEqualTo(Finding.OVER);
    assertThat(List.of(a.expected(), a.counted(), a.variance())).containsExactly(3L, 4L, 1L);
    assertThat(a.value()).contains(Samples.usd("10.00"));
    VarianceLine b = line(s, "B");
    assertThat(b.finding()).isEqualTo(Finding.SHORT);
    assertThat(List.of(b.expected(), b.counted(), b.variance())).containsExactly(2L, 1L, -1L);
    assertThat(b.value()).contains(Samples.usd("-10.00"));
    assertThat(line(s, "E").finding()).isEqualTo(Finding.MATCHED);
    assertThat(line(s, "E").proposal()).isEmpty();
    VarianceLine c = line(s, "C");
    assertThat(c.finding()).isEqualTo(Finding.NOT_COUNTED);
    assertThat(c.expected()).isEqualTo(1);
    assertThat(c.proposal()).isEmpty();
    VarianceLine d = line(s, "D");
    assertThat(d.finding()).isEqualTo(Finding.ELSEWHERE);
    assertThat(d.ledgerLocation()).contains(StorageLocation.of("SHED"));
    assertThat(d.counted()).isEqualTo(1);
    assertThat(d.proposal()).isEmpty();
    VarianceLine unknown = line(s, "NOPE-1");
    assertThat(unknown.finding()).isEqualTo(Finding.UNKNOWN_SKU);
    assertThat(unknown.value()).isEmpty();
    assertThat(s.proposals()).hasSize(2).containsExactly(a.proposal().orElseThrow(), b.proposal().orElseThrow());
    assertThat(available("A")).as("nothing moves before an approval").isEqualTo(3);
  }

  @Test
  void close_draftsOneAdjustmentPerVariance_withEvidenceCitingTheCount() {
    CountSession s = countedShelf();
    Proposal a = proposals().require(line(s, "A").proposal().orElseThrow());

    assertThat(a.kind()).isEqualTo(ProposalKind.ADJUST_FROM_COUNT);
    assertThat(a.state()).isEqualTo(ProposalState.PENDING);
    assertThat(a.params()).containsEntry("counted", "4");
    assertThat(a.causation()).contains(s.id().value());
    assertThat(a.author().kind()).isEqualTo(Actor.Kind.SYSTEM);
    assertThat(a.evidence().events()).containsExactly(s.line(Sku.of("A")).orElseThrow().event());
    assertThat(a.evidence().figures()).containsEntry("count.session", s.id().value())
        .containsEntry("count.location", "GARAGE").containsEntry("expected", "3").containsEntry("counted", "4")
        .containsEntry("variance", "1").containsEntry("varianceValue", "10.00 USD");
    assertThat(a.evidence().reasoning()).contains("count " + s.id());
    assertThat(proposals().pending(100)).extracting(Proposal::id).containsExactlyElementsOf(s.proposals());
  }

  @Test
  void approvalByAPerson_appliesTheVariance_withTheCountAsReason_andAnAgentCannotApprove() {
    CountSession s = countedShelf();
    ProposalId a = line(s, "A").proposal().orElseThrow();
    ProposalId b = line(s, "B").proposal().orElseThrow();
    String digest = proposals().require(a).digest();

    assertThat(refused(new ApproveProposal(a, digest, AGENT))).isEqualTo(RejectionCode.APPROVER_NOT_A_PERSON);
    assertThat(refused(new ApplyProposal(a, MAYA))).isEqualTo(RejectionCode.NOT_APPROVED);
    ledger().executeAll(List.of(new ApproveProposal(a, digest, ANA), new ApplyProposal(a, ANA)));
    ledger().executeAll(List.of(new ApproveProposal(b, proposals().require(b).digest(), MAYA),
        new ApplyProposal(b, MAYA)));

    assertThat(available("A")).isEqualTo(4);
    assertThat(available("B")).isEqualTo(1);
    assertThat(ledger().requireItem(Sku.of("B")).balances().get(Bucket.ADJUSTMENT)).as("the short unit moved out to ADJUSTMENT").isEqualTo(1);
    LedgerEvent adjusted = ledger().history(Sku.of("A")).get(ledger().history(Sku.of("A")).size() - 1).event();
    assertThat(adjusted.movement().orElseThrow().quantity()).isEqualTo(1);
    assertThat(adjusted.movement().orElseThrow().to()).isEqualTo(Bucket.AVAILABLE);
    assertThat(adjusted.reason().orElseThrow()).contains("count " + s.id()).contains("GARAGE");
    assertThat(adjusted.causation()).contains(a.value());
    assertThat(proposals().require(a).state()).isEqualTo(ProposalState.APPLIED);
    assertThat(ledger().replayMatchesProjections()).isTrue();
  }

  @Test
  void unitsThatMoveAfterALineWasCounted_areKept_andAMoveAfterTheClose_refusesTheApproval() {
    intake("A", 3, "30.00", "GARAGE");
    intake("B", 3, "30.00", "GARAGE");
    CountSessionId id = open(GARAGE);
    count(id, "A", 2); // one short of 3
    count(id, "B", 3);
    ledger().execute(new HoldUnits(Sku.of("A"), 1, ANA.because("photos"))); // available 3 -> 2 after the count
    CountSession s = close(id);

    VarianceLine a = line(s, "A");
    assertThat(List.of(a.expected(), a.variance(), a.availableAtClose())).containsExactly(3L, -1L, 2L);
    Proposal p = proposals().require(a.proposal().orElseThrow());
    assertThat(p.params()).as("the variance is carried over the move: 2 available - 1").containsEntry("counted", "1");

    ledger().execute(new HoldUnits(Sku.of("A"), 1, ANA.because("photos"))); // a move after the close
    assertThat(refused(new ApproveProposal(p.id(), p.digest(), MAYA))).isEqualTo(RejectionCode.TARGET_MOVED);
    assertThat(available("A")).as("nothing forced").isEqualTo(1);
    assertThat(line(s, "B").proposal()).isEmpty();

  }

  @Test
  void anApprovedAdjustmentWhoseItemMoved_isReplannedWithTheCountsVariance_notItsAbsoluteFigure() {
    intake("A", 3, "30.00", "GARAGE");
    CountSessionId id = open(GARAGE);
    count(id, "A", 2); // one short of 3
    Proposal p = proposals().require(line(close(id), "A").proposal().orElseThrow());
    assertThat(p.params()).containsEntry("counted", "2");
    ledger().execute(new ApproveProposal(p.id(), p.digest(), MAYA));
    ledger().execute(new HoldUnits(Sku.of("A"), 1, ANA.because("photos"))); // 3 -> 2 available after approval
    assertThat(refused(new ApplyProposal(p.id(), MAYA))).isEqualTo(RejectionCode.TARGET_MOVED);

    ProposalId second = ledger().execute(new SettleProposal(p.id(), MAYA)).proposals().get(0);
    Proposal replanned = proposals().require(second);
    assertThat(replanned.params()).as("2 available now, 1 short").containsEntry("counted", "1");
    ledger().execute(new ApproveProposal(second, replanned.digest(), MAYA));
    ledger().execute(new HoldUnits(Sku.of("A"), 1, ANA.because("photos"))); // 2 -> 1 available
    ProposalId third = ledger().execute(new SettleProposal(second, MAYA)).proposals().get(0);
    Proposal again = proposals().require(third);
    assertThat(again.params()).as("re-planned twice: 1 available now, still 1 short").containsEntry("counted", "0");

    ledger().execute(new ApproveProposal(third, again.digest(), MAYA));
    ledger().execute(new ApplyProposal(third, MAYA));
    assertThat(available("A")).as("the unit the count found missing is gone; the holds are kept").isEqualTo(0);
    assertThat(ledger().requireItem(Sku.of("A")).balances().get(Bucket.HELD)).isEqualTo(2);
  }

  @Test
  void closing_updatesLastVerified_andTheUncountedLocationQueue_entryLeavesUntilTheCountIsStale() {
    intake("A", 3, "30.00", "GARAGE/S1");
    intake("S", 2, "10.00", "SHED");
    Queues queues = Queues.open(store(), ws(), ledger().config(), QueuePolicy.defaults().countEvery(7), Optional.empty());

    List<QueueEntry> before = queues.page(QueueKind.UNCOUNTED_LOCATION, Optional.empty(), 10).rows();
    assertThat(before).extracting(QueueEntry::subject).containsExactly("GARAGE/S1", "SHED");
    assertThat(before.get(0).figures()).containsEntry("lastVerified", "never").containsEntry("items", "1")
        .containsEntry("units.onHand", "3");
    assertThat(before.get(0).suggestedAction()).contains("OpenCount GARAGE/S1");
    assertThat(queues.page(QueueKind.UNCOUNTED_LOCATION, Optional.empty(), 1).next()).contains("GARAGE/S1");
    assertThat(queues.page(QueueKind.UNCOUNTED_LOCATION, Optional.of("GARAGE/S1"), 1).rows())
        .extracting(QueueEntry::subject).containsExactly("SHED");

    clock.advance(Duration.ofHours(1));
    CountSessionId id = open(GARAGE);
    count(id, "A", 3);
    CountSession s = close(id);

    assertThat(counts().location(GARAGE)).map(LocationCount::lastVerified).contains(Samples.NOW.plusSeconds(3600));
    assertThat(counts().lastVerified(StorageLocation.parse("GARAGE/S1"))).contains(Samples.NOW.plusSeconds(3600));
    assertThat(counts().lastVerified(StorageLocation.of("SHED"))).isEmpty();
    assertThat(queues.page(QueueKind.UNCOUNTED_LOCATION, Optional.empty(), 10).rows())
        .extracting(QueueEntry::subject).containsExactly("SHED");

    clock.advance(Duration.ofDays(8));
    QueueEntry stale = queues.page(QueueKind.UNCOUNTED_LOCATION, Optional.empty(), 10).rows().get(0);
    assertThat(stale.subject()).isEqualTo("GARAGE/S1");
    assertThat(stale.figures()).containsEntry("daysSinceVerified", "8");
    assertThat(stale.evidence()).containsExactly(s.closedBy().orElseThrow());
  }

  @Test
  void theWeeklyReview_showsTheLastCountOfEachLocation_withTheSessionsEvents() {
    intake("A", 3, "30.00", "GARAGE");
    intake("S", 2, "10.00", "SHED");
    CountSessionId first = open(GARAGE);
    count(first, "A", 1);
    close(first);
    CountSessionId second = open(GARAGE);
    count(second, "A", 2);
    CountSession garage = close(second);
    CountSessionId shed = open(StorageLocation.of("SHED"));
    count(shed, "S", 2);
    CountSession shedCount = close(shed);

    WeeklyReview r = Reports.open(store(), ws(), Optional.empty())
        .weekly(Samples.NOW.minus(Duration.ofDays(7)), Samples.NOW.plusSeconds(1), Currency.getInstance("USD"),
            Duration.ofDays(30));

    Figure last = r.stock().lastCount();
    assertThat(last.value()).isEqualByComparingTo(BigDecimal.valueOf(4));
    assertThat(last.parts()).extracting(Figure.Part::event)
        .containsExactlyInAnyOrder(garage.closedBy().orElseThrow(), shedCount.closedBy().orElseThrow());
    assertThat(last.partsSum()).isEqualByComparingTo(last.value());
    assertThat(r.stock().ledgerUnits().value()).isEqualByComparingTo(BigDecimal.valueOf(5));
  }

  @Test
  void refusals_oneOpenSessionPerLocation_noLineAfterTheClose_unknownSession_negativeCount() {
    intake("A", 3, "30.00", "GARAGE");
    CountSessionId id = open(GARAGE);
    assertThat(refused(new OpenCount(GARAGE, MAYA))).isEqualTo(RejectionCode.COUNT_ALREADY_OPEN);
    assertThat(counts().openAt(GARAGE)).map(CountSession::id).contains(id);
    assertThat(refused(new RecordCount(id, Sku.of("A"), -1, ANA))).isEqualTo(RejectionCode.INVALID_VALUE);
    close(id);
    assertThat(counts().openAt(GARAGE)).isEmpty();
    assertThat(refused(new RecordCount(id, Sku.of("A"), 1, ANA))).isEqualTo(RejectionCode.COUNT_CLOSED);
    assertThat(refused(new CloseCount(id, ANA))).isEqualTo(RejectionCode.COUNT_CLOSED);
    assertThat(refused(new CloseCount(CountSessionId.of("no-such"), ANA))).isEqualTo(RejectionCode.UNKNOWN_COUNT);
    CountSessionId again = open(GARAGE);
    assertThat(again).isNotEqualTo(id);
    assertThat(counts().sessions(10)).extracting(CountSession::id).containsExactly(id, again);
  }

  @Test
  void sessionsAndLocations_replayAndRebuildToTheStoredStates() {
    CountSession s = countedShelf();
    StreamState session = store().state(ws(), CountStreams.of(s.id())).orElseThrow();
    StreamState location = store().state(ws(), CountStreams.of(GARAGE)).orElseThrow();
    assertThat(session.state()).isEqualTo(s);
    assertThat(ledger().replayMatchesProjections()).isTrue();

    ledger().rebuildProjections();

    assertThat(store().state(ws(), CountStreams.of(s.id()))).contains(session);
    assertThat(store().state(ws(), CountStreams.of(GARAGE))).contains(location);
    assertThat(((LocationCount) location.state()).unitsCounted()).isEqualTo(4 + 1 + 1 + 2 + 2);
  }
}
