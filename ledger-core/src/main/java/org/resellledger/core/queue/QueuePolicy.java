package org.resellledger.core.queue;

import java.time.Duration;
import org.resellledger.core.RejectionException;

/**
 * The thresholds the queues use: how near a ship-by date counts as a risk, and how old a draft is stale.
 *
 * <ul>
 *   <li>Both durations are positive.
 * </ul>
 */
public record QueuePolicy(Duration shipSoon, Duration staleDraft) {

  public QueuePolicy {
    if (shipSoon == null || shipSoon.isNegative() || shipSoon.isZero()) {
      throw RejectionException.invalid("shipSoon", shipSoon, "a positive duration");
    }
    if (staleDraft == null || staleDraft.isNegative() || staleDraft.isZero()) {
      throw RejectionException.invalid("staleDraft", staleDraft, "a positive duration");
    }
  }

  /** A day before a ship-by date; drafts stale after 14 days. */
  public static QueuePolicy defaults() {
    return new QueuePolicy(Duration.ofDays(1), Duration.ofDays(14));
  }
}
