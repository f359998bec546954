package org.resellledger.core.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resellledger.core.Ledger;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDiscrepancy;
import org.resellledger.core.listing.ListingId;
import org.resellledger.core.order.Order;
import org.resellledger.core.order.OrderId;
import org.resellledger.core.proposal.ProposalCommand.DraftProposal;
import org.resellledger.core.store.LedgerStore;

/** {@link AgentDesk} on a ledger: reads through the ledger and {@link ProposalBook}, drafts as the agent. */
final class LedgerAgentDesk implements AgentDesk {
  private final Ledger ledger;
  private final ProposalBook book;
  private final Actor actor;

  LedgerAgentDesk(Ledger ledger, LedgerStore store, String agent) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.book = ProposalBook.of(ledger, store);
    this.actor = Actor.agent(agent);
  }

  @Override
  public String agent() {
    return actor.name();
  }

  @Override
  public ItemContext item(Sku sku) {
    Item item = ledger.requireItem(sku);
    List<HistoryEntry> history = ledger.history(sku);
    List<ListingDiscrepancy> discrepancies = new ArrayList<>();
    Map<ProposalId, Proposal> proposals = new LinkedHashMap<>();
    for (Listing l : item.listings().values()) {
      discrepancies.addAll(l.discrepancies());
      open(l.id()).forEach(p -> proposals.put(p.id(), p));
    }
    for (Proposal p : book.pending(1000)) {
      if (p.target().type() == ProposalTarget.Type.ITEM && p.target().id().equals(sku.value())
          || p.target().type() == ProposalTarget.Type.LISTING && item.listings().containsKey(ListingId.of(p.target().id()))) {
        proposals.put(p.id(), p);
      }
    }
    return new ItemContext(item, history, item.conflicts(), discrepancies, List.copyOf(proposals.values()));
  }

  @Override
  public ListingContext listing(ListingId id) {
    Listing listing = ledger.listing(Objects.requireNonNull(id, "listing")).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_LISTING, "listing", id, "no listing with this id"));
    Item item = ledger.itemOfListing(id).orElseThrow();
    List<LedgerEvent> history = ledger.history(item.sku()).stream().map(HistoryEntry::event)
        .filter(e -> e.listing().filter(id::equals).isPresent()).toList();
    return new ListingContext(listing, item, history, listing.discrepancies(), listing.lastError(), open(id));
  }

  private List<Proposal> open(ListingId id) {
    Map<ProposalId, Proposal> found = new LinkedHashMap<>();
    book.syncOf(id).forEach(p -> found.put(p.id(), p));
    book.outbox(id.value()).forEach(p -> found.put(p.id(), p));
    for (Proposal p : book.pending(1000)) {
      if (p.target().type() == ProposalTarget.Type.LISTING && p.target().id().equals(id.value())) {
        found.put(p.id(), p);
      }
    }
    return List.copyOf(found.values());
  }

  @Override
  public OrderContext order(OrderId id) {
    Order order = ledger.requireOrder(Objects.requireNonNull(id, "order"));
    return new OrderContext(order, ledger.orderHistory(id), order.hasShortfall());
  }

  @Override
  public ProposalId draft(ProposalKind kind, ProposalTarget target, Map<String, String> params, Evidence evidence,
      Optional<String> causation) {
    Origin origin = Origin.of(Source.AGENT, actor);
    if (Objects.requireNonNull(causation, "causation").isPresent()) {
      origin = origin.causedBy(causation.get());
    }
    return ledger.execute(new DraftProposal(kind, target, params, evidence, origin)).proposals().get(0);
  }
}
