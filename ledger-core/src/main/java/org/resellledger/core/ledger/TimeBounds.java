package org.resellledger.core.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The range of every date and instant given to the ledger. A value outside it is a typo or a sentinel
 * ({@code Instant.MAX}, year 9999), not a fact of a reseller's books, and is refused {@code INVALID_VALUE}
 * naming its field. Values stored before these bounds existed read back as they were.
 *
 * <ul>
 *   <li>Instants (a return deadline, when something occurred): from {@link #EARLIEST} (2000-01-01, before
 *       which no marketplace order a ledger keeps took place) to before {@link #LATEST} (2100-01-01, a return
 *       deadline is weeks away, not decades). Both are far inside what every store's timestamp type keeps.
 *   <li>The date an item was acquired: from {@link #EARLIEST_ACQUIRED_ON} (1900-01-01: an antique can be
 *       bought long ago, and stay in a family's stock) to {@link #LATEST_ACQUIRED_ON} (2099-12-31); and
 *       when an item is taken in or its date changed, at most one day after today by the ledger's clock
 *       (UTC; the day ahead allows for the seller's time zone).
 * </ul>
 */
public final class TimeBounds {
  private TimeBounds() {}

  /** The earliest instant the ledger takes, inclusive. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The first instant the ledger no longer takes (exclusive). */
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** The earliest acquired-on date, inclusive. */
  public static final LocalDate EARLIEST_ACQUIRED_ON = LocalDate.of(1900, 1, 1);

  /** The latest acquired-on date any item details take, inclusive (the ledger's clock may say less). */
  public static final LocalDate LATEST_ACQUIRED_ON = LocalDate.of(2099, 12, 31);
}
