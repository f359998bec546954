package org.resellledger.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The slower review of money and stock for a range of time [{@code from}, {@code before}) in one currency.
 *
 * <ul>
 *   <li>Flow figures count events that occurred in the range: {@code sales} and {@code fees} (orders
 *       placed), {@code cashCollected} and {@code feesWithheld} (payouts, also per channel), {@code refunds},
 *       {@code shippingSpend} (shipments).
 *   <li>{@code margin} = sale price - fees - shipping cost - cost basis of the units sold, over the orders
 *       placed in the range that are not cancelled; one part per order line (its sale event), the order's
 *       fees and shipping shared over its lines by units.
 *   <li>{@code stock}: units on hand and their cost basis summed from the events (parts: each movement in
 *       or out of an on-hand bucket), beside the same figures read from the stored projection, and the
 *       units the last physical count of each location found.
 *   <li>Item counts ({@code staleItems}: units available and no sale in the stale period; {@code missingPhotos};
 *       {@code missingListings}) have one part per item, its first event, worth 1.
 *   <li>{@code byCategory} (top level) and {@code bySource} (acquisition source kind, {@code UNKNOWN} when
 *       none): units sold, units on hand now, sell-through = sold / (sold + on hand), and margin.
 * </ul>
 */
public record WeeklyReview(Instant from, Instant before, Currency currency, Figure sales, Figure fees,
    Figure cashCollected, Map<String, Figure> cashByChannel, Figure feesWithheld, Figure refunds,
    Figure shippingSpend, Figure margin, Stock stock, Figure staleItems, Figure missingPhotos,
    Figure missingListings, List<Group> byCategory, List<Group> bySource) {

  public WeeklyReview {
    cashByChannel = Map.copyOf(cashByChannel);
    byCategory = List.copyOf(byCategory);
    bySource = List.copyOf(bySource);
  }

  /**
   * Units on hand and their cost basis: from the events (with parts) and from the stored projection; and
   * {@code lastCount}, the units counted by the last closed physical count of each location (one part per
   * location: its session's {@code CountClosed} event, worth the units counted; 0 with no parts when no
   * location was ever counted). A count covers AVAILABLE units, so it is compared with care: units
   * committed, held or in inspection are on hand and not counted.
   */
  public record Stock(Figure ledgerUnits, Figure ledgerCost, long projectionUnits, BigDecimal projectionCost,
      Figure lastCount) {

    /** Without a physical count. */
    public Stock(Figure ledgerUnits, Figure ledgerCost, long projectionUnits, BigDecimal projectionCost) {
      this(ledgerUnits, ledgerCost, projectionUnits, projectionCost, new Figure("count.units", BigDecimal.ZERO,
          java.util.List.of()));
    }

    /** Whether the events and the stored projection agree. */
    public boolean agrees() {
      return ledgerUnits.value().longValueExact() == projectionUnits
          && ledgerCost.value().compareTo(projectionCost) == 0;
    }
  }

  /** Sell-through and margin of one group of items. */
  public record Group(String name, Figure unitsSold, long unitsOnHand, BigDecimal sellThrough, Figure margin) {}
}
