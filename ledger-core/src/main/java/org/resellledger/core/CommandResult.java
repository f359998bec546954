package org.resellledger.core;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.order.OrderFact;
import org.resellledger.core.bundle.BundleFact;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;

/**
 * What a command did: the events it appended, or, for a repeated provider event, the events the first
 * delivery appended and {@code duplicate = true} (nothing new was written).
 */
public record CommandResult(List<LedgerEvent> events, boolean duplicate) {
  public CommandResult {
    events = List.copyOf(events);
  }

  /** The order the command created, for a sale. */
  public Optional<OrderId> orderId() {
    return events.stream()
        .filter(e -> e.payload() instanceof OrderFact.OrderPlaced)
        .findFirst()
        .flatMap(LedgerEvent::order);
  }

  /** The listing the command created. */
  public Optional<ListingId> listingId() {
    return events.stream()
        .filter(e -> e.payload() instanceof ListingFact.ListingCreated)
        .findFirst()
        .flatMap(LedgerEvent::listing);
  }

  /** The first item the command created (intake, split child, merged item). */
  public Optional<ItemId> itemId() {
    return events.stream()
        .filter(e -> e.payload() instanceof ItemFact.ItemAcquired
            || e.payload() instanceof BundleFact.SplitFromBundle
            || e.payload() instanceof BundleFact.MergedFromParts)
        .findFirst()
        .flatMap(LedgerEvent::item);
  }

  /** The buyer message the command recorded (none for a message recorded before, or another command). */
  public Optional<org.resellledger.core.message.BuyerMessageId> messageId() {
    return events.stream()
        .filter(e -> e.payload() instanceof org.resellledger.core.message.MessageFact.MessageReceived)
        .findFirst()
        .map(e -> ((org.resellledger.core.message.MessageFact.MessageReceived) e.payload()).message());
  }

  /**
   * The proposals the command drafted, in order: the one a {@code DraftProposal} made, and the sync
   * proposals a change of available units made (e.g. a sale's proposals to end the item's other listings).
   */
  public List<org.resellledger.core.proposal.ProposalId> proposals() {
    return events.stream()
        .filter(e -> e.payload() instanceof org.resellledger.core.proposal.ProposalFact.ProposalDrafted)
        .map(e -> ((org.resellledger.core.proposal.ProposalFact.ProposalDrafted) e.payload()).proposal())
        .toList();
  }
}
