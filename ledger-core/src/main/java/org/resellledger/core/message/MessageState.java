package org.resellledger.core.message;

import java.util.Set;
import org.resellledger.core.value.Transitions;

/**
 * Where a buyer message stands. Moves follow one explicit table ({@link #canMoveTo}); REPLIED and
 * CLOSED_WITHOUT_REPLY are final.
 *
 * <ul>
 *   <li>AWAITING_REPLY: received, nobody has drafted a reply (or the drafted one was rejected, superseded
 *       or expired).
 *   <li>REPLY_DRAFTED: a {@code SEND_BUYER_REPLY} proposal waits for a person's approval.
 *   <li>REPLY_APPROVED: the reply is approved and in the outbox (being sent, retried or blocked); a revision
 *       sends it back to REPLY_DRAFTED.
 *   <li>REPLIED: the outbox wrote the reply to the channel.
 *   <li>CLOSED_WITHOUT_REPLY: a person said it needs no reply here (answered elsewhere, no reply needed).
 * </ul>
 */
public enum MessageState {
  AWAITING_REPLY,
  REPLY_DRAFTED,
  REPLY_APPROVED,
  REPLIED,
  CLOSED_WITHOUT_REPLY;

  private static final Transitions<MessageState> TABLE =
      Transitions.of(MessageState.class)
          .from(AWAITING_REPLY, REPLY_DRAFTED, CLOSED_WITHOUT_REPLY)
          .from(REPLY_DRAFTED, REPLY_APPROVED, AWAITING_REPLY, CLOSED_WITHOUT_REPLY)
          .from(REPLY_APPROVED, REPLY_DRAFTED, AWAITING_REPLY, REPLIED)
          .build();

  public boolean canMoveTo(MessageState target) {
    return TABLE.allows(this, target);
  }

  public Set<MessageState> next() {
    return TABLE.from(this);
  }

  /** Whether nothing more can happen to it. */
  public boolean isFinal() {
    return TABLE.from(this).isEmpty();
  }

  /** Whether it waits for a person: for a reply to be drafted, or for the drafted reply to be approved. */
  public boolean waiting() {
    return this == AWAITING_REPLY || this == REPLY_DRAFTED;
  }
}
