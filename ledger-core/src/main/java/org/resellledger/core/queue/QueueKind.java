package org.resellledger.core.queue;

/**
 * The exception queues, in the order a person should work them: {@link #priority} 1 first. Declaration
 * order is the order within a priority. Priority 6 is buyer messages.
 */
public enum QueueKind {
  /** An item sold more units than it had: who keeps it, which order to cancel or refund. */
  DOUBLE_SALE(1),
  /** Paid, not handed over, and the ship-by date is near or past. */
  LATE_SHIPMENT(2),
  /** Shipped without tracking. */
  MISSING_TRACKING(2),
  /** A provider event parked, held, failed or in conflict in the inbox. */
  UNMATCHED_PROVIDER_EVENT(3),
  /** An outbox write blocked after too many failed attempts, waiting for a person to retry or reject it. */
  BLOCKED_WRITE(4),
  /** A listing the channel reports in ERROR. */
  SYNC_ERROR(4),
  /** A listing whose channel figures (price, title, quantity, status) disagree with the ledger's. */
  LISTING_DISCREPANCY(4),
  /** A return the buyer asked for, with its deadline. */
  RETURN_DEADLINE(5),
  /** Returned units waiting for inspection. */
  AWAITING_INSPECTION(5),
  /** A buyer message waiting for a reply, or for approval of its drafted reply. */
  BUYER_MESSAGE(6),
  /** A pending proposal flagged risky (price below cost basis, a large drop, quantity above available). */
  RISKY_CHANGE(7),
  /** A proposal pending for longer than the policy's age. */
  STALE_APPROVAL(7),
  /** A draft listing older than the policy's age. */
  STALE_DRAFT(8),
  /** An item stuck in a blocked status (needs photos, held, needs inspection). */
  STUCK_STATUS(8),
  /** An item at or above the photo threshold without complete photos. */
  MISSING_PHOTOS(8),
  /** An item with units available and no listing anywhere. */
  NO_LISTING(8),
  /** A location with units on hand never counted, or not within the policy's {@code uncountedAfter}. */
  UNCOUNTED_LOCATION(8);

  private final int priority;

  QueueKind(int priority) {
    this.priority = priority;
  }

  /** 1 is the most urgent. */
  public int priority() {
    return priority;
  }
}
