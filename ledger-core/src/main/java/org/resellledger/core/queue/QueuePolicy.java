package org.resellledger.core.queue;

import java.time.Duration;
import org.resellledger.core.RejectionException;

/**
 * The thresholds the queues use: how near a ship-by date counts as a risk, how old a draft is stale, how long
 * a proposal may wait for a decision before it is a stale approval, and how long a location may go without a
 * physical count.
 *
 * <ul>
 *   <li>Every duration is positive.
 * </ul>
 */
public record QueuePolicy(Duration shipSoon, Duration staleDraft, Duration staleApproval, Duration uncountedAfter) {

  private static final Duration DEFAULT_STALE_APPROVAL = Duration.ofDays(2);
  private static final Duration DEFAULT_UNCOUNTED_AFTER = Duration.ofDays(30);

  public QueuePolicy {
    positive("shipSoon", shipSoon);
    positive("staleDraft", staleDraft);
    positive("staleApproval", staleApproval);
    positive("uncountedAfter", uncountedAfter);
  }

  /** The thresholds of the first two queues, with the default stale-approval age and count interval. */
  public QueuePolicy(Duration shipSoon, Duration staleDraft) {
    this(shipSoon, staleDraft, DEFAULT_STALE_APPROVAL, DEFAULT_UNCOUNTED_AFTER);
  }

  /**
   * A day before a ship-by date; drafts stale after 14 days; approvals stale after 2 days; a location counted
   * every 30 days.
   */
  public static QueuePolicy defaults() {
    return new QueuePolicy(Duration.ofDays(1), Duration.ofDays(14));
  }

  /** This policy with another age after which a pending proposal is a stale approval. */
  public QueuePolicy withStaleApproval(Duration age) {
    return new QueuePolicy(shipSoon, staleDraft, age, uncountedAfter);
  }

  /** This policy with locations counted at least every {@code days} days. */
  public QueuePolicy countEvery(int days) {
    if (days < 1) {
      throw RejectionException.invalid("uncountedAfter", days, "at least 1 day");
    }
    return new QueuePolicy(shipSoon, staleDraft, staleApproval, Duration.ofDays(days));
  }

  private static void positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw RejectionException.invalid(field, d, "a positive duration");
    }
  }
}
