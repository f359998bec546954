package org.resellledger.core.inbox;

/** What {@link InboxStore#receive} did with a delivery, and the entry that holds it now. */
public record Delivered(InboxEntry entry, Arrival arrival) {

  /** How a delivery relates to what the inbox held before it. */
  public enum Arrival {
    /** A key not seen before: a new entry, {@code RECEIVED}. */
    FIRST,
    /** The key and the body of an entry seen before: that entry, counted once more and otherwise unchanged. */
    REDELIVERY,
    /** The key of an entry seen before with a different body: a new entry, {@code CONFLICT}. */
    CONFLICT
  }

  public boolean isRedelivery() {
    return arrival == Arrival.REDELIVERY;
  }
}
