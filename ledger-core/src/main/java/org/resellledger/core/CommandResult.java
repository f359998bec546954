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
}
