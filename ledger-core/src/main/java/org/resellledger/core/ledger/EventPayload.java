package org.resellledger.core.ledger;

import java.util.List;
import org.resellledger.core.bundle.BundleFact;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.listing.ListingFact;
import org.resellledger.core.order.OrderFact;
import org.resellledger.core.order.OrderItemFact;

/**
 * The kind-specific part of a {@link LedgerEvent}: one record per kind of fact. Each concept declares its
 * facts as records nested in its own sealed interface ({@link ItemFact}, {@link ListingFact},
 * {@link OrderItemFact}, {@link OrderFact}, {@link BundleFact}); which stream an event is in is on its
 * envelope. A record's simple name is its kind ({@link LedgerEvent#kind()}), unique across all of them.
 */
public sealed interface EventPayload permits ItemFact, ListingFact, OrderItemFact, OrderFact, BundleFact,
    org.resellledger.core.proposal.ProposalFact, org.resellledger.core.message.MessageFact,
    org.resellledger.core.count.CountFact {

  /**
   * Every kind of payload, one record class each (the sealed hierarchy walked, groups such as
   * {@link ListingFact} included), for stores that write and read payloads by their kind
   * ({@link LedgerEvent#kind()} is the record's simple name).
   */
  static List<Class<? extends EventPayload>> kinds() {
    List<Class<? extends EventPayload>> kinds = new java.util.ArrayList<>();
    java.util.Deque<Class<?>> open = new java.util.ArrayDeque<>(List.of(EventPayload.class));
    while (!open.isEmpty()) {
      Class<?> type = open.pop();
      if (type.isRecord()) {
        kinds.add(type.asSubclass(EventPayload.class));
      } else {
        open.addAll(List.of(type.getPermittedSubclasses()));
      }
    }
    return List.copyOf(kinds);
  }
}
