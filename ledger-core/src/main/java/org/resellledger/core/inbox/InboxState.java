package org.resellledger.core.inbox;

import org.resellledger.core.value.Transitions;

/**
 * Where an inbox entry is in its processing. {@link #allows} is the one transition table; {@code
 * InboxStateTest} walks it exhaustively.
 *
 * <ul>
 *   <li>{@link #APPLIED}, {@link #DUPLICATE}, {@link #IGNORED} and {@link #CONFLICT} are final.
 *   <li>{@link #PARKED}, {@link #HELD} and {@link #FAILED} wait: they may be tried again (and stay, with a
 *       new reason), or be settled.
 *   <li>Nothing moves back to {@link #RECEIVED}, and nothing moves to {@link #CONFLICT}: a conflict is
 *       recorded as such when it arrives, never applied and never dropped.
 * </ul>
 */
public enum InboxState {
  /** Stored, not processed yet. */
  RECEIVED,
  /** Turned into ledger events (their ids are kept). */
  APPLIED,
  /** Processing found that the ledger already has this fact under another provider event. */
  DUPLICATE,
  /** No listing, order or SKU matches it yet; kept with its reason until one does or a person matches it. */
  PARKED,
  /** Arrived before something it needs (a cancellation before its sale); waits for it. */
  HELD,
  /** Deliberately not applied (a topic the ledger does not use, a test delivery), with a reason. */
  IGNORED,
  /** Processing failed with an error; may be tried again. */
  FAILED,
  /** Same dedupe key as an earlier entry, different body: recorded, never applied or collapsed. */
  CONFLICT;

  private static final Transitions<InboxState> TABLE = Transitions.of(InboxState.class)
      .from(RECEIVED, APPLIED, DUPLICATE, PARKED, HELD, IGNORED, FAILED)
      .from(PARKED, APPLIED, DUPLICATE, PARKED, HELD, IGNORED, FAILED)
      .from(HELD, APPLIED, DUPLICATE, PARKED, HELD, IGNORED, FAILED)
      .from(FAILED, APPLIED, DUPLICATE, PARKED, HELD, IGNORED, FAILED)
      .build();

  /** Whether an entry in this state may move to {@code next}. */
  public boolean allows(InboxState next) {
    return TABLE.allows(this, next);
  }

  /** Whether nothing may follow this state. */
  public boolean isFinal() {
    return TABLE.from(this).isEmpty();
  }
}
