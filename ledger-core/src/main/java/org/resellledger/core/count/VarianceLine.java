package org.resellledger.core.count;

import java.util.Optional;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.money.Money;
import org.resellledger.core.proposal.ProposalId;

/**
 * One line of a count's variance report.
 *
 * <ul>
 *   <li>{@code expected} is the item's AVAILABLE units at the location when it was counted (at the close for
 *       a SKU not counted); a count compares against AVAILABLE, the one bucket a correction moves.
 *   <li>{@code variance} = counted - expected for {@link Finding#MATCHED}, {@link Finding#OVER} and
 *       {@link Finding#SHORT}; 0 for the others, which are listed for a person, never adjusted.
 *   <li>{@code value} = variance x the item's cost basis per unit (the lot's cost basis / its units), in the
 *       cost basis currency; empty for an unknown SKU.
 *   <li>{@code availableAtClose} is the item's available units when the session closed (0 when unknown);
 *       {@code proposal} the {@code ADJUST_FROM_COUNT} drafted for a variance.
 * </ul>
 */
public record VarianceLine(Sku sku, Finding finding, long expected, long counted, long variance,
    Optional<Money> value, Optional<StorageLocation> ledgerLocation, long availableAtClose,
    Optional<ProposalId> proposal) {

  /** What the count found for one SKU. */
  public enum Finding {
    /** Counted what the ledger expected. */
    MATCHED,
    /** Counted more than expected: an adjustment in is proposed. */
    OVER,
    /** Counted fewer than expected: an adjustment out is proposed. */
    SHORT,
    /** Expected at the location (units available) and not counted: listed, nothing proposed. */
    NOT_COUNTED,
    /** Counted here, but the ledger puts the item at another location: listed, nothing proposed. */
    ELSEWHERE,
    /** Counted, but no item has this SKU: listed, nothing proposed. */
    UNKNOWN_SKU
  }
}
