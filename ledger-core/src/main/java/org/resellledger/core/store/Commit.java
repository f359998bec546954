package org.resellledger.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.order.Order;

/**
 * Everything one command writes, to be committed in one transaction or not at all.
 *
 * @param expectedVersions for every stream the command read or writes, the version it saw (0 for a new
 *     stream); the commit fails if any stream has moved since
 * @param events the new events, in order
 * @param items the new state of every item the events touch
 * @param orders the new state of every order the events touch
 * @param receipt the provider receipt to record, when the command came from a channel
 */
public record Commit(
    WorkspaceId workspace,
    Map<StreamId, Long> expectedVersions,
    List<LedgerEvent> events,
    List<Item> items,
    List<Order> orders,
    Optional<Receipt> receipt) {

  public Commit {
    expectedVersions = Map.copyOf(expectedVersions);
    events = List.copyOf(events);
    items = List.copyOf(items);
    orders = List.copyOf(orders);
  }
}
