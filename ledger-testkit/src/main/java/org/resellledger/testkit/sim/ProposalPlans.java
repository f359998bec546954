package org.resellledger.testkit.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.resellledger.core.command.Command;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalCommand.ApplyProposal;
import org.resellledger.core.proposal.ProposalCommand.ApproveProposal;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.proposal.ProposalCommand.FinishWrite;
import org.resellledger.core.proposal.ProposalCommand.RejectProposal;
import org.resellledger.core.proposal.ProposalCommand.RetryProposal;
import org.resellledger.core.proposal.ProposalCommand.ReviseProposal;
import org.resellledger.core.proposal.ProposalCommand.SettleProposal;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalTarget;
import org.resellledger.core.proposal.WriteOutcome;
import org.resellledger.testkit.gen.Gens;
import org.resellledger.testkit.gen.Samples;

/**
 * Plans the proposal lane: people approving (now and then the wrong people: an agent, the author, the
 * system without a policy) and rejecting what is pending, agents and people drafting (now and then
 * without evidence), revisions, applies, settling, and outbox runs as the outbox records them: an attempt
 * started, then the channel's answer (written, already there, a different figure, a failure). Which
 * proposal a step acts on is picked when it runs (the sync rule drafts them as sales happen), by a position
 * drawn here, so the seed still decides the sequence.
 */
final class ProposalPlans implements ConceptPlans {
  static final Origin MAYA = Origin.manual("maya");
  static final Origin OUTBOX = Origin.of(Source.SYSTEM_RULE, Actor.system("outbox"));

  private final PlanContext p;

  ProposalPlans(PlanContext context) {
    this.p = context;
  }

  @Override
  public List<Move> moves() {
    return List.of(
        new Move("approveProposal", 6, this::approve),
        new Move("rejectProposal", 1, this::reject),
        new Move("draftProposal", 2, this::draft),
        new Move("reviseProposal", 1, this::revise),
        new Move("applyProposal", 1, this::apply),
        new Move("settleProposal", 1, this::settle),
        new Move("retryProposal", 1, this::retry),
        new Move("outboxWrite", 6, this::write));
  }

  /** The proposal at a drawn position among those {@code which} accepts now, if any. */
  private static Optional<Proposal> pick(Names n, int at, Predicate<Proposal> which) {
    List<Proposal> found = n.proposals().stream().filter(which).toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(at % found.size()));
  }

  private static ProposalId unknown(int at) {
    return ProposalId.of("unknown-p" + at);
  }

  private int at() {
    return p.next(Gens.ints(0, 1000));
  }

  private List<Step> approve() {
    int at = at();
    int roll = p.next(Gens.ints(0, 99));
    Origin who = roll < 85 ? MAYA : roll < 92 ? Origin.of(Source.AGENT, Actor.agent("repricer-bot"))
        : roll < 96 ? Origin.of(Source.SYSTEM_RULE, Actor.system("auto-approval")) : p.person();
    boolean stale = p.chance(5);
    return List.of(new Step.Edit("ApproveProposal", "approve pending proposal #" + at + " as " + who.actor()
        + (stale ? " (a digest it did not see)" : ""), who, (n, o) -> pick(n, at, x -> x.state() == ProposalState.PENDING)
        .map(x -> (Command) new ApproveProposal(x.id(), stale ? "0".repeat(64) : x.digest(), o))
        .orElseGet(() -> new ApproveProposal(unknown(at), "0".repeat(64), o))));
  }

  private List<Step> reject() {
    int at = at();
    Origin who = p.chance(90) ? MAYA : Origin.of(Source.AGENT, Actor.agent("repricer-bot"));
    return List.of(new Step.Edit("RejectProposal", "reject proposal #" + at + " as " + who.actor(), who,
        (n, o) -> new RejectProposal(pick(n, at, x -> x.state() == ProposalState.PENDING
            || x.state() == ProposalState.BLOCKED).map(Proposal::id).orElse(unknown(at)), "not now", o)));
  }

  private List<Step> draft() {
    Optional<PlanContext.PlannedListing> listing = p.listings.isEmpty() ? Optional.empty()
        : Optional.of(p.pick(p.listings));
    Origin who = p.chance(60) ? Origin.of(Source.AGENT, Actor.agent("repricer-bot")) : p.person();
    Evidence evidence = p.chance(10) ? Evidence.none()
        : Evidence.of("sell-through", List.of(), Map.of("days.listed", Integer.toString(p.next(Gens.ints(1, 90)))));
    if (listing.isEmpty() || p.chance(25)) {
      Optional<PlanContext.PlannedItem> item = p.item();
      if (item.isEmpty()) {
        return List.of();
      }
      int counted = p.next(Gens.ints(0, 5));
      var sku = item.get().sku;
      return List.of(new Step.Edit("DraftProposal", "draft: count " + sku + " = " + counted + " by " + who.actor(),
          who, (n, o) -> new DraftProposal(ProposalKind.ADJUST_FROM_COUNT, ProposalTarget.item(sku),
              Map.of("counted", Integer.toString(counted)), evidence, o)));
    }
    String name = listing.get().name;
    boolean price = p.chance(40);
    int quantity = p.next(Gens.ints(0, 6));
    String text = "draft for listing " + name + ": " + (price ? "price 9.99" : "quantity " + quantity) + " by "
        + who.actor();
    return List.of(new Step.Edit("DraftProposal", text, who, (n, o) -> price
        ? new DraftProposal(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(n.listing(name)),
            Map.of("price", "9.99", "currency", n.listingDetails(name).map(d -> d.price().currency().getCurrencyCode())
                .orElse("USD")), evidence, o)
        : new DraftProposal(ProposalKind.SET_LISTING_QUANTITY, ProposalTarget.listing(n.listing(name)),
            Map.of("quantity", Integer.toString(quantity)), evidence, o)));
  }

  private List<Step> revise() {
    int at = at();
    int value = p.next(Gens.ints(0, 5));
    Origin who = p.person();
    return List.of(new Step.Edit("ReviseProposal", "revise proposal #" + at + " to " + value, who, (n, o) ->
        pick(n, at, x -> x.state() == ProposalState.PENDING || x.state() == ProposalState.APPROVED)
            .map(x -> (Command) new ReviseProposal(x.id(), params(x, value), x.evidence(), o))
            .orElseGet(() -> new ReviseProposal(unknown(at), Map.of(), Evidence.none(), o))));
  }

  private static Map<String, String> params(Proposal x, int value) {
    if (x.kind() == ProposalKind.SEND_BUYER_REPLY && x.params().containsKey("message")) {
      return Map.of("text", "Thanks! " + value, "message", x.params().get("message")); // a reply keeps its message
    }
    return switch (x.kind()) {
      case SET_LISTING_QUANTITY -> Map.of("quantity", Integer.toString(value));
      case RELIST -> Map.of("quantity", Integer.toString(value + 1));
      case ADJUST_FROM_COUNT -> Map.of("counted", Integer.toString(value));
      case CHANGE_LISTING_PRICE -> Map.of("price", value + ".50", "currency", "USD");
      case CHANGE_ITEM_FIELDS -> Map.of("title", "Revised " + value);
      case SEND_BUYER_REPLY -> Map.of("text", "Thanks! " + value);
      default -> Map.of();
    };
  }

  private List<Step> apply() {
    int at = at();
    boolean external = p.chance(10); // refused: the outbox applies those
    return List.of(new Step.Edit("ApplyProposal", "apply " + (external ? "external " : "") + "proposal #" + at, MAYA,
        (n, o) -> new ApplyProposal(pick(n, at, x -> x.kind().external() == external).map(Proposal::id)
            .orElse(unknown(at)), o)));
  }

  private List<Step> settle() {
    int at = at();
    return List.of(new Step.Edit("SettleProposal", "settle approved proposal #" + at, OUTBOX, (n, o) ->
        new SettleProposal(pick(n, at, x -> x.state() == ProposalState.APPROVED).map(Proposal::id)
            .orElse(unknown(at)), o)));
  }

  private List<Step> retry() {
    int at = at();
    return List.of(new Step.Edit("RetryProposal", "retry blocked proposal #" + at, MAYA, (n, o) ->
        new RetryProposal(pick(n, at, x -> x.state() == ProposalState.BLOCKED).map(Proposal::id)
            .orElse(unknown(at)), o)));
  }

  /** An outbox run of one write: the attempt starts, then (nearly always) the channel answers. */
  private List<Step> write() {
    int at = at();
    Instant retryAt = Samples.NOW.plusSeconds(60);
    Step start = new Step.Edit("StartWrite", "outbox starts the write of proposal #" + at, OUTBOX, (n, o) ->
        pick(n, at, x -> x.outbox().isPresent() && x.state() != ProposalState.BLOCKED)
            .map(x -> (Command) new StartWrite(x.id(), x.outbox().get().attempts() + 1, retryAt, o))
            .orElseGet(() -> new StartWrite(unknown(at), 1, retryAt, o)));
    if (p.chance(5)) {
      return List.of(start); // the outbox died before the channel's answer was recorded
    }
    int roll = p.next(Gens.ints(0, 99));
    WriteOutcome outcome = roll < 60 ? WriteOutcome.WRITTEN : roll < 70 ? WriteOutcome.ALREADY_AT_TARGET
        : roll < 85 ? WriteOutcome.MISMATCH : WriteOutcome.FAILED;
    int channelQuantity = p.next(Gens.ints(0, 5));
    Step finish = new Step.Edit("FinishWrite", "the channel answers " + outcome + " for proposal #" + at
        + (outcome == WriteOutcome.MISMATCH ? " (it shows " + channelQuantity + ")" : ""), OUTBOX, (n, o) ->
        new FinishWrite(pick(n, 0, x -> x.state() == ProposalState.APPLYING).map(Proposal::id).orElse(unknown(at)),
            outcome, outcome == WriteOutcome.MISMATCH ? Optional.of(channelQuantity) : Optional.empty(),
            outcome == WriteOutcome.MISMATCH ? Optional.of(SyncStatus.LIVE) : Optional.empty(),
            outcome == WriteOutcome.FAILED ? Optional.of("503 service unavailable") : Optional.empty(),
            outcome == WriteOutcome.FAILED ? Optional.of(retryAt) : Optional.empty(), o));
    return List.of(start, finish);
  }
}
