package org.resellledger.core.store;

import org.resellledger.core.item.Item;
import org.resellledger.core.order.Order;

/**
 * Where a rebuild hands the projections it folded from the events, one at a time, so that a store can write
 * them as they come ({@link LedgerStore#replaceProjections(org.resellledger.core.WorkspaceId,
 * java.util.function.Consumer)}).
 *
 * <ul>
 *   <li>Each item, order and stream state is handed over once, complete (every event of its stream folded).
 *   <li>Nothing handed over is visible to readers until the replacement as a whole commits.
 * </ul>
 */
public interface ProjectionSink {
  void item(Item item);

  void order(Order order);

  /** The state of a stream of another registered kind. */
  void stream(StreamState state);
}
