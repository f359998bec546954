package org.resellledger.testkit.sim;

/** What a simulation checks after every step; a failure names the first one broken. */
public enum Invariant {
  /** A command failed with something other than a {@code RejectionException}. */
  UNEXPECTED_EXCEPTION,
  /** A refused command changed events or projections. */
  REJECTED_BUT_CHANGED,
  /** An accepted command's events are not what the store appended. */
  EVENTS_APPENDED,
  /** Some item's buckets do not sum to zero. */
  CONSERVATION,
  /** Some item has a negative on-hand bucket. */
  NEGATIVE_ON_HAND,
  /** Re-sending a provider event did not return the first outcome unchanged, or the same id with other content
   * was not an {@code IDEMPOTENCY_CONFLICT}. */
  IDEMPOTENCY,
  /** Replaying the events does not give the stored projections. */
  REPLAY,
  /**
   * An item, listing or order status moved outside its transition table, or disagrees with its events, or an
   * item was archived while units waited for inspection.
   */
  STATUS_TRANSITION,
  /**
   * A LIVE listing would offer more units than its item has available once its proposals are applied: the
   * listing's latest open sync-kind proposal that can still be applied (or its own quantity, when none is) is
   * above what is available. Exempt: a listing whose latest sync-kind proposal a person rejected (or let
   * expire), and a change a person asked for knowing it (flagged QUANTITY_ABOVE_AVAILABLE).
   */
  OFFERED_ABOVE_AVAILABLE,
  /** The store disagrees with the independent model of bucket quantities, order lines or conflicts. */
  MODEL,
  /**
   * The count sessions disagree with themselves or the store: two open sessions of one location, a variance
   * that is not counted - expected, proposals other than the report's, a location not verified by its latest
   * closed session (see {@code CountCheck}).
   */
  COUNTS,
  /** A check added with {@link LedgerSimulator#check} failed. */
  CUSTOM
}
