package org.resellledger.core.proposal.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingCommand.ChangeListing;
import org.resellledger.core.listing.ListingCommand.ChangeListingStatus;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.OutboxQueue;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalCommand.FinishWrite;
import org.resellledger.core.proposal.ProposalCommand.StartWrite;
import org.resellledger.core.proposal.ProposalFact.ProposalApplied;
import org.resellledger.core.proposal.ProposalFact.ProposalWriteFailed;
import org.resellledger.core.proposal.ProposalFact.ProposalWriteStarted;
import org.resellledger.core.proposal.ProposalFact.RestorePointSet;
import org.resellledger.core.proposal.ProposalFact.WriteCounted;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.proposal.WriteOutcome;
import org.resellledger.core.value.Checks;

/**
 * Decides the outbox's commands: an attempt starts (counted against the day's edit budget) and its answer
 * is recorded; an applied write changes the local listing in the same transaction.
 */
final class OutboxHandlers {
  static final Actor OUTBOX = Actor.system("outbox");

  private OutboxHandlers() {}

  /**
   * Starts attempt {@code n}: the first only if the proposal is approved, unexpired and its target unmoved
   * (what {@code ApplyProposal} checks); a later one only after a failure or an unanswered attempt. An
   * attempt number that was started already is refused, so two outbox runners never both start one.
   */
  static void start(StartWrite x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    Checks.present("retryAt", x.retryAt());
    if (!p.kind().external()) {
      throw RejectionException.invalid("proposal", p.id(), p.kind() + " is applied in the ledger, not written");
    }
    if (p.state() == ProposalState.APPROVED) {
      ProposalHandlers.checkApplicable(tx, p);
    } else {
      ProposalRules.notApplied(p);
      ProposalRules.open(p);
      ProposalRules.approved(p);
      if (p.state() != ProposalState.APPLYING) { // an unanswered attempt is started again with the same key
        ProposalRules.move(p, ProposalState.APPLYING);
      }
    }
    Proposal head = Planner.head(Proposals.withKey(tx, ProposalStreams.OUTBOX_KEY, p.outbox().orElseThrow().queue()
        + "|")).orElse(p);
    if (!head.id().equals(p.id())) {
      throw new RejectionException(org.resellledger.core.RejectionCode.ILLEGAL_PROPOSAL_TRANSITION, "proposal", p.id(),
          "writes of " + p.outbox().get().queue() + " go one at a time, in order: " + p.id() + " waits behind "
              + head.id());
    }
    int expected = p.outbox().orElseThrow().attempts() + 1;
    if (x.attempt() != expected) {
      throw RejectionException.invalid("attempt", x.attempt(), "attempt " + expected + " is the next of " + p.id());
    }
    Proposals.append(tx, p, new ProposalWriteStarted(x.attempt(), x.retryAt()), Optional.of(p.id().value()));
    String queueId = p.outbox().get().queue();
    OutboxQueue queue = Proposals.queue(tx, queueId);
    LocalDate day = LocalDate.ofInstant(tx.config().clock().instant(), tx.config().proposals().budgetZone());
    Proposals.appendQueue(tx, queue, new WriteCounted(p.outbox().get().channel(), day), Optional.of(p.id().value()));
  }

  static void finish(FinishWrite x, Tx tx) {
    Proposal p = Proposals.proposal(tx, Checks.present("proposal", x.proposal()));
    Checks.present("outcome", x.outcome());
    ProposalRules.notApplied(p);
    ProposalRules.open(p);
    ProposalRules.writing(p);
    Optional<String> causation = Optional.of(p.id().value());
    switch (x.outcome()) {
      case WRITTEN, ALREADY_AT_TARGET -> {
        applyLocally(tx, p, x.origin());
        Proposals.append(tx, Proposals.proposal(tx, p.id()), new ProposalApplied(Optional.of(x.outcome())), causation);
        if (p.kind().sync()) {
          // what the channel now shows may still be above what is available (a change a person approved
          // knowing it, or units that left while it was written): the sync rule looks at the listing again
          Targets.Resolved t = Targets.resolve(tx, p.target());
          SyncRule.plan(tx, t.item(), t.listing(), new SyncRule.Cause(p.id().value(), "applied " + p.id(),
              p.evidence().events()), false, Optional.empty());
        }
      }
      case FAILED -> {
        String error = Checks.text("error", x.error().orElse("no error given"), 2000);
        int attempts = p.outbox().orElseThrow().attempts();
        Optional<java.time.Instant> retryAt = attempts >= tx.config().proposals().maxAttempts()
            ? Optional.empty() : Optional.of(Checks.present("retryAt", x.retryAt()).orElseThrow(() ->
                RejectionException.invalid("retryAt", "none", "a failed attempt names when to retry")));
        Proposals.append(tx, p, new ProposalWriteFailed(attempts, error, retryAt), causation);
      }
      case MISMATCH -> mismatch(tx, p, x);
    }
  }

  /**
   * Compare-before-write found the channel at another figure: nothing was written and nothing is forced.
   * The proposal is superseded by a new one of the same change that rests on the channel's figure (its
   * evidence names it, and the outbox expects it next time), which a person approves again.
   */
  private static void mismatch(Tx tx, Proposal p, FinishWrite x) {
    Map<String, String> figures = new LinkedHashMap<>();
    x.channelQuantity().ifPresent(q -> figures.put("channel.quantity", Integer.toString(q)));
    x.channelStatus().ifPresent(s -> figures.put("channel.status", s.name()));
    if (figures.isEmpty()) {
      throw RejectionException.invalid("channelQuantity", "none", "a mismatch names the channel's figure");
    }
    figures.put("mismatch.of", p.id().value());
    Evidence evidence = Evidence.of("compare-before-write: " + p.channel().map(Object::toString).orElse("the channel")
        + " shows " + figures + " where the ledger expected otherwise; the write of " + p.id() + " was not forced",
        p.evidence().events(), figures);
    ProposalId[] by = {null};
    tx.within(Origin.of(Source.SYSTEM_RULE, OUTBOX).causedBy(p.id().value()), () -> {
      by[0] = Planner.draft(tx, p.kind(), p.target(), p.params(), evidence, Optional.of(p.id())).id();
      Planner.supersede(tx, Proposals.proposal(tx, p.id()), Optional.of(by[0]),
          "the channel's figure differs: " + figures + "; redrafted as " + by[0]);
    });
  }

  /** The local record follows what the channel now shows; the restore point of a sync lowering is kept. */
  private static void applyLocally(Tx tx, Proposal p, Origin by) {
    if (p.kind() == ProposalKind.SEND_BUYER_REPLY) {
      return; // nothing local to change: the message it answers records REPLIED (message.internal.ReplyRule)
    }
    Targets.Resolved t = Targets.resolve(tx, p.target());
    Listing listing = t.listing();
    Origin origin = by.causedBy(p.id().value()).because("proposal " + p.id() + " (" + p.kind() + ") written to "
        + listing.details().channel());
    int before = listing.status() == SyncStatus.LIVE ? listing.details().listedQuantity() : 0;
    switch (p.kind()) {
      case SET_LISTING_QUANTITY -> quantity(tx, listing, p.intParam("quantity"), origin);
      case END_LISTING -> status(tx, listing, SyncStatus.ENDED, origin);
      case RELIST -> {
        quantity(tx, listing, p.intParam("quantity"), origin);
        status(tx, Targets.resolve(tx, p.target()).listing(), SyncStatus.LIVE, origin);
      }
      case CHANGE_LISTING_PRICE -> {
        ListingDetails after = ListingDetails.builder().from(listing.details())
            .price(Money.of(p.params().get("price"), p.params().get("currency"))).build();
        Registry.standard().dispatch(new ChangeListing(listing.id(), after, origin), tx);
      }
      case PUBLISH_LISTING -> status(tx, listing, SyncStatus.LIVE, origin);
      default -> throw new IllegalStateException(p.kind() + " is not written to a listing");
    }
    if (p.kind().sync()) {
      OutboxQueue queue = Proposals.queue(tx, listing.id().value());
      int after = p.targetQuantity().orElseThrow();
      if (after < before && queue.restoreQuantity().isEmpty()) {
        Proposals.appendQueue(tx, queue, new RestorePointSet(Optional.of(before)), Optional.of(p.id().value()));
      } else if (after > before && queue.restoreQuantity().filter(r -> after >= r).isPresent()) {
        Proposals.appendQueue(tx, queue, new RestorePointSet(Optional.empty()), Optional.of(p.id().value()));
      }
    }
  }

  private static void quantity(Tx tx, Listing listing, int quantity, Origin origin) {
    if (listing.details().listedQuantity() != quantity) {
      ListingDetails after = ListingDetails.builder().from(listing.details()).listedQuantity(quantity).build();
      Registry.standard().dispatch(new ChangeListing(listing.id(), after, origin), tx);
    }
  }

  private static void status(Tx tx, Listing listing, SyncStatus to, Origin origin) {
    if (listing.status() != to) {
      Registry.standard().dispatch(new ChangeListingStatus(listing.id(), to, Optional.empty(), origin), tx);
    }
  }
}
