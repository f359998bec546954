package org.resellledger.core.proposal;

import org.resellledger.core.ledger.StreamId;

/**
 * The stream kinds of the proposal lane and the keys their states hold, for stores and readers.
 *
 * <ul>
 *   <li>{@link #PROPOSAL}: one stream per proposal, id = the proposal id, state {@link Proposal}.
 *   <li>{@link #OUTBOX}: one stream per listing (or order) the outbox has written to, id = its id, state
 *       {@link OutboxQueue}: the day's edit count and the sync restore point.
 * </ul>
 *
 * Keys of a proposal (name: value), an index read with {@code LedgerStore.streamsWithKeyPrefix}:
 * {@code pending: <drafted-at millis>|<id>} while PENDING; {@code sync: <listing>|<id>} while a sync
 * proposal is pending or approved; {@code outbox: <queue>|<enqueued-at millis>|<id>} while in the outbox;
 * {@code due: <due millis>|<id>} while its next attempt may start; {@code blocked: <id>} while BLOCKED.
 */
public final class ProposalStreams {
  public static final StreamId.Kind PROPOSAL = StreamId.Kind.of("PROPOSAL");
  public static final StreamId.Kind OUTBOX = StreamId.Kind.of("OUTBOX");

  public static final String PENDING_KEY = "pending";
  public static final String SYNC_KEY = "sync";
  public static final String OUTBOX_KEY = "outbox";
  public static final String DUE_KEY = "due";
  public static final String BLOCKED_KEY = "blocked";

  private ProposalStreams() {}

  public static StreamId of(ProposalId id) {
    return new StreamId(PROPOSAL, id.value());
  }

  public static StreamId queue(String queue) {
    return new StreamId(OUTBOX, queue);
  }

  /** An instant as fixed-width text that sorts as the instants do (milliseconds since 1970, 15 digits). */
  public static String sortable(java.time.Instant at) {
    return String.format("%015d", at.toEpochMilli());
  }

  /** The proposal id at the end of one of its keys' values. */
  public static ProposalId idOf(String keyValue) {
    return ProposalId.of(keyValue.substring(keyValue.lastIndexOf('|') + 1));
  }
}
