package org.resellledger.testkit.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.item.Item;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalState;
import org.resellledger.core.proposal.RiskFlag;

/**
 * The invariant {@link Invariant#OFFERED_ABOVE_AVAILABLE}, from the stored items and proposals alone: once
 * its proposals are applied in the order they go out, no LIVE listing offers more units than its item has
 * available. What a listing ends at is its latest intention: the pending sync-kind proposal, else the
 * approved one waiting in the outbox, else the one being written, else its own listed quantity.
 */
final class OfferCheck {
  private OfferCheck() {}

  static Optional<String> overOffered(List<Item> items, List<Proposal> proposals) {
    Map<String, List<Proposal>> byListing = new HashMap<>();
    for (Proposal p : proposals) {
      if (p.kind().sync()) {
        byListing.computeIfAbsent(p.target().id(), k -> new ArrayList<>()).add(p);
      }
    }
    for (Item item : items) {
      long available = item.available();
      for (Listing listing : item.listings().values()) {
        if (listing.status() != SyncStatus.LIVE) {
          continue;
        }
        List<Proposal> ps = byListing.getOrDefault(listing.id().value(), List.of());
        Proposal last = ps.isEmpty() ? null : ps.get(ps.size() - 1);
        if (last != null && (last.state() == ProposalState.REJECTED || last.state() == ProposalState.EXPIRED)) {
          continue; // a person said no to the latest plan for this listing (or let it lapse)
        }
        // an approved write that has not started and whose target moved is never applied as it is: the outbox
        // is refused TARGET_MOVED and re-plans it
        String version = listing.status() + "|available=" + available;
        Proposal pending = null;
        Proposal waiting = null;
        Proposal started = null;
        for (Proposal p : ps) {
          if (p.state() == ProposalState.PENDING) {
            pending = p;
          } else if (p.state() == ProposalState.APPROVED && p.outbox().map(o -> o.attempts() == 0).orElse(true)) {
            waiting = p.targetVersion().equals(version) ? p : waiting;
          } else if (p.state().isApproved()) {
            started = p;
          }
        }
        Proposal intention = pending != null ? pending : waiting != null ? waiting : started;
        if (intention != null) {
          int target = intention.targetQuantity().orElseThrow();
          if (target > available && !intention.risks().contains(RiskFlag.QUANTITY_ABOVE_AVAILABLE)) {
            return Optional.of("listing " + listing.id() + " of " + item.sku() + " would offer " + target + " (proposal "
                + intention.id() + ", " + intention.state() + ") with " + available + " available");
          }
        } else if (listing.details().listedQuantity() > available) {
          {
            return Optional.of("listing " + listing.id() + " of " + item.sku() + " offers "
                + listing.details().listedQuantity() + " with " + available + " available and no proposal to lower it"
                + (last == null ? "" : " (last: " + last.id() + ", " + last.state() + ")"));
          }
        }
      }
    }
    return Optional.empty();
  }
}
