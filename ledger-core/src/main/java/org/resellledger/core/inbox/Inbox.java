package org.resellledger.core.inbox;

import java.util.List;
import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.value.Checks;

/**
 * The inbox's rules, which every {@link InboxStore} applies the same way: what a delivery becomes given the
 * entries that hold its key, and which moves between states are allowed. Stores keep and enforce; they
 * decide nothing of their own.
 */
public final class Inbox {
  private Inbox() {}

  /**
   * What a delivery of {@code event} becomes, given the entries of the workspace that hold its key (any
   * order): a redelivery of the one with the same body, else a first entry or a conflict with the first.
   *
   * @param idTaken whether {@code id} already names an entry of the workspace (refused unless redelivered)
   */
  public static Delivered receive(List<InboxEntry> sameKey, boolean idTaken, InboxEntryId id, ProviderEvent event) {
    Checks.present("id", id);
    Checks.present("event", event);
    String digest = event.bodyDigest();
    Optional<InboxEntry> same = sameKey.stream().filter(e -> e.event().bodyDigest().equals(digest)).findFirst();
    if (same.isPresent()) {
      return new Delivered(same.get().redelivered(event.receivedAt()), Delivered.Arrival.REDELIVERY);
    }
    if (idTaken) {
      throw new IllegalArgumentException("inbox entry id " + id + " is in use; a new entry needs a fresh id");
    }
    Optional<InboxEntry> first = sameKey.stream().filter(e -> e.state() != InboxState.CONFLICT).findFirst();
    Outcome outcome = first.map(f -> Outcome.conflict(f.id())).orElseGet(Outcome::received);
    InboxEntry entry = new InboxEntry(id, event.dedupeKey(), event, outcome, 1, event.receivedAt());
    return new Delivered(entry, first.isPresent() ? Delivered.Arrival.CONFLICT : Delivered.Arrival.FIRST);
  }

  /**
   * The entry moved to {@code next}; refused {@link RejectionCode#ILLEGAL_INBOX_TRANSITION} when its state
   * does not allow it ({@link InboxState#allows}).
   */
  public static InboxEntry settle(InboxEntry current, Outcome next) {
    Checks.present("outcome", next);
    if (!current.state().allows(next.state())) {
      throw new RejectionException(RejectionCode.ILLEGAL_INBOX_TRANSITION, "state", next.state(),
          "inbox entry " + current.id() + " is " + current.state() + "; from there only "
              + (current.state().isFinal() ? "nothing (final)" : allowedFrom(current.state())));
    }
    return current.with(next);
  }

  /** Refused {@link RejectionCode#UNKNOWN_INBOX_ENTRY}: no entry with that id in the workspace. */
  public static RejectionException unknown(WorkspaceId workspace, InboxEntryId id) {
    return new RejectionException(RejectionCode.UNKNOWN_INBOX_ENTRY, "inboxEntryId", id,
        "no inbox entry with that id in workspace " + workspace);
  }

  /** Checks a page of {@link InboxStore#inboxEntries}. */
  public static void page(InboxState state, int offset, int limit) {
    Checks.present("state", state);
    Checks.nonNegative("offset", offset);
    if (limit < 1 || limit > InboxStore.MAX_PAGE) {
      throw RejectionException.invalid("limit", limit, "1 to " + InboxStore.MAX_PAGE);
    }
  }

  private static String allowedFrom(InboxState state) {
    return java.util.Arrays.stream(InboxState.values()).filter(state::allows).map(Enum::name)
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
