package org.resellledger.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;

/**
 * What a seller looks at every morning, for one day in one currency.
 *
 * <ul>
 *   <li>{@code soldByChannel} and {@code ordersByChannel}: orders placed that day, their sale price and
 *       count per channel code, each part an {@code OrderPlaced} event.
 *   <li>{@code toShip}: every paid order not yet handed over, by ship-by date (none last), then placement.
 *   <li>{@code valueChanges}: market value estimates recorded that day, each with its event.
 *   <li>{@code inboxWaiting}: entries parked, held or failed (counted up to {@code InboxStore.MAX_PAGE}
 *       each); {@code syncErrors}: listings in ERROR.
 *   <li>{@code needsReply}: buyer messages waiting for a person now (for a reply, or for approval of the
 *       drafted one), oldest first; each part is a message's {@code MessageReceived} event, contributing 1.
 * </ul>
 */
public record DailyDashboard(LocalDate day, Map<String, Figure> soldByChannel, Map<String, Figure> ordersByChannel,
    List<ToShip> toShip, List<ValueChange> valueChanges, Map<InboxState, Integer> inboxWaiting,
    List<SyncError> syncErrors, Figure needsReply) {

  public DailyDashboard {
    soldByChannel = Map.copyOf(soldByChannel);
    ordersByChannel = Map.copyOf(ordersByChannel);
    toShip = List.copyOf(toShip);
    valueChanges = List.copyOf(valueChanges);
    inboxWaiting = Map.copyOf(inboxWaiting);
    syncErrors = List.copyOf(syncErrors);
  }

  /** An order that must ship. */
  public record ToShip(OrderId order, String channel, OrderStatus status, Optional<Instant> shipBy, Instant placedAt) {}

  /** A market value estimate recorded that day. */
  public record ValueChange(String sku, Optional<Money> before, Money after, EventId event) {}

  /** A listing the channel reports in ERROR. */
  public record SyncError(String sku, ListingId listing, String channel, String error) {}
}
