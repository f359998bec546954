package org.resellledger.core.queue;

import java.time.Duration;
import org.resellledger.core.RejectionException;

/**
 * The thresholds the queues use: how near a ship-by date counts as a risk, how old a draft is stale, and
 * how long a location may go without a physical count.
 *
 * <ul>
 *   <li>Every duration is positive.
 * </ul>
 */
public record QueuePolicy(Duration shipSoon, Duration staleDraft, Duration uncountedAfter) {

  public QueuePolicy {
    positive("shipSoon", shipSoon);
    positive("staleDraft", staleDraft);
    positive("uncountedAfter", uncountedAfter);
  }

  /** With the default count interval, 30 days. */
  public QueuePolicy(Duration shipSoon, Duration staleDraft) {
    this(shipSoon, staleDraft, Duration.ofDays(30));
  }

  /** A day before a ship-by date; drafts stale after 14 days; a location counted every 30 days. */
  public static QueuePolicy defaults() {
    return new QueuePolicy(Duration.ofDays(1), Duration.ofDays(14), Duration.ofDays(30));
  }

  /** This policy with locations counted at least every {@code days} days. */
  public QueuePolicy countEvery(int days) {
    if (days < 1) {
      throw RejectionException.invalid("uncountedAfter", days, "at least 1 day");
    }
    return new QueuePolicy(shipSoon, staleDraft, Duration.ofDays(days));
  }

  private static void positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw RejectionException.invalid(field, d, "a positive duration");
    }
  }
}
