package org.resellledger.testkit.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.resellledger.core.command.Command;
import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountCommand.RecordCount;
import org.resellledger.core.count.CountSession;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalCommand.ApplyProposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.testkit.gen.Gens;

/**
 * Plans physical counts: a location opened (now and then one that is open already), SKUs counted into an
 * open session (now and then one the ledger does not know, or into a closed session), sessions closed, and
 * the adjustments a close drafted approved (now and then by an agent, refused) and applied. Which session or
 * proposal a step acts on is picked when it runs, by a position drawn here.
 */
final class CountPlans implements ConceptPlans {
  /** Most generated items sit in GARAGE; a count of SHED finds them elsewhere. */
  private static final List<StorageLocation> PLACES = List.of(StorageLocation.of("GARAGE"),
      StorageLocation.of("GARAGE"), StorageLocation.of("GARAGE"), StorageLocation.of("SHED"));
  static final Origin AGENT = Origin.of(Source.AGENT, Actor.agent("stock-bot"));

  private final PlanContext p;

  CountPlans(PlanContext context) {
    this.p = context;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("openCount", 2, this::open),
        new Move("recordCount", 5, this::record),
        new Move("closeCount", 2, this::close),
        new Move("approveCountAdjustment", 3, this::approve));
  }

  private int at() {
    return p.next(Gens.ints(0, 1000));
  }

  private static Optional<CountSession> session(Names n, int at, Predicate<CountSession> which) {
    List<CountSession> found = n.countSessions().stream().filter(which).toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(at % found.size()));
  }

  private static CountSessionId pickSession(Names n, int at, boolean open) {
    return session(n, at, s -> (s.status() == CountSession.Status.OPEN) == open).map(CountSession::id)
        .orElse(CountSessionId.of("unknown-c" + at));
  }

  private List<Step> open() {
    StorageLocation where = p.pick(PLACES);
    return List.of(new Step.Edit("OpenCount", "open a count of " + where, p.person(),
        (n, o) -> new OpenCount(where, o)));
  }

  private List<Step> record() {
    int at = at();
    Optional<PlanContext.PlannedItem> item = p.item();
    Sku sku = item.isEmpty() || p.chance(10) ? Sku.of("NOT-HERE-" + (at % 3)) : item.get().sku;
    int counted = p.next(Gens.ints(0, 5));
    boolean closed = p.chance(5); // refused: a closed session takes no more lines
    Origin who = p.chance(20) ? AGENT : p.person();
    return List.of(new Step.Edit("RecordCount", "count " + counted + " of " + sku + " into "
        + (closed ? "closed " : "") + "session #" + at, who,
        (n, o) -> new RecordCount(pickSession(n, at, !closed), sku, counted, o)));
  }

  private List<Step> close() {
    int at = at();
    return List.of(new Step.Edit("CloseCount", "close count session #" + at, p.person(),
        (n, o) -> new CloseCount(pickSession(n, at, true), o)));
  }

  /** A person (now and then an agent, refused) approves a count's adjustment; then it is applied. */
  private List<Step> approve() {
    int at = at();
    Origin who = p.chance(85) ? ProposalPlans.MAYA : AGENT;
    Predicate<Proposal> fromCount = x -> x.kind() == ProposalKind.ADJUST_FROM_COUNT
        && x.author().equals(Actor.system("count"));
    Step approve = new Step.Edit("ApproveProposal", "approve count adjustment #" + at + " as " + who.actor(), who,
        (n, o) -> pick(n, at, fromCount.and(x -> x.state() == ProposalState.PENDING))
            .map(x -> (Command) new ApproveProposal(x.id(), x.digest(), o))
            .orElseGet(() -> new ApproveProposal(ProposalId.of("unknown-p" + at), "0".repeat(64), o)));
    Step apply = new Step.Edit("ApplyProposal", "apply approved count adjustment #" + at, ProposalPlans.MAYA,
        (n, o) -> new ApplyProposal(pick(n, at, fromCount.and(x -> x.state() == ProposalState.APPROVED))
            .map(Proposal::id).orElse(ProposalId.of("unknown-p" + at)), o));
    return List.of(approve, apply);
  }

  private static Optional<Proposal> pick(Names n, int at, Predicate<Proposal> which) {
    List<Proposal> found = n.proposals().stream().filter(which).toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(at % found.size()));
  }
}
