package org.resellledger.core.store;

import java.util.ArrayList;
import java.util.HashMap;
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
 * @param streams the new state of every stream of another kind the events touch (see {@link StreamType})
 * @param receipt the provider receipt to record, when the command came from a channel
 */
public record Commit(
    WorkspaceId workspace,
    Map<StreamId, Long> expectedVersions,
    List<LedgerEvent> events,
    List<Item> items,
    List<Order> orders,
    List<StreamState> streams,
    Optional<Receipt> receipt) {

  public Commit {
    expectedVersions = Map.copyOf(expectedVersions);
    events = List.copyOf(events);
    items = List.copyOf(items);
    orders = List.copyOf(orders);
    streams = List.copyOf(streams);
  }

  /** A commit of items and orders only, as before streams of other kinds existed. */
  public Commit(WorkspaceId workspace, Map<StreamId, Long> expectedVersions, List<LedgerEvent> events,
      List<Item> items, List<Order> orders, Optional<Receipt> receipt) {
    this(workspace, expectedVersions, events, items, orders, List.of(), receipt);
  }

  /**
   * The commit of these events and the states they leave, each state filed by its stream's kind; a state
   * of a registered kind carries its stream's last version here and its type's unique keys.
   */
  public static Commit of(WorkspaceId workspace, Map<StreamId, Long> expectedVersions, List<LedgerEvent> events,
      Map<StreamId, Object> states, Optional<Receipt> receipt) {
    List<Item> items = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    List<StreamState> streams = new ArrayList<>();
    Map<StreamId, Long> versions = null;
    for (Map.Entry<StreamId, Object> e : states.entrySet()) {
      StreamId stream = e.getKey();
      if (stream.kind() == StreamId.Kind.ITEM) {
        items.add((Item) e.getValue());
      } else if (stream.kind() == StreamId.Kind.ORDER) {
        orders.add((Order) e.getValue());
      } else {
        if (versions == null) {
          versions = new HashMap<>();
          for (LedgerEvent event : events) {
            versions.merge(event.stream(), event.version(), Math::max);
          }
        }
        long version = versions.getOrDefault(stream, expectedVersions.getOrDefault(stream, 0L));
        streams.add(new StreamState(stream, version, e.getValue(),
            StreamTypes.require(stream.kind()).keysUnchecked(e.getValue())));
      }
    }
    return new Commit(workspace, expectedVersions, events, items, orders, streams, receipt);
  }
}
