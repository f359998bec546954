package org.resellledger.core;

import java.util.List;
import org.resellledger.core.engine.Registry;
import org.resellledger.core.item.Item;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.order.Order;

/**
 * Folds events into the current state of their streams. The single fold: the ledger uses it to update
 * projections as it appends, and stores use it to rebuild them, so a rebuild always equals what was
 * stored. Each concept folds its own facts (see the layout in the README); this is its public face.
 */
public final class Projector {
  private Projector() {}

  /** Replays one item stream, in version order; null for an empty stream. */
  public static Item replayItem(List<LedgerEvent> stream) {
    return replay(stream);
  }

  /** Replays one order stream, in version order; null for an empty stream. */
  public static Order replayOrder(List<LedgerEvent> stream) {
    return replay(stream);
  }

  /** Replays one stream of any kind, in version order; null for an empty stream. */
  public static <S> S replay(List<LedgerEvent> stream) {
    S state = null;
    for (LedgerEvent e : stream) {
      state = Registry.standard().fold(state, e);
    }
    return state;
  }

  /** The item after one more event of its stream; {@code item} is null before the first event. */
  public static Item apply(Item item, LedgerEvent e) {
    return Registry.standard().fold(item, e);
  }

  /** The order after one more event of its stream; {@code order} is null before the first event. */
  public static Order apply(Order order, LedgerEvent e) {
    return Registry.standard().fold(order, e);
  }

  /** The state of any stream after one more event; {@code state} is null before the first event. */
  public static <S> S applyAny(S state, LedgerEvent e) {
    return Registry.standard().fold(state, e);
  }
}
