package org.resellledger.core.queue;

import java.time.Duration;
import org.resellledger.core.RejectionException;

/**
 * The thresholds the queues use: how near a ship-by date counts as a risk, how old a draft is stale, and
 * how long a proposal may wait for a decision before it is a stale approval.
 *
 * <ul>
 *   <li>Every duration is positive.
 * </ul>
 */
public record QueuePolicy(Duration shipSoon, Duration staleDraft, Duration staleApproval) {

  public QueuePolicy {
    if (shipSoon == null || shipSoon.isNegative() || shipSoon.isZero()) {
      throw RejectionException.invalid("shipSoon", shipSoon, "a positive duration");
    }
    if (staleDraft == null || staleDraft.isNegative() || staleDraft.isZero()) {
      throw RejectionException.invalid("staleDraft", staleDraft, "a positive duration");
    }
    if (staleApproval == null || staleApproval.isNegative() || staleApproval.isZero()) {
      throw RejectionException.invalid("staleApproval", staleApproval, "a positive duration");
    }
  }

  /** The thresholds of the first two queues, with the default age of a stale approval. */
  public QueuePolicy(Duration shipSoon, Duration staleDraft) {
    this(shipSoon, staleDraft, DEFAULT_STALE_APPROVAL);
  }

  private static final Duration DEFAULT_STALE_APPROVAL = Duration.ofDays(2);

  /** This policy with another age after which a pending proposal is a stale approval. */
  public QueuePolicy withStaleApproval(Duration age) {
    return new QueuePolicy(shipSoon, staleDraft, age);
  }

  /** A day before a ship-by date; drafts stale after 14 days; approvals stale after 2 days. */
  public static QueuePolicy defaults() {
    return new QueuePolicy(Duration.ofDays(1), Duration.ofDays(14), DEFAULT_STALE_APPROVAL);
  }
}
