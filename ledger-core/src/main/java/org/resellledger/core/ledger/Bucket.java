package org.resellledger.core.ledger;

/**
 * Where units of an item are. On-hand buckets are physically with the seller and never negative; outside
 * buckets are the other side of each movement (where units came from or went to) and may be negative.
 */
public enum Bucket {
  AVAILABLE(true),
  COMMITTED(true),
  HELD(true),
  INSPECTION(true),
  DAMAGED(true),
  SUPPLIER(false),
  BUYER(false),
  LOST(false),
  WRITTEN_OFF(false),
  BUNDLE(false),
  ADJUSTMENT(false);

  private final boolean onHand;

  Bucket(boolean onHand) {
    this.onHand = onHand;
  }

  public boolean isOnHand() {
    return onHand;
  }
}
