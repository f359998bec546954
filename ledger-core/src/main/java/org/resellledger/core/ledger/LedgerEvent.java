package org.resellledger.core.ledger;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.ItemId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.OrderId;

/**
 * One immutable fact in a workspace's ledger: the envelope every event carries, and its kind-specific
 * {@link EventPayload}.
 *
 * <ul>
 *   <li>Events are never updated or deleted; a correction is a new event.
 *   <li>{@code version} is the event's position in its stream, from 1, without gaps.
 *   <li>Every quantity change is exactly one {@link Movement}; an event without one changes no quantity.
 *   <li>Events that came from a channel carry the provider and its event id.
 * </ul>
 */
public record LedgerEvent(
    WorkspaceId workspace,
    EventId id,
    StreamId stream,
    long version,
    Optional<ItemId> item,
    Optional<ListingId> listing,
    Optional<OrderId> order,
    Optional<Movement> movement,
    Source source,
    Actor actor,
    Instant occurredAt,
    Instant recordedAt,
    Optional<ProviderRef> provider,
    Optional<String> reason,
    Optional<String> causation,
    EventPayload payload) {

  /** The kind of fact, e.g. {@code ChannelSaleRecorded}. */
  public String kind() {
    return payload.getClass().getSimpleName();
  }
}
