package org.resellledger.core.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resellledger.core.item.ItemFact.ItemAcquired;
import org.resellledger.core.item.ItemFact.ItemFieldsChanged;
import org.resellledger.core.item.ItemFact.MarketValueEstimated;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.money.Money;

/**
 * One point of an item's estimated market value history: the value from this event on (empty: no
 * estimate), when it was estimated, and on what basis.
 *
 * <ul>
 *   <li>{@link #history} has one point per event that changed the estimate (intake with one, a details
 *       correction, an {@link ItemCommand.EstimateMarketValue}), oldest first; unchanged values add none.
 * </ul>
 */
public record MarketValue(EventId event, Instant at, Optional<Money> value, Optional<String> basis) {

  /** The estimate's history from an item stream's events, in version order. */
  public static List<MarketValue> history(List<LedgerEvent> itemStream) {
    List<MarketValue> points = new ArrayList<>();
    Optional<Money> current = Optional.empty();
    for (LedgerEvent e : itemStream) {
      Optional<Money> next = current;
      Optional<String> basis = Optional.empty();
      if (e.payload() instanceof ItemAcquired a) {
        next = a.details().estimatedValue();
      } else if (e.payload() instanceof ItemFieldsChanged c) {
        next = c.after().estimatedValue();
      } else if (e.payload() instanceof MarketValueEstimated m) {
        next = Optional.of(m.after());
        basis = m.basis();
      }
      if (!next.equals(current)) {
        points.add(new MarketValue(e.id(), e.occurredAt(), next, basis));
        current = next;
      }
    }
    return points;
  }
}
