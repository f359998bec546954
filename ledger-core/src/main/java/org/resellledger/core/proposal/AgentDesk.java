package org.resellledger.core.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.SaleConflict;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDiscrepancy;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.store.LedgerStore;

/**
 * What an agent (an LLM's tool, a host's rule engine) may do with a ledger: read the context of an item, a
 * listing or an order, and draft proposals. Nothing else.
 *
 * <ul>
 *   <li>It cannot approve, reject or apply: there is no method for it, and the ledger refuses an agent's
 *       approval anyway ({@code APPROVER_NOT_A_PERSON}).
 *   <li>Every draft is the agent's ({@code Actor.agent(name)}, source AGENT) and carries its evidence: a
 *       draft naming no event and no figure is refused {@code EVIDENCE_REQUIRED}.
 *   <li>Reads are the ledger's own: an unknown SKU, listing or order is refused {@code UNKNOWN_ITEM},
 *       {@code UNKNOWN_LISTING} or {@code UNKNOWN_ORDER}.
 * </ul>
 *
 * <pre>{@code
 * AgentDesk desk = AgentDesk.of(ledger, store, "repricer");
 * ListingContext c = desk.listing(listingId);
 * ProposalId id = desk.draft(ProposalKind.CHANGE_LISTING_PRICE, ProposalTarget.listing(listingId),
 *     Map.of("price", "54.00", "currency", "USD"),
 *     Evidence.of("no sale in 40 days; comparables sell at 52-56", List.of(c.history().get(0).id()),
 *         Map.of("days.listed", "40", "comparables.median", "54.00")), Optional.empty());
 * }</pre>
 */
public interface AgentDesk {

  /** The agent's name, as its drafts carry it. */
  String agent();

  /** An item: its state, its history with the balances after each event, its open exceptions, its open proposals. */
  ItemContext item(Sku sku);

  /** A listing: its state, its item, the events about it, where the channel disagrees, its open proposals. */
  ListingContext listing(ListingId listing);

  /** An order: its state and history, and whether it sold units that were not there. */
  OrderContext order(OrderId order);

  /**
   * Drafts a proposal as this agent: {@code causation} names the event (or run) that led to it, if any.
   * Returns the proposal's id; refused as {@code DraftProposal} is (evidence required, parameters checked).
   */
  ProposalId draft(ProposalKind kind, ProposalTarget target, Map<String, String> params, Evidence evidence,
      Optional<String> causation);

  /** An agent's desk on {@code ledger} (open on {@code store}). */
  static AgentDesk of(Ledger ledger, LedgerStore store, String agent) {
    return new LedgerAgentDesk(ledger, store, agent);
  }

  /**
   * An item in context.
   *
   * @param conflicts open exceptions: sales recorded when no unit was available (double sales)
   * @param discrepancies open exceptions: where a channel says otherwise of one of its listings
   * @param proposals proposals about the item or its listings that are pending or approved
   */
  record ItemContext(Item item, List<HistoryEntry> history, List<SaleConflict> conflicts,
      List<ListingDiscrepancy> discrepancies, List<Proposal> proposals) {}

  /**
   * A listing in context.
   *
   * @param history the events of its item's stream that name the listing, oldest first
   * @param lastError the channel's last sync error, when the listing is in ERROR
   * @param proposals its sync proposals and outbox writes that are pending, approved, retrying or blocked
   */
  record ListingContext(Listing listing, Item item, List<LedgerEvent> history, List<ListingDiscrepancy> discrepancies,
      Optional<String> lastError, List<Proposal> proposals) {}

  /**
   * An order in context.
   *
   * @param shortfall whether it sold more units than were available (a double sale to resolve)
   */
  record OrderContext(Order order, List<LedgerEvent> history, boolean shortfall) {}
}
