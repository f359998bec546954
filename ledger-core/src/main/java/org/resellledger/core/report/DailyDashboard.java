package org.resellledger.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resellledger.core.inbox.InboxState;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.money.Money;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.order.OrderStatus;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalKind;
import org.resellledger.core.proposal.RiskFlag;

/**
 * What a seller looks at every morning, for one day in one currency.
 *
 * <ul>
 *   <li>{@code soldByChannel} and {@code ordersByChannel}: orders placed that day, their sale price and
 *       count per channel code, each part an {@code OrderPlaced} event.
 *   <li>{@code toShip}: every paid order not yet handed over, by ship-by date (none last), then placement.
 *   <li>{@code valueChanges}: market value estimates recorded that day, each with its event.
 *   <li>What needs approval: {@code needsApproval} counts the proposals pending now, each part the event
 *       that left one pending (its draft or last revision); {@code riskyApprovals} counts those of them
 *       flagged risky, with the same parts; {@code approvals} lists them oldest first, risky ones marked.
 *   <li>Integrations needing attention: {@code inboxWaiting}: entries parked, held or failed (counted up to
 *       {@code InboxStore.MAX_PAGE} each); {@code syncErrors}: listings in ERROR; {@code blockedWrites}:
 *       outbox writes blocked after too many failures, each part the failure that blocked one, listed in
 *       {@code blocked}.
 *   <li>{@code needsReply}: buyer messages waiting for a person now (for a reply, or for approval of the
 *       drafted one), oldest first; each part is a message's {@code MessageReceived} event, contributing 1.
 * </ul>
 */
public record DailyDashboard(LocalDate day, Map<String, Figure> soldByChannel, Map<String, Figure> ordersByChannel,
    List<ToShip> toShip, List<ValueChange> valueChanges, Map<InboxState, Integer> inboxWaiting,
    List<SyncError> syncErrors, Figure needsApproval, Figure riskyApprovals, List<AwaitingApproval> approvals,
    Figure blockedWrites, List<BlockedWrite> blocked, Figure needsReply) {

  public DailyDashboard {
    soldByChannel = Map.copyOf(soldByChannel);
    ordersByChannel = Map.copyOf(ordersByChannel);
    toShip = List.copyOf(toShip);
    valueChanges = List.copyOf(valueChanges);
    inboxWaiting = Map.copyOf(inboxWaiting);
    syncErrors = List.copyOf(syncErrors);
    approvals = List.copyOf(approvals);
    blocked = List.copyOf(blocked);
  }

  /** An order that must ship. */
  public record ToShip(OrderId order, String channel, OrderStatus status, Optional<Instant> shipBy, Instant placedAt) {}

  /** A market value estimate recorded that day. */
  public record ValueChange(String sku, Optional<Money> before, Money after, EventId event) {}

  /** A proposal waiting for a person's decision; {@code risky} when it carries risk flags. */
  public record AwaitingApproval(ProposalId proposal, ProposalKind kind, String target, Set<RiskFlag> risks,
      Instant draftedAt, EventId event) {
    public AwaitingApproval {
      risks = Set.copyOf(risks);
    }

    public boolean risky() {
      return !risks.isEmpty();
    }
  }

  /** An outbox write blocked after {@code attempts} failed attempts, the last with {@code lastError}. */
  public record BlockedWrite(ProposalId proposal, ProposalKind kind, String target, String channel, int attempts,
      String lastError, EventId event) {}

  /** A listing the channel reports in ERROR. */
  public record SyncError(String sku, ListingId listing, String channel, String error) {}
}
