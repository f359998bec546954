package org.resellledger.core.proposal;

/** What the channel answered to one outbox write (see {@code outbox.ChannelWriter}). */
public enum WriteOutcome {
  /** The channel made the change. */
  WRITTEN,
  /** The channel already showed the target (an earlier attempt with the same key, or the channel itself). */
  ALREADY_AT_TARGET,
  /** The channel's current figure differs from the expected one: nothing was written, nothing is forced. */
  MISMATCH,
  /** The write failed; it is retried after a backoff, and blocked after too many failures. */
  FAILED
}
