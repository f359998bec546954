package org.resellledger.core.inbox;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.EventId;

/**
 * Where provider events are kept as received, before anything else happens to them: the inbox port. A
 * store implements it beside {@code LedgerStore} ({@code InMemoryLedgerStore}, the jOOQ store); the
 * contract suite's inbox group says exactly what it must do. Every rule is {@link Inbox}'s; a store keeps.
 *
 * <ul>
 *   <li>{@link #receive} records a delivery once per (workspace, dedupe key, body): a redelivery changes
 *       nothing but its entry's delivery count and last received-at, and returns that entry as it is; the
 *       same key with another body is a new entry in {@code CONFLICT}. The store enforces the key with a
 *       unique constraint, so two writers receiving one delivery at once make one entry, and neither fails.
 *   <li>{@link #settle} moves an entry only along {@link InboxState#allows}; an illegal move or an unknown
 *       entry is a {@code RejectionException} and changes nothing.
 *   <li>Every read is scoped to one workspace.
 * </ul>
 */
public interface InboxStore {
  /** The most entries {@link #inboxEntries} returns at once. */
  int MAX_PAGE = 500;

  /** Records a delivery; {@code id} names the entry if a new one is made (and must not be in use). */
  Delivered receive(WorkspaceId workspace, InboxEntryId id, ProviderEvent event);

  Optional<InboxEntry> inboxEntry(WorkspaceId workspace, InboxEntryId id);

  /**
   * The entries in {@code state}, newest first (by first received-at, then the later-made first), skipping
   * {@code offset} of them and returning at most {@code limit} (1 to {@value #MAX_PAGE}).
   */
  List<InboxEntry> inboxEntries(WorkspaceId workspace, InboxState state, int offset, int limit);

  /** Moves the entry to {@code next}, and returns it so; see {@link Inbox#settle}. */
  InboxEntry settle(WorkspaceId workspace, InboxEntryId id, Outcome next);

  default InboxEntry markApplied(WorkspaceId workspace, InboxEntryId id, List<EventId> events) {
    return settle(workspace, id, Outcome.applied(events));
  }

  default InboxEntry park(WorkspaceId workspace, InboxEntryId id, String reason) {
    return settle(workspace, id, Outcome.parked(reason));
  }

  default InboxEntry hold(WorkspaceId workspace, InboxEntryId id, String prerequisite) {
    return settle(workspace, id, Outcome.held(prerequisite));
  }

  default InboxEntry ignore(WorkspaceId workspace, InboxEntryId id, String reason) {
    return settle(workspace, id, Outcome.ignored(reason));
  }

  default InboxEntry fail(WorkspaceId workspace, InboxEntryId id, String error) {
    return settle(workspace, id, Outcome.failed(error));
  }

  default InboxEntry markDuplicate(WorkspaceId workspace, InboxEntryId id, String reason) {
    return settle(workspace, id, Outcome.duplicate(reason));
  }
}
