package org.resellledger.core.proposal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.command.Command;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.internal.Items;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.Bucket;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Movement;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.proposal.Evidence;
import org.resellledger.core.proposal.OutboxQueue;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.proposal.ProposalTarget;

/**
 * The sync rule: when a command moves an item's units into or out of AVAILABLE, every listing of the item
 * whose quantity no longer fits gets a proposal, in the same transaction, caused by the fact that moved them.
 *
 * <ul>
 *   <li>Units gone: a LIVE listing whose listed quantity is above what is available gets SET_LISTING_QUANTITY
 *       (down to what is available) or, at zero, END_LISTING.
 *   <li>Units back: a listing that a sync proposal lowered or ended gets SET_LISTING_QUANTITY or RELIST back
 *       towards the quantity it had (its outbox queue's restore point), within what is available.
 *   <li>Coalesced: nothing is drafted when the listing's latest intention (its pending sync proposal, else
 *       its approved one, else its own figure) is the target already; a pending sync proposal with another
 *       target is superseded by the new one, or closed when nothing is needed any more.
 *   <li>The proposal's author is the system ({@code system:sync}); its evidence names the fact and the figures.
 * </ul>
 */
final class SyncRule {
  static final Actor SYNC = Actor.system("sync");

  private SyncRule() {}

  static void after(Command command, Tx tx, int firstEvent) {
    if (!tx.config().proposals().syncProposals()) {
      return;
    }
    Map<ItemId, LedgerEvent> moved = new LinkedHashMap<>();
    Map<ItemId, Boolean> rose = new LinkedHashMap<>();
    List<LedgerEvent> events = tx.eventsSince(firstEvent);
    Map<ItemId, List<org.resellledger.core.listing.ListingId>> touchedListings = new LinkedHashMap<>();
    java.util.Set<ItemId> everyListing = new java.util.HashSet<>();
    for (LedgerEvent e : events) {
      if (e.item().isPresent() && e.listing().isPresent() && isListingFact(e)) {
        touchedListings.computeIfAbsent(e.item().get(), k -> new ArrayList<>()).add(e.listing().get());
        moved.putIfAbsent(e.item().get(), e);
        rose.putIfAbsent(e.item().get(), false);
      }
      if (e.item().isEmpty() || e.movement().isEmpty()) {
        continue;
      }
      Movement m = e.movement().get();
      if (m.from() == Bucket.AVAILABLE || m.to() == Bucket.AVAILABLE) {
        moved.put(e.item().get(), e);
        rose.merge(e.item().get(), m.to() == Bucket.AVAILABLE, Boolean::logicalOr);
        everyListing.add(e.item().get());
      }
    }
    for (var entry : moved.entrySet()) {
      Item item = Items.held(tx, entry.getKey());
      if (item == null) {
        continue;
      }
      LedgerEvent e = entry.getValue();
      Cause cause = new Cause(e.id().value(), e.kind(), List.of(e.id()));
      List<org.resellledger.core.listing.ListingId> only = touchedListings.getOrDefault(entry.getKey(), List.of());
      for (Listing listing : item.listings().values()) {
        if (everyListing.contains(entry.getKey()) || only.contains(listing.id())) {
          plan(tx, item, listing, cause, rose.get(entry.getKey()), Optional.empty());
        }
      }
    }
  }

  /**
   * A fact that changes a listing's quantity or status (created, changed, moved): the listing may now offer
   * more than is available, e.g. created LIVE above it, or put back LIVE.
   */
  private static boolean isListingFact(LedgerEvent e) {
    return e.payload() instanceof org.resellledger.core.listing.ListingFact.ListingCreated
        || e.payload() instanceof org.resellledger.core.listing.ListingFact.ListingChanged
        || e.payload() instanceof org.resellledger.core.listing.ListingFact.ListingStatusChanged;
  }

  /** What led to a sync proposal: its causation (an event or a proposal id), a word for it, the events. */
  record Cause(String id, String kind, List<org.resellledger.core.ledger.EventId> events) {}

  /** What the listing should become now, if anything: (kind, quantity). */
  private record Want(ProposalKind kind, int quantity) {}

  /**
   * @param intended what the listing will offer once its open sync-kind proposals are applied (its own figure
   *     when none is open); {@code relisting}: the intention is a RELIST of a listing that is not LIVE
   */
  private static Optional<Want> want(Tx tx, Item item, Listing listing, boolean rose, int intended,
      boolean relisting) {
    int available = (int) Math.min(Integer.MAX_VALUE, item.available());
    int listed = listing.details().listedQuantity();
    boolean live = listing.status() == SyncStatus.LIVE;
    if (live && (listed > available || intended > available)) {
      return Optional.of(available == 0 ? new Want(ProposalKind.END_LISTING, 0)
          : new Want(ProposalKind.SET_LISTING_QUANTITY, available));
    }
    if (!live && relisting && intended > available) {
      return available == 0 ? Optional.empty() : Optional.of(new Want(ProposalKind.RELIST, available));
    }
    if (!rose || available == 0) {
      return Optional.empty();
    }
    OutboxQueue queue = Proposals.queue(tx, listing.id().value());
    if (queue.restoreQuantity().isEmpty()) {
      return Optional.empty();
    }
    int back = Math.min(available, queue.restoreQuantity().get());
    if (live && listed < back) {
      return Optional.of(new Want(ProposalKind.SET_LISTING_QUANTITY, back));
    }
    if (listing.status() == SyncStatus.ENDED || listing.status() == SyncStatus.SOLD) {
      return Optional.of(new Want(ProposalKind.RELIST, back));
    }
    return Optional.empty();
  }

  /** Drafts (or coalesces) the sync proposal of one listing; see the class comment. */
  static Optional<ProposalId> plan(Tx tx, Item item, Listing listing, Cause cause, boolean rose,
      Optional<ProposalId> replacing) {
    List<Proposal> open;
    try {
      open = Proposals.withKey(tx, ProposalStreams.SYNC_KEY, listing.id().value() + "|");
    } catch (UnsupportedOperationException storeKeepsNoKeys) {
      return Optional.empty(); // a store that lists no keys cannot coalesce: the rule stays off rather than draft duplicates
    }
    List<Proposal> pending = new ArrayList<>();
    Proposal waiting = null;
    Proposal started = null;
    for (Proposal p : open) {
      if (replacing.isPresent() && p.id().equals(replacing.get())) {
        continue;
      }
      if (p.state() == ProposalState.PENDING) {
        pending.add(p);
      } else if (p.state() == ProposalState.APPROVED && p.outbox().map(o -> o.attempts() == 0).orElse(true)) {
        // one whose target moved is never written as it is (TARGET_MOVED, then re-planned): not an intention
        Targets.Resolved now = new Targets.Resolved(ProposalTarget.listing(listing.id()), item, listing, null);
        waiting = Targets.version(p.kind(), now).equals(p.targetVersion()) ? p : waiting;
      } else if (p.state().isApproved()) {
        started = p;
      }
    }
    // the latest intention: a pending proposal (at most one: drafting coalesces), else the approved write
    // waiting in the outbox (at most one: approving coalesces), else the one being written
    Proposal latestApproved = waiting != null ? waiting : started;
    int current = listing.status() == SyncStatus.LIVE ? listing.details().listedQuantity() : 0;
    Optional<Integer> intention = !pending.isEmpty() ? pending.get(0).targetQuantity()
        : latestApproved != null ? latestApproved.targetQuantity() : Optional.of(current);
    Proposal intended = !pending.isEmpty() ? pending.get(0) : latestApproved;
    Optional<Want> wanted = want(tx, item, listing, rose, intention.orElse(current),
        intended != null && intended.kind() == ProposalKind.RELIST);
    if (wanted.isEmpty() && !pending.isEmpty()) {
      // the pending proposal is what makes the listing fit: without it, the approved write (or the listing's
      // own figure) would offer more than is available, so it is still needed, and the want is its target
      Optional<Integer> base = latestApproved != null ? latestApproved.targetQuantity() : Optional.of(current);
      wanted = want(tx, item, listing, rose, base.orElse(current),
          latestApproved != null && latestApproved.kind() == ProposalKind.RELIST);
    }
    Optional<Want> want = wanted;
    // a pending proposal of the ledger's own that is no longer needed is closed; a person's or an agent's stays
    pending.removeIf(p -> want.isEmpty() && p.author().kind() != org.resellledger.core.ledger.Actor.Kind.SYSTEM);
    if (want.isEmpty() ? pending.isEmpty() : intention.orElse(current) == want.get().quantity()) {
      return Optional.empty();
    }
    Origin origin = Origin.of(Source.SYSTEM_RULE, SYNC).causedBy(cause.id());
    List<Optional<ProposalId>> drafted = new ArrayList<>(List.of(Optional.empty()));
    tx.within(origin, () -> {
      Optional<ProposalId> by = Optional.empty();
      if (want.isPresent()) {
        Want w = want.get();
        Map<String, String> params = w.kind() == ProposalKind.END_LISTING ? Map.of()
            : Map.of("quantity", Integer.toString(w.quantity()));
        Evidence evidence = Evidence.of(reason(w, listing, item), cause.events(), Map.of(
            "item.available", Long.toString(item.available()),
            "listing.listedQuantity", Integer.toString(listing.details().listedQuantity()),
            "listing.status", listing.status().name(),
            "cause.kind", cause.kind()));
        by = Optional.of(Planner.draft(tx, w.kind(), ProposalTarget.listing(listing.id()), params, evidence,
            replacing).id());
        drafted.set(0, by);
      }
      for (Proposal p : pending) {
        Proposal now = Proposals.proposal(tx, p.id());
        if (now.state() == ProposalState.PENDING) { // drafting coalesced it already when one was drafted
          Planner.supersede(tx, now, by, "no longer needed: the listing fits what is available");
        }
      }
    });
    return drafted.get(0);
  }

  private static String reason(Want w, Listing listing, Item item) {
    String on = listing.details().channel() + " listing " + listing.id();
    return switch (w.kind()) {
      case END_LISTING -> on + " offers " + listing.details().listedQuantity() + " but no unit of " + item.sku()
          + " is available: end it";
      case RELIST -> "units of " + item.sku() + " are available again: relist " + on + " with " + w.quantity();
      default -> on + " offers " + listing.details().listedQuantity() + " while " + item.available() + " of "
          + item.sku() + " are available: set it to " + w.quantity();
    };
  }
}
